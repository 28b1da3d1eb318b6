using System.Globalization;
using Microsoft.Data.Sqlite;

namespace EdgarSharp.Storage;

/// <summary>
/// The store in one SQLite file (WAL journal, foreign keys on). The schema is created and upgraded by the
/// versioned migrations in <see cref="Migrations"/>, recorded in <c>schema_migrations</c>. Amounts and share
/// counts are canonical decimal TEXT (<see cref="DecimalText"/>).
/// </summary>
public sealed class SqliteEdgarStore : IEdgarStore
{
    private readonly SqliteConnection _connection;

    /// <summary>The migrations in order: version, name, SQL. Never edit one that has shipped; add the next.</summary>
    internal static readonly IReadOnlyList<(int Version, string Name, string Sql)> Migrations =
    [
        (1, "initial", """
            CREATE TABLE companies (cik INTEGER PRIMARY KEY, ticker TEXT, name TEXT);
            CREATE INDEX companies_ticker ON companies(ticker);
            CREATE TABLE filings (
                filing_id TEXT PRIMARY KEY, id_kind TEXT NOT NULL, content_sha256 TEXT NOT NULL,
                cik INTEGER REFERENCES companies(cik), form TEXT, filing_date TEXT, period_of_report TEXT,
                document_kind TEXT NOT NULL, file_name TEXT NOT NULL, bytes INTEGER NOT NULL);
            CREATE INDEX filings_cik ON filings(cik, filing_date);
            CREATE TABLE documents (
                filing_id TEXT NOT NULL REFERENCES filings(filing_id) ON DELETE CASCADE, seq INTEGER NOT NULL,
                file_name TEXT NOT NULL, document_kind TEXT NOT NULL, bytes INTEGER NOT NULL, content_sha256 TEXT NOT NULL,
                PRIMARY KEY (filing_id, seq));
            CREATE TABLE xbrl_role_summaries (
                filing_id TEXT NOT NULL REFERENCES filings(filing_id) ON DELETE CASCADE, link_role TEXT NOT NULL,
                primary_items INTEGER NOT NULL, hypercubes INTEGER NOT NULL, dimensions INTEGER NOT NULL,
                members INTEGER NOT NULL, defaults_count INTEGER NOT NULL, tables_list TEXT NOT NULL, axes_list TEXT NOT NULL,
                PRIMARY KEY (filing_id, link_role));
            CREATE TABLE insider_reports (
                filing_id TEXT PRIMARY KEY REFERENCES filings(filing_id) ON DELETE CASCADE, document_type TEXT,
                period_of_report TEXT, issuer_cik TEXT, issuer_name TEXT, issuer_symbol TEXT, owner_cik TEXT,
                owner_name TEXT, relationship TEXT, aff10b5one INTEGER);
            CREATE TABLE insider_rows (
                filing_id TEXT NOT NULL REFERENCES filings(filing_id) ON DELETE CASCADE, seq INTEGER NOT NULL,
                table_name TEXT NOT NULL, is_holding INTEGER NOT NULL, security_title TEXT, transaction_date TEXT,
                code TEXT, shares TEXT, shares_key TEXT, price TEXT, acquired_disposed TEXT, shares_following TEXT,
                shares_following_key TEXT, direct_or_indirect TEXT, exercise_price TEXT,
                PRIMARY KEY (filing_id, seq));
            CREATE TABLE letters (
                filing_id TEXT PRIMARY KEY REFERENCES filings(filing_id) ON DELETE CASCADE, kind TEXT NOT NULL,
                side TEXT NOT NULL, letter_date TEXT, company TEXT, file_number TEXT, answers TEXT);
            CREATE TABLE comments (
                filing_id TEXT NOT NULL REFERENCES filings(filing_id) ON DELETE CASCADE, number INTEGER NOT NULL,
                heading TEXT, text TEXT NOT NULL, response TEXT, PRIMARY KEY (filing_id, number));
            CREATE TABLE commitments (
                filing_id TEXT NOT NULL REFERENCES filings(filing_id) ON DELETE CASCADE, seq INTEGER NOT NULL,
                text TEXT NOT NULL, trigger_text TEXT NOT NULL, filing TEXT, period TEXT, comment INTEGER,
                PRIMARY KEY (filing_id, seq));
            CREATE TABLE diagnostics (
                filing_id TEXT NOT NULL REFERENCES filings(filing_id) ON DELETE CASCADE, seq INTEGER NOT NULL,
                severity TEXT NOT NULL, code TEXT NOT NULL, message TEXT NOT NULL, PRIMARY KEY (filing_id, seq));
            CREATE TABLE ingest_runs (
                run_id INTEGER PRIMARY KEY AUTOINCREMENT, started_utc TEXT NOT NULL, finished_utc TEXT,
                sources TEXT NOT NULL, stored INTEGER, unchanged INTEGER, rejected INTEGER);
            """),
    ];

