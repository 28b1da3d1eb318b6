using Microsoft.Data.Sqlite;

namespace EdgarSharp.Storage;

/// <summary>The queries behind <c>edgar query</c>: plain SQL over the tables and views of the store.</summary>
public sealed partial class SqliteEdgarStore
{
    /// <inheritdoc />
    public IReadOnlyList<FilingListing> FilingListings(long cik) =>
        Read("""
            SELECT f.filing_id, f.id_kind, f.form, f.filing_date, f.period_of_report, f.document_kind, f.file_name, f.is_amendment,
                EXISTS (SELECT 1 FROM latest_filings l WHERE l.filing_id = f.filing_id),
                (SELECT group_concat(original_id, ' ') FROM (SELECT original_id FROM filing_amendments a WHERE a.amendment_id = f.filing_id ORDER BY original_id)),
                (SELECT COUNT(*) FROM xbrl_facts x WHERE x.filing_id = f.filing_id),
                (SELECT COUNT(*) FROM diagnostics d WHERE d.filing_id = f.filing_id AND d.severity = 'error'),
                (SELECT COUNT(*) FROM diagnostics d WHERE d.filing_id = f.filing_id AND d.severity = 'warning')
            FROM filings f WHERE f.cik = $cik
            ORDER BY COALESCE(f.filing_date, f.period_of_report), f.is_amendment, f.filing_id
            """,
            r => new FilingListing(r.GetString(0), r.GetString(1), Str(r, 2), Str(r, 3), Str(r, 4), r.GetString(5), r.GetString(6),
                r.GetInt64(7) != 0, r.GetInt64(8) != 0, Str(r, 9)?.Split(' ') ?? [], r.GetInt32(10), r.GetInt32(11), r.GetInt32(12)),
            ("$cik", cik));

    /// <inheritdoc />
    public IReadOnlyList<InsiderTransaction> InsiderTransactions(long? issuerCik, long? ownerCik, bool latestOnly = true)
    {
        var rows = Read("""
            SELECT f.filing_id, f.form, f.filing_date, f.period_of_report, i.issuer_cik, i.issuer_name, i.issuer_symbol, i.owner_cik, i.owner_name,
                EXISTS (SELECT 1 FROM latest_filings l WHERE l.filing_id = f.filing_id),
                r.seq, r.table_name, r.is_holding, r.security_title, r.transaction_date, r.code, r.shares, r.price, r.acquired_disposed,
                r.shares_following, r.direct_or_indirect, r.exercise_price, r.nature
            FROM insider_rows r
            JOIN insider_reports i ON i.filing_id = r.filing_id
            JOIN filings f ON f.filing_id = r.filing_id
            WHERE ($issuer IS NULL OR f.cik = $issuer OR CAST(i.issuer_cik AS INTEGER) = $issuer)
              AND ($owner IS NULL OR CAST(i.owner_cik AS INTEGER) = $owner)
            ORDER BY COALESCE(f.period_of_report, f.filing_date), COALESCE(f.filing_date, ''), f.filing_id, r.seq
            """,
            r => new InsiderTransaction(r.GetString(0), Str(r, 1), Str(r, 2), Str(r, 3), Str(r, 4), Str(r, 5), Str(r, 6), Str(r, 7), Str(r, 8),
                r.GetInt64(9) != 0, ReadInsiderRow(r, 10)),
            ("$issuer", issuerCik), ("$owner", ownerCik));
        return latestOnly ? rows.Where(t => t.IsLatest).ToList() : rows;
    }

