using System.Globalization;
using Microsoft.Data.Sqlite;

namespace EdgarSharp.Storage;

/// <summary>
/// The store in one SQLite file (WAL journal, foreign keys on). The schema is created and upgraded by the
/// versioned migrations in <see cref="Migrations"/>, recorded in <c>schema_migrations</c>. Amounts and share
/// counts are canonical decimal TEXT (<see cref="DecimalText"/>).
/// </summary>
public sealed partial class SqliteEdgarStore : IEdgarStore
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
        (2, "facts, citations, search, amendments", """
            ALTER TABLE companies ADD COLUMN name_key TEXT;
            CREATE INDEX companies_name_key ON companies(name_key);
            ALTER TABLE filings ADD COLUMN form_base TEXT;
            ALTER TABLE filings ADD COLUMN is_amendment INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE filings ADD COLUMN original_date TEXT;
            ALTER TABLE filings ADD COLUMN version_key TEXT;
            ALTER TABLE filings ADD COLUMN company_hint TEXT;
            UPDATE filings SET
                form_base = CASE WHEN upper(form) LIKE '%/A' THEN substr(form, 1, length(form) - 2) ELSE form END,
                is_amendment = CASE WHEN upper(form) LIKE '%/A' THEN 1 ELSE 0 END;
            UPDATE filings SET version_key = CASE WHEN cik IS NULL OR form_base IS NULL OR period_of_report IS NULL THEN NULL
                ELSE cik || '|' || form_base || '|' || period_of_report || '|'
                    || COALESCE((SELECT CAST(owner_cik AS INTEGER) FROM insider_reports i WHERE i.filing_id = filings.filing_id), '') END;
            CREATE INDEX filings_version ON filings(version_key);
            CREATE INDEX filings_hint ON filings(company_hint) WHERE cik IS NULL;
            ALTER TABLE insider_rows ADD COLUMN nature TEXT;
            CREATE INDEX insider_reports_issuer ON insider_reports(issuer_cik);
            CREATE INDEX insider_reports_owner ON insider_reports(owner_cik);
            ALTER TABLE letters ADD COLUMN body TEXT;
            ALTER TABLE comments ADD COLUMN proposed_disclosure TEXT;
            CREATE TABLE citations (
                filing_id TEXT NOT NULL REFERENCES filings(filing_id) ON DELETE CASCADE, seq INTEGER NOT NULL,
                text TEXT NOT NULL, citation_id TEXT NOT NULL, family TEXT NOT NULL, comment INTEGER,
                PRIMARY KEY (filing_id, seq));
            CREATE INDEX citations_id ON citations(citation_id);
            CREATE TABLE xbrl_contexts (
                filing_id TEXT NOT NULL REFERENCES filings(filing_id) ON DELETE CASCADE, context_id TEXT NOT NULL,
                entity_scheme TEXT NOT NULL, entity_id TEXT NOT NULL, period_type TEXT NOT NULL, period_start TEXT, period_end TEXT,
                dimensions_key TEXT NOT NULL, PRIMARY KEY (filing_id, context_id));
            CREATE TABLE xbrl_context_dimensions (
                filing_id TEXT NOT NULL, context_id TEXT NOT NULL, seq INTEGER NOT NULL, dimension TEXT NOT NULL, member TEXT,
                typed_value TEXT, in_scenario INTEGER NOT NULL, PRIMARY KEY (filing_id, context_id, seq),
                FOREIGN KEY (filing_id, context_id) REFERENCES xbrl_contexts(filing_id, context_id) ON DELETE CASCADE);
            CREATE TABLE xbrl_facts (
                filing_id TEXT NOT NULL REFERENCES filings(filing_id) ON DELETE CASCADE, seq INTEGER NOT NULL, fact_id TEXT,
                concept TEXT NOT NULL, namespace TEXT NOT NULL, context_id TEXT, unit TEXT, decimals TEXT, precision TEXT,
                is_nil INTEGER NOT NULL, is_numeric INTEGER NOT NULL, is_text_block INTEGER NOT NULL, value TEXT, value_key TEXT,
                PRIMARY KEY (filing_id, seq));
            CREATE INDEX xbrl_facts_concept ON xbrl_facts(concept, filing_id);
            CREATE VIRTUAL TABLE search USING fts5(
                filing_id UNINDEXED, source UNINDEXED, ref UNINDEXED, text, tokenize = 'porter unicode61');
            CREATE VIEW latest_filings AS
                SELECT f.* FROM filings f
                WHERE f.version_key IS NULL OR NOT EXISTS (
                    SELECT 1 FROM filings g
                    WHERE g.version_key = f.version_key AND g.is_amendment = 1 AND g.filing_id <> f.filing_id
                      AND (f.is_amendment = 0
                           OR COALESCE(g.filing_date, '') > COALESCE(f.filing_date, '')
                           OR (COALESCE(g.filing_date, '') = COALESCE(f.filing_date, '') AND g.filing_id > f.filing_id)));
            CREATE VIEW filing_amendments AS
                SELECT a.filing_id AS amendment_id, o.filing_id AS original_id, a.version_key AS version_key
                FROM filings a JOIN filings o ON o.version_key = a.version_key AND o.is_amendment = 0
                WHERE a.is_amendment = 1;
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
            if (version == 2)
            {
                BackfillNameKeys(tx);
            }
            Execute("INSERT INTO schema_migrations (version, name) VALUES ($v, $n)", tx, ("$v", version), ("$n", name));
            tx.Commit();
        }
    }

    /// <summary>Migration 2's part in C#: the comparison key of every company's name (<see cref="CompanyNames.Key"/>).</summary>
    private void BackfillNameKeys(SqliteTransaction tx)
    {
        var names = new List<(long Cik, string Name)>();
        using (var cmd = Command("SELECT cik, name FROM companies WHERE name IS NOT NULL", tx))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                names.Add((r.GetInt64(0), r.GetString(1)));
            }
        }
        foreach (var (cik, name) in names)
        {
            Execute("UPDATE companies SET name_key = $k WHERE cik = $cik", tx, ("$k", CompanyNames.Key(name)), ("$cik", cik));
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
            Execute("DELETE FROM search WHERE filing_id = $id", tx, ("$id", filing.Id));
            Execute("DELETE FROM filings WHERE filing_id = $id", tx, ("$id", filing.Id));
        }
        long? cik = filing.Company?.Cik;
        var hint = CompanyNames.Key(filing.CompanyName);
        if (filing.Company is { } company)
        {
            var key = CompanyNames.Key(company.Name);
            Execute("INSERT OR IGNORE INTO companies (cik, ticker, name, name_key) VALUES ($cik, $t, $n, $k)", tx,
                ("$cik", company.Cik), ("$t", company.Ticker), ("$n", company.Name), ("$k", key));
            Execute("UPDATE companies SET ticker = COALESCE(ticker, $t), name = COALESCE(name, $n), name_key = COALESCE(name_key, $k) WHERE cik = $cik", tx,
                ("$cik", company.Cik), ("$t", company.Ticker), ("$n", company.Name), ("$k", key));
            Relink(tx, company.Cik);
        }
        else if (hint is not null && Scalar("SELECT cik FROM companies WHERE name_key = $k ORDER BY cik LIMIT 1", tx, ("$k", hint)) is long known)
        {
            cik = known;
        }
        var formBase = filing.FormBase;
        var isAmendment = filing.IsAmendment || filing.Form?.EndsWith("/A", StringComparison.OrdinalIgnoreCase) == true;
        string? versionKey = cik is null || formBase is null || filing.PeriodOfReport is null
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{cik}|{formBase}|{filing.PeriodOfReport}|{OwnerKey(filing.Insider?.OwnerCik)}");
        Insert(tx, "filings",
            ["filing_id", "id_kind", "content_sha256", "cik", "form", "filing_date", "period_of_report", "document_kind", "file_name", "bytes",
             "form_base", "is_amendment", "original_date", "version_key", "company_hint"],
            [filing.Id, filing.IdKind, filing.Sha256, cik, filing.Form, filing.FilingDate, filing.PeriodOfReport, filing.Kind, filing.File, filing.Bytes,
             formBase, isAmendment, filing.OriginalDate, versionKey, cik is null ? hint : null]);
        using (var documents = Prepare(tx, "documents", ["filing_id", "seq", "file_name", "document_kind", "bytes", "content_sha256"]))
        {
            foreach (var d in filing.Documents)
            {
                documents.Run(filing.Id, d.Seq, d.File, d.Kind, d.Bytes, d.Sha256);
            }
        }
        using (var roles = Prepare(tx, "xbrl_role_summaries",
            ["filing_id", "link_role", "primary_items", "hypercubes", "dimensions", "members", "defaults_count", "tables_list", "axes_list"]))
        {
            foreach (var r in filing.XbrlRoles)
            {
                roles.Run(filing.Id, r.Role, r.PrimaryItems, r.Hypercubes, r.Dimensions, r.Members, r.Defaults, r.Tables, r.Axes);
            }
        }
        using var search = Prepare(tx, "search", ["filing_id", "source", "ref", "text"]);
        if (filing.Insider is { } insider)
        {
            Insert(tx, "insider_reports",
                ["filing_id", "document_type", "period_of_report", "issuer_cik", "issuer_name", "issuer_symbol", "owner_cik", "owner_name", "relationship", "aff10b5one"],
                [filing.Id, insider.DocumentType, insider.PeriodOfReport, insider.IssuerCik, insider.IssuerName, insider.IssuerSymbol, insider.OwnerCik,
                 insider.OwnerName, insider.Relationship, insider.Aff10b5One]);
            using var rows = Prepare(tx, "insider_rows",
                ["filing_id", "seq", "table_name", "is_holding", "security_title", "transaction_date", "code", "shares", "shares_key", "price",
                 "acquired_disposed", "shares_following", "shares_following_key", "direct_or_indirect", "exercise_price", "nature"]);
            foreach (var row in insider.Rows)
            {
                rows.Run(filing.Id, row.Seq, row.Table, row.IsHolding, row.Security, row.Date, row.Code, DecimalText.Canonical(row.Shares),
                    DecimalText.SortKey(row.Shares), DecimalText.Canonical(row.Price), row.AcquiredDisposed, DecimalText.Canonical(row.SharesFollowing),
                    DecimalText.SortKey(row.SharesFollowing), row.DirectOrIndirect, DecimalText.Canonical(row.ExercisePrice), row.Nature);
            }
        }
        if (filing.Letter is { } letter)
        {
            Insert(tx, "letters", ["filing_id", "kind", "side", "letter_date", "company", "file_number", "answers", "body"],
                [filing.Id, letter.Kind, letter.Side, letter.Date, letter.Company, letter.FileNumber, letter.Answers, letter.Body]);
            if (!string.IsNullOrWhiteSpace(letter.Body))
            {
                search.Run(filing.Id, "letter", null, letter.Body);
            }
            using var comments = Prepare(tx, "comments", ["filing_id", "number", "heading", "text", "response", "proposed_disclosure"]);
            var numbers = new HashSet<int>();
            foreach (var c in letter.Comments.Where(c => numbers.Add(c.Number)))
            {
                comments.Run(filing.Id, c.Number, c.Heading, c.Text, c.Response, c.ProposedDisclosure);
                var number = c.Number.ToString(CultureInfo.InvariantCulture);
                search.Run(filing.Id, "comment", number, (c.Heading is null ? string.Empty : c.Heading + "\n") + c.Text);
                if (c.Response is { } response)
                {
                    search.Run(filing.Id, "response", number, response);
                }
            }
            using var commitments = Prepare(tx, "commitments", ["filing_id", "seq", "text", "trigger_text", "filing", "period", "comment"]);
            foreach (var c in letter.Commitments)
            {
                commitments.Run(filing.Id, c.Seq, c.Text, c.Trigger, c.Filing, c.Period, c.Comment);
            }
            using var citations = Prepare(tx, "citations", ["filing_id", "seq", "text", "citation_id", "family", "comment"]);
            foreach (var c in letter.Citations ?? [])
            {
                citations.Run(filing.Id, c.Seq, c.Text, c.CitationId, c.Family, c.Comment);
            }
        }
        using (var contexts = Prepare(tx, "xbrl_contexts",
            ["filing_id", "context_id", "entity_scheme", "entity_id", "period_type", "period_start", "period_end", "dimensions_key"]))
        using (var dimensions = Prepare(tx, "xbrl_context_dimensions", ["filing_id", "context_id", "seq", "dimension", "member", "typed_value", "in_scenario"]))
        {
            foreach (var c in filing.XbrlContexts)
            {
                contexts.Run(filing.Id, c.Id, c.EntityScheme, c.EntityId, c.PeriodType, c.PeriodStart, c.PeriodEnd, c.DimensionsKey);
                for (var i = 0; i < c.Dimensions.Count; i++)
                {
                    var d = c.Dimensions[i];
                    dimensions.Run(filing.Id, c.Id, i + 1, d.Dimension, d.Member, d.TypedValue, d.InScenario);
                }
            }
        }
        using (var facts = Prepare(tx, "xbrl_facts",
            ["filing_id", "seq", "fact_id", "concept", "namespace", "context_id", "unit", "decimals", "precision", "is_nil", "is_numeric",
             "is_text_block", "value", "value_key"]))
        {
            foreach (var f in filing.XbrlFacts)
            {
                facts.Run(filing.Id, f.Seq, f.FactId, f.Concept, f.Namespace, f.ContextId, f.Unit, f.Decimals, f.Precision, f.IsNil, f.IsNumeric,
                    f.IsTextBlock, f.Value, DecimalText.SortKey(f.DecimalValue));
                if (f.IsTextBlock && f.Value is { Length: > 0 } html)
                {
                    search.Run(filing.Id, "text-block", f.Concept, FilingReader.PlainText(html));
                }
            }
        }
        using (var diagnostics = Prepare(tx, "diagnostics", ["filing_id", "seq", "severity", "code", "message"]))
        {
            foreach (var d in filing.Diagnostics)
            {
                diagnostics.Run(filing.Id, d.Seq, d.Severity, d.Code, d.Message);
            }
        }
        tx.Commit();
        return existing is null ? StoreOutcome.Stored : StoreOutcome.Replaced;
    }

    /// <summary>An owner's CIK without leading zeros, for the version key; empty when none.</summary>
    private static string OwnerKey(string? ownerCik) =>
        long.TryParse(ownerCik, NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o.ToString(CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>Links to the company <paramref name="cik"/> the filings stored before it that named it only by name.</summary>
    private void Relink(SqliteTransaction tx, long cik) =>
        Execute("""
            UPDATE filings SET cik = $cik,
                version_key = CASE WHEN form_base IS NULL OR period_of_report IS NULL THEN NULL
                    ELSE $cik || '|' || form_base || '|' || period_of_report || '|' END,
                company_hint = NULL
            WHERE cik IS NULL AND company_hint IS NOT NULL
              AND company_hint = (SELECT name_key FROM companies WHERE cik = $cik)
            """, tx, ("$cik", cik));

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
            && (ReadCompany("SELECT cik, ticker, name FROM companies WHERE lower(name) = lower($v) ORDER BY cik LIMIT 1", name.Trim())
                ?? ReadCompany("SELECT cik, ticker, name FROM companies WHERE name_key = $v ORDER BY cik LIMIT 1", CompanyNames.Key(name) ?? string.Empty)) is { } byName)
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
            SELECT filing_id, id_kind, content_sha256, form, filing_date, period_of_report, document_kind, file_name, bytes,
                is_amendment, original_date
            FROM filings WHERE cik = $cik ORDER BY COALESCE(filing_date, period_of_report), is_amendment, filing_id
            """, null, ("$cik", cik)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                filings.Add(new FilingRecord
                {
                    Id = r.GetString(0), IdKind = r.GetString(1), Sha256 = r.GetString(2), Company = company,
                    Form = Str(r, 3), FilingDate = Str(r, 4), PeriodOfReport = Str(r, 5), Kind = r.GetString(6),
                    File = r.GetString(7), Bytes = r.GetInt64(8), IsAmendment = r.GetInt64(9) != 0, OriginalDate = Str(r, 10),
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
                shares_following, direct_or_indirect, exercise_price, nature
            FROM insider_rows WHERE filing_id = $id ORDER BY seq
            """, f.Id, ReadInsiderRow);
        var insider = Rows("""
            SELECT document_type, period_of_report, issuer_cik, issuer_name, issuer_symbol, owner_cik, owner_name, relationship, aff10b5one
            FROM insider_reports WHERE filing_id = $id
            """, f.Id,
            r => new InsiderReport(Str(r, 0), Str(r, 1), Str(r, 2), Str(r, 3), Str(r, 4), Str(r, 5), Str(r, 6), Str(r, 7),
                r.IsDBNull(8) ? null : r.GetInt64(8) != 0, insiderRows)).FirstOrDefault();
        var comments = Rows("SELECT number, heading, text, response, proposed_disclosure FROM comments WHERE filing_id = $id ORDER BY number", f.Id,
            r => new CommentRecord(r.GetInt32(0), Str(r, 1), r.GetString(2), Str(r, 3), Str(r, 4)));
        var citations = Rows("SELECT seq, text, citation_id, family, comment FROM citations WHERE filing_id = $id ORDER BY seq", f.Id,
            r => new CitationRecord(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetInt32(4)));
        var commitments = Rows("SELECT seq, text, trigger_text, filing, period, comment FROM commitments WHERE filing_id = $id ORDER BY seq", f.Id,
            r => new CommitmentRecord(r.GetInt32(0), r.GetString(1), r.GetString(2), Str(r, 3), Str(r, 4), r.IsDBNull(5) ? null : r.GetInt32(5)));
        var letter = Rows("SELECT kind, side, letter_date, company, file_number, answers, body FROM letters WHERE filing_id = $id", f.Id,
            r => new LetterRecord(r.GetString(0), r.GetString(1), Str(r, 2), Str(r, 3), Str(r, 4), Str(r, 5), comments, commitments, citations, Str(r, 6))).FirstOrDefault();
        var diagnostics = Rows("SELECT seq, severity, code, message FROM diagnostics WHERE filing_id = $id ORDER BY seq", f.Id,
            r => new DiagnosticRecord(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetString(3)));
        return f with { Documents = documents, XbrlRoles = roles, Insider = insider, Letter = letter, Diagnostics = diagnostics };
    }

    private static InsiderRow ReadInsiderRow(SqliteDataReader r) => ReadInsiderRow(r, 0);

    /// <summary>An insider row from the columns seq, table_name, is_holding, security_title, transaction_date, code, shares, price,
    /// acquired_disposed, shares_following, direct_or_indirect, exercise_price, nature starting at <paramref name="at"/>.</summary>
    private static InsiderRow ReadInsiderRow(SqliteDataReader r, int at) =>
        new(r.GetInt32(at), r.GetString(at + 1), r.GetInt64(at + 2) != 0, Str(r, at + 3), Str(r, at + 4), Str(r, at + 5),
            DecimalText.ParseOrNull(Str(r, at + 6)), DecimalText.ParseOrNull(Str(r, at + 7)), Str(r, at + 8), DecimalText.ParseOrNull(Str(r, at + 9)),
            Str(r, at + 10), DecimalText.ParseOrNull(Str(r, at + 11)), Str(r, at + 12));

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

    private void Insert(SqliteTransaction tx, string table, string[] columns, object?[] values)
    {
        using var insert = Prepare(tx, table, columns);
        insert.Run(values);
    }

    private PreparedInsert Prepare(SqliteTransaction tx, string table, string[] columns) => new(_connection, tx, table, columns);

    /// <summary>One INSERT prepared once and run per row (the rows of a filing go through it in one transaction).</summary>
    private sealed class PreparedInsert : IDisposable
    {
        private readonly SqliteCommand _command;
        private readonly SqliteParameter[] _parameters;

        public PreparedInsert(SqliteConnection connection, SqliteTransaction tx, string table, string[] columns)
        {
            _command = connection.CreateCommand();
#pragma warning disable CA2100 // table and column names are the store's own; values are parameters
            _command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
#pragma warning restore CA2100
            _command.Transaction = tx;
            _parameters = columns.Select((_, i) => _command.Parameters.Add("$p" + i.ToString(CultureInfo.InvariantCulture), SqliteType.Text)).ToArray();
        }

        public void Run(params object?[] values)
        {
            for (var i = 0; i < _parameters.Length; i++)
            {
                var v = values[i];
                _parameters[i].SqliteType = v switch
                {
                    null => SqliteType.Text,
                    bool or int or long => SqliteType.Integer,
                    _ => SqliteType.Text,
                };
                _parameters[i].Value = v switch
                {
                    null => DBNull.Value,
                    bool b => b ? 1L : 0L,
                    _ => v,
                };
            }
            _command.ExecuteNonQuery();
        }

        public void Dispose() => _command.Dispose();
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