    private SqliteEdgarStore(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens (creating when missing, with its folder) the store at <paramref name="path"/> and migrates it.</summary>
    public static SqliteEdgarStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        var store = new SqliteEdgarStore(connection);
        store.Execute("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;");
        store.Migrate();
        return store;
    }

    /// <summary>The schema version (the highest migration applied).</summary>
    public int SchemaVersion => Convert.ToInt32(Scalar("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"), CultureInfo.InvariantCulture);

    private void Migrate()
    {
        Execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)");
        var current = SchemaVersion;
        foreach (var (version, name, sql) in Migrations.Where(m => m.Version > current))
        {
            using var tx = _connection.BeginTransaction();
            Execute(sql, tx);
            Execute("INSERT INTO schema_migrations (version, name) VALUES ($v, $n)", tx, ("$v", version), ("$n", name));
            tx.Commit();
        }
    }

    /// <inheritdoc />
    public StoreOutcome Store(FilingRecord filing)
    {
        ArgumentNullException.ThrowIfNull(filing);
        using var tx = _connection.BeginTransaction();
        var existing = Scalar("SELECT content_sha256 FROM filings WHERE filing_id = $id", tx, ("$id", filing.Id)) as string;
        if (string.Equals(existing, filing.Sha256, StringComparison.Ordinal))
        {
            tx.Rollback();
            return StoreOutcome.Unchanged;
        }
        if (existing is not null
            && Scalar("SELECT file_name FROM filings WHERE filing_id = $id", tx, ("$id", filing.Id)) is string file
            && !string.Equals(file, filing.File, StringComparison.Ordinal))
        {
            tx.Rollback();
            return StoreOutcome.HeldByAnotherDocument;
        }
        if (existing is not null)
        {
            Execute("DELETE FROM filings WHERE filing_id = $id", tx, ("$id", filing.Id));
        }
        if (filing.Company is { } company)
        {
            Execute("INSERT OR IGNORE INTO companies (cik, ticker, name) VALUES ($cik, $t, $n)", tx,
                ("$cik", company.Cik), ("$t", company.Ticker), ("$n", company.Name));
            Execute("UPDATE companies SET ticker = COALESCE(ticker, $t), name = COALESCE(name, $n) WHERE cik = $cik", tx,
                ("$cik", company.Cik), ("$t", company.Ticker), ("$n", company.Name));
        }
        Execute("""
            INSERT INTO filings (filing_id, id_kind, content_sha256, cik, form, filing_date, period_of_report, document_kind, file_name, bytes)
            VALUES ($id, $ik, $sha, $cik, $form, $fd, $por, $kind, $file, $bytes)
            """, tx, ("$id", filing.Id), ("$ik", filing.IdKind), ("$sha", filing.Sha256), ("$cik", filing.Company?.Cik),
            ("$form", filing.Form), ("$fd", filing.FilingDate), ("$por", filing.PeriodOfReport), ("$kind", filing.Kind),
            ("$file", filing.File), ("$bytes", filing.Bytes));
        foreach (var d in filing.Documents)
        {
            Execute("INSERT INTO documents VALUES ($id, $seq, $file, $kind, $bytes, $sha)", tx,
                ("$id", filing.Id), ("$seq", d.Seq), ("$file", d.File), ("$kind", d.Kind), ("$bytes", d.Bytes), ("$sha", d.Sha256));
        }
        foreach (var r in filing.XbrlRoles)
        {
            Execute("INSERT INTO xbrl_role_summaries VALUES ($id, $role, $p, $h, $d, $m, $def, $t, $a)", tx,
                ("$id", filing.Id), ("$role", r.Role), ("$p", r.PrimaryItems), ("$h", r.Hypercubes), ("$d", r.Dimensions),
                ("$m", r.Members), ("$def", r.Defaults), ("$t", r.Tables), ("$a", r.Axes));
        }
        if (filing.Insider is { } insider)
        {
            Execute("INSERT INTO insider_reports VALUES ($id, $dt, $por, $icik, $iname, $isym, $ocik, $oname, $rel, $aff)", tx,
                ("$id", filing.Id), ("$dt", insider.DocumentType), ("$por", insider.PeriodOfReport), ("$icik", insider.IssuerCik),
                ("$iname", insider.IssuerName), ("$isym", insider.IssuerSymbol), ("$ocik", insider.OwnerCik),
                ("$oname", insider.OwnerName), ("$rel", insider.Relationship), ("$aff", insider.Aff10b5One));
            foreach (var row in insider.Rows)
            {
                Execute("""
                    INSERT INTO insider_rows VALUES ($id, $seq, $table, $holding, $sec, $date, $code, $shares, $sharesKey, $price,
                        $ad, $following, $followingKey, $di, $ex)
                    """, tx, ("$id", filing.Id), ("$seq", row.Seq), ("$table", row.Table), ("$holding", row.IsHolding),
                    ("$sec", row.Security), ("$date", row.Date), ("$code", row.Code), ("$shares", DecimalText.Canonical(row.Shares)),
                    ("$sharesKey", DecimalText.SortKey(row.Shares)), ("$price", DecimalText.Canonical(row.Price)),
                    ("$ad", row.AcquiredDisposed), ("$following", DecimalText.Canonical(row.SharesFollowing)),
                    ("$followingKey", DecimalText.SortKey(row.SharesFollowing)), ("$di", row.DirectOrIndirect),
                    ("$ex", DecimalText.Canonical(row.ExercisePrice)));
            }
        }
        if (filing.Letter is { } letter)
        {
            Execute("INSERT INTO letters VALUES ($id, $kind, $side, $date, $company, $fn, $answers)", tx,
                ("$id", filing.Id), ("$kind", letter.Kind), ("$side", letter.Side), ("$date", letter.Date),
                ("$company", letter.Company), ("$fn", letter.FileNumber), ("$answers", letter.Answers));
            foreach (var c in letter.Comments)
            {
                Execute("INSERT INTO comments VALUES ($id, $n, $h, $t, $r)", tx,
                    ("$id", filing.Id), ("$n", c.Number), ("$h", c.Heading), ("$t", c.Text), ("$r", c.Response));
            }
            foreach (var c in letter.Commitments)
            {
                Execute("INSERT INTO commitments VALUES ($id, $seq, $t, $tr, $f, $p, $c)", tx,
                    ("$id", filing.Id), ("$seq", c.Seq), ("$t", c.Text), ("$tr", c.Trigger), ("$f", c.Filing),
                    ("$p", c.Period), ("$c", c.Comment));
            }
        }
        foreach (var d in filing.Diagnostics)
        {
            Execute("INSERT INTO diagnostics VALUES ($id, $seq, $sev, $code, $msg)", tx,
                ("$id", filing.Id), ("$seq", d.Seq), ("$sev", d.Severity), ("$code", d.Code), ("$msg", d.Message));
        }
        tx.Commit();
        return existing is null ? StoreOutcome.Stored : StoreOutcome.Replaced;
    }

    /// <inheritdoc />
    public CompanyRecord? FindCompany(long? cik, string? ticker, string? name)
    {
        if (cik is { } c && ReadCompany("SELECT cik, ticker, name FROM companies WHERE cik = $v", c) is { } byCik)
        {
            return byCik;
        }
        if (!string.IsNullOrWhiteSpace(ticker)
            && ReadCompany("SELECT cik, ticker, name FROM companies WHERE upper(ticker) = upper($v) ORDER BY cik LIMIT 1", ticker.Trim()) is { } byTicker)
        {
            return byTicker;
        }
        if (!string.IsNullOrWhiteSpace(name)
            && ReadCompany("SELECT cik, ticker, name FROM companies WHERE lower(name) = lower($v) ORDER BY cik LIMIT 1", name.Trim()) is { } byName)
        {
            return byName;
        }
        return null;
    }

    /// <inheritdoc />
    public CompanyRecord? FindCompany(string cikOrTicker)
    {
        ArgumentNullException.ThrowIfNull(cikOrTicker);
        var text = cikOrTicker.Trim();
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var cik)
            ? FindCompany(cik, null, null)
            : FindCompany(null, text, text);
    }

    private CompanyRecord? ReadCompany(string sql, object value)
    {
        using var cmd = Command(sql, null, ("$v", value));
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? new CompanyRecord(reader.GetInt64(0), Str(reader, 1), Str(reader, 2)) : null;
    }

    /// <inheritdoc />
    public IReadOnlyList<FilingRecord> Filings(long cik)
    {
        var company = FindCompany(cik, null, null);
        var filings = new List<FilingRecord>();
        using (var cmd = Command("""
            SELECT filing_id, id_kind, content_sha256, form, filing_date, period_of_report, document_kind, file_name, bytes
            FROM filings WHERE cik = $cik ORDER BY COALESCE(filing_date, period_of_report), filing_id
            """, null, ("$cik", cik)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                filings.Add(new FilingRecord
                {
                    Id = r.GetString(0), IdKind = r.GetString(1), Sha256 = r.GetString(2), Company = company,
                    Form = Str(r, 3), FilingDate = Str(r, 4), PeriodOfReport = Str(r, 5), Kind = r.GetString(6),
                    File = r.GetString(7), Bytes = r.GetInt64(8),
                });
            }
        }
        return filings.Select(Complete).ToList();
    }

    private FilingRecord Complete(FilingRecord f)
    {
        var documents = Rows("SELECT seq, file_name, document_kind, bytes, content_sha256 FROM documents WHERE filing_id = $id ORDER BY seq", f.Id,
            r => new DocumentRecord(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetString(4)));
        var roles = Rows("""
            SELECT link_role, primary_items, hypercubes, dimensions, members, defaults_count, tables_list, axes_list
            FROM xbrl_role_summaries WHERE filing_id = $id ORDER BY link_role
            """, f.Id,
            r => new XbrlRoleSummary(r.GetString(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetString(6), r.GetString(7)));
        var insiderRows = Rows("""
            SELECT seq, table_name, is_holding, security_title, transaction_date, code, shares, price, acquired_disposed,
                shares_following, direct_or_indirect, exercise_price
            FROM insider_rows WHERE filing_id = $id ORDER BY seq
            """, f.Id,
            r => new InsiderRow(r.GetInt32(0), r.GetString(1), r.GetInt64(2) != 0, Str(r, 3), Str(r, 4), Str(r, 5),
                DecimalText.ParseOrNull(Str(r, 6)), DecimalText.ParseOrNull(Str(r, 7)), Str(r, 8), DecimalText.ParseOrNull(Str(r, 9)),
                Str(r, 10), DecimalText.ParseOrNull(Str(r, 11))));
        var insider = Rows("""
            SELECT document_type, period_of_report, issuer_cik, issuer_name, issuer_symbol, owner_cik, owner_name, relationship, aff10b5one
            FROM insider_reports WHERE filing_id = $id
            """, f.Id,
            r => new InsiderReport(Str(r, 0), Str(r, 1), Str(r, 2), Str(r, 3), Str(r, 4), Str(r, 5), Str(r, 6), Str(r, 7),
                r.IsDBNull(8) ? null : r.GetInt64(8) != 0, insiderRows)).FirstOrDefault();
        var comments = Rows("SELECT number, heading, text, response FROM comments WHERE filing_id = $id ORDER BY number", f.Id,
            r => new CommentRecord(r.GetInt32(0), Str(r, 1), r.GetString(2), Str(r, 3)));
        var commitments = Rows("SELECT seq, text, trigger_text, filing, period, comment FROM commitments WHERE filing_id = $id ORDER BY seq", f.Id,
            r => new CommitmentRecord(r.GetInt32(0), r.GetString(1), r.GetString(2), Str(r, 3), Str(r, 4), r.IsDBNull(5) ? null : r.GetInt32(5)));
        var letter = Rows("SELECT kind, side, letter_date, company, file_number, answers FROM letters WHERE filing_id = $id", f.Id,
            r => new LetterRecord(r.GetString(0), r.GetString(1), Str(r, 2), Str(r, 3), Str(r, 4), Str(r, 5), comments, commitments)).FirstOrDefault();
        var diagnostics = Rows("SELECT seq, severity, code, message FROM diagnostics WHERE filing_id = $id ORDER BY seq", f.Id,
            r => new DiagnosticRecord(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetString(3)));
        return f with { Documents = documents, XbrlRoles = roles, Insider = insider, Letter = letter, Diagnostics = diagnostics };
    }

    /// <inheritdoc />
    public long BeginRun(IReadOnlyList<string> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return Convert.ToInt64(Scalar(
            "INSERT INTO ingest_runs (started_utc, sources) VALUES ($s, $src) RETURNING run_id", null,
            ("$s", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture)), ("$src", string.Join('\n', sources))), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public void EndRun(long run, int stored, int unchanged, int rejected) =>
        Execute("UPDATE ingest_runs SET finished_utc = $f, stored = $s, unchanged = $u, rejected = $r WHERE run_id = $id", null,
            ("$f", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture)), ("$s", stored), ("$u", unchanged), ("$r", rejected), ("$id", run));

    /// <summary>
    /// Every row of every table but <paramref name="except"/>, one line each, tables and rows in a fixed order:
    /// what <c>sqlite3 .dump</c> would show, for comparing two states of the store.
    /// </summary>
    public string Dump(params string[] except)
    {
        var tables = new List<string>();
        using (var cmd = Command("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name", null))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                tables.Add(r.GetString(0));
            }
        }
        var lines = new List<string>();
        foreach (var table in tables.Where(t => !except.Contains(t, StringComparer.Ordinal)))
        {
            var rows = new List<string>();
            using var cmd = Command($"SELECT * FROM \"{table}\"", null);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var values = new string[r.FieldCount];
                for (var i = 0; i < r.FieldCount; i++)
                {
                    values[i] = r.IsDBNull(i) ? "NULL" : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture) ?? "NULL";
                }
                rows.Add(table + "\t" + string.Join('\t', values));
            }
            rows.Sort(StringComparer.Ordinal);
            lines.AddRange(rows);
        }
        return string.Join('\n', lines);
    }

    /// <summary>The number of rows in <paramref name="table"/> (a name from the schema).</summary>
    public long Count(string table) => Convert.ToInt64(Scalar($"SELECT COUNT(*) FROM \"{table.Replace("\"", string.Empty, StringComparison.Ordinal)}\""), CultureInfo.InvariantCulture);

    /// <summary>Runs a query with one parameter <c>$v</c> and returns the first column of the first row.</summary>
    internal object? Query(string sql, object? value) => Scalar(sql, null, ("$v", value));

    /// <inheritdoc />
    public void Dispose()
    {
        _connection.Dispose();
    }

    private List<T> Rows<T>(string sql, string id, Func<SqliteDataReader, T> map)
    {
        using var cmd = Command(sql, null, ("$id", id));
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read())
        {
            list.Add(map(r));
        }
        return list;
    }

    private static string? Str(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private SqliteCommand Command(string sql, SqliteTransaction? tx, params (string Name, object? Value)[] parameters)
    {
        var cmd = _connection.CreateCommand();
#pragma warning disable CA2100 // the SQL is the store's own; values are parameters
        cmd.CommandText = sql;
#pragma warning restore CA2100
        cmd.Transaction = tx;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return cmd;
    }

    private void Execute(string sql, SqliteTransaction? tx = null, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, tx, parameters);
        cmd.ExecuteNonQuery();
    }

    private object? Scalar(string sql, SqliteTransaction? tx = null, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, tx, parameters);
        var value = cmd.ExecuteScalar();
        return value is DBNull ? null : value;
    }
}