    /// <inheritdoc />
    public IReadOnlyList<FactObservation> FactObservations(long cik, string concept)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(concept);
        var prefixed = concept.Contains(':', StringComparison.Ordinal);
        return Read($"""
            SELECT f.filing_id, f.form, f.filing_date, f.period_of_report, x.concept, c.period_type, c.period_start, c.period_end,
                COALESCE(c.dimensions_key, ''), x.unit, x.decimals, x.is_nil, x.value
            FROM xbrl_facts x
            JOIN filings f ON f.filing_id = x.filing_id
            LEFT JOIN xbrl_contexts c ON c.filing_id = x.filing_id AND c.context_id = x.context_id
            WHERE f.cik = $cik AND {(prefixed ? "x.concept = $concept" : "(x.concept = $concept OR x.concept LIKE '%:' || $concept)")}
            ORDER BY COALESCE(f.filing_date, f.period_of_report), f.is_amendment, f.filing_id, x.seq
            """,
            r => new FactObservation(r.GetString(0), Str(r, 1), Str(r, 2), Str(r, 3), r.GetString(4), Str(r, 5), Str(r, 6), Str(r, 7),
                r.GetString(8), Str(r, 9), Str(r, 10), r.GetInt64(11) != 0, Str(r, 12)),
            ("$cik", cik), ("$concept", concept.Trim()));
    }

    /// <inheritdoc />
    public IReadOnlyList<SearchHit> Search(string query, int limit = 20, string? source = null, long? cik = null, string? filingId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        return Read("""
            SELECT search.filing_id, f.cik, co.name, f.form, f.filing_date, search.source, search.ref,
                snippet(search, 3, '[', ']', '...', 16), bm25(search)
            FROM search
            JOIN filings f ON f.filing_id = search.filing_id
            LEFT JOIN companies co ON co.cik = f.cik
            WHERE search MATCH $q AND ($source IS NULL OR search.source = $source) AND ($cik IS NULL OR f.cik = $cik)
              AND ($filing IS NULL OR search.filing_id = $filing)
            ORDER BY bm25(search), search.filing_id, search.ref
            LIMIT $limit
            """,
            r => new SearchHit(r.GetString(0), r.IsDBNull(1) ? null : r.GetInt64(1), Str(r, 2), Str(r, 3), Str(r, 4), r.GetString(5), Str(r, 6),
                r.GetString(7), r.GetDouble(8)),
            ("$q", query), ("$source", source), ("$cik", cik), ("$filing", filingId), ("$limit", limit));
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredDiagnostic> StoredDiagnostics(string? code, long? cik = null)
    {
        var prefix = code is not null && code.EndsWith('*') ? code[..^1] : null;
        return Read("""
            SELECT d.filing_id, f.cik, f.form, f.file_name, d.seq, d.severity, d.code, d.message
            FROM diagnostics d JOIN filings f ON f.filing_id = d.filing_id
            WHERE (($code IS NULL AND $prefix IS NULL) OR d.code = $code OR substr(d.code, 1, length($prefix)) = $prefix)
              AND ($cik IS NULL OR f.cik = $cik)
            ORDER BY d.code, COALESCE(f.filing_date, f.period_of_report), d.filing_id, d.seq
            """,
            r => new StoredDiagnostic(r.GetString(0), r.IsDBNull(1) ? null : r.GetInt64(1), Str(r, 2), r.GetString(3), r.GetInt32(4), r.GetString(5),
                r.GetString(6), r.GetString(7)),
            ("$code", prefix is null ? code : null), ("$prefix", prefix), ("$cik", cik));
    }

    /// <inheritdoc />
    public int TextCount(string filingId, string? source = null) =>
        Convert.ToInt32(Scalar("SELECT COUNT(*) FROM search WHERE filing_id = $id AND ($source IS NULL OR source = $source)", null,
            ("$id", filingId), ("$source", source)), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The facts of one filing with their contexts, in document order.</summary>
    public IReadOnlyList<FactObservation> FilingFacts(string filingId) =>
        Read("""
            SELECT f.filing_id, f.form, f.filing_date, f.period_of_report, x.concept, c.period_type, c.period_start, c.period_end,
                COALESCE(c.dimensions_key, ''), x.unit, x.decimals, x.is_nil, x.value
            FROM xbrl_facts x
            JOIN filings f ON f.filing_id = x.filing_id
            LEFT JOIN xbrl_contexts c ON c.filing_id = x.filing_id AND c.context_id = x.context_id
            WHERE x.filing_id = $id ORDER BY x.seq
            """,
            r => new FactObservation(r.GetString(0), Str(r, 1), Str(r, 2), Str(r, 3), r.GetString(4), Str(r, 5), Str(r, 6), Str(r, 7),
                r.GetString(8), Str(r, 9), Str(r, 10), r.GetInt64(11) != 0, Str(r, 12)),
            ("$id", filingId));

    private List<T> Read<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, null, parameters);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read())
        {
            list.Add(map(r));
        }
        return list;
    }
}
