using EdgarSharp.Storage;

namespace EdgarSharp.Tests.Store;

public class SqliteEdgarStoreTests
{
    private static FilingRecord Form4(string sha) => new()
    {
        Id = sha,
        IdKind = "sha256",
        Sha256 = sha,
        Kind = "ownership-xml",
        File = "form4.xml",
        Bytes = 10,
        Form = "4",
        FilingDate = "2024-03-20",
        Company = new CompanyRecord(1102993, "LPSN", "LivePerson, Inc."),
        Insider = new InsiderReport("4", "2024-03-18", "1102993", "LivePerson, Inc.", "LPSN", "1", "Owner", "officer", true,
            [new InsiderRow(1, "I", false, "Common Stock", "2024-03-18", "S", 271250.5m, 0.29m, "D", 1234567890123456789.0123456789m, "D")]),
    };

    [Fact]
    public void A_new_store_is_migrated_to_the_latest_schema_version_in_WAL_mode()
    {
        using var folder = new TempFolder();
        using var store = SqliteEdgarStore.Open(folder.Db);

        Assert.Equal(SqliteEdgarStore.Migrations[^1].Version, store.SchemaVersion);
        Assert.Equal("wal", store.Query("PRAGMA journal_mode", null) as string);
    }

    [Fact]
    public void Amounts_and_share_counts_round_trip_exactly_as_canonical_text()
    {
        using var folder = new TempFolder();
        using (var store = SqliteEdgarStore.Open(folder.Db))
        {
            Assert.Equal(StoreOutcome.Stored, store.Store(Form4("aa")));
        }
        using var reopened = SqliteEdgarStore.Open(folder.Db);

        var row = Assert.Single(Assert.Single(reopened.Filings(1102993)).Insider!.Rows);
        Assert.Equal(271250.5m, row.Shares);
        Assert.Equal(0.29m, row.Price);
        Assert.Equal(1234567890123456789.0123456789m, row.SharesFollowing);
        Assert.Equal("271250.5", reopened.Query("SELECT shares FROM insider_rows", null));
        Assert.Equal("text", reopened.Query("SELECT typeof(price) FROM insider_rows", null));
        Assert.Equal("0.29", reopened.Query("SELECT price FROM insider_rows", null));
    }

    [Fact]
    public void Storing_the_same_filing_twice_changes_nothing()
    {
        using var folder = new TempFolder();
        using var store = SqliteEdgarStore.Open(folder.Db);
        store.Store(Form4("aa"));
        var before = store.Dump();

        Assert.Equal(StoreOutcome.Unchanged, store.Store(Form4("aa")));
        Assert.Equal(before, store.Dump());
    }

    [Fact]
    public void A_filing_with_the_same_accession_number_and_other_bytes_replaces_the_old_one()
    {
        using var folder = new TempFolder();
        using var store = SqliteEdgarStore.Open(folder.Db);
        store.Store(Form4("aa") with { Id = "0001102993-24-000001", IdKind = "accession" });

        var outcome = store.Store(Form4("bb") with { Id = "0001102993-24-000001", IdKind = "accession" });

        Assert.Equal(StoreOutcome.Replaced, outcome);
        Assert.Equal(1L, store.Count("filings"));
        Assert.Equal(1L, store.Count("insider_rows"));
        Assert.Equal("bb", Assert.Single(store.Filings(1102993)).Sha256);
    }

    [Fact]
    public void Another_document_with_the_same_accession_number_leaves_the_stored_filing_alone()
    {
        using var folder = new TempFolder();
        using var store = SqliteEdgarStore.Open(folder.Db);
        store.Store(Form4("aa") with { Id = "0001102993-24-000001", IdKind = "accession" });
        var before = store.Dump();

        var outcome = store.Store(Form4("bb") with { Id = "0001102993-24-000001", IdKind = "accession", File = "form4.htm" });

        Assert.Equal(StoreOutcome.HeldByAnotherDocument, outcome);
        Assert.Equal(before, store.Dump());
    }

    [Fact]
    public void Companies_are_found_by_CIK_then_ticker_then_name()
    {
        using var folder = new TempFolder();
        using var store = SqliteEdgarStore.Open(folder.Db);
        store.Store(Form4("aa"));

        Assert.Equal(1102993, store.FindCompany("1102993")?.Cik);
        Assert.Equal(1102993, store.FindCompany("lpsn")?.Cik);
        Assert.Equal(1102993, store.FindCompany(null, null, "LIVEPERSON, INC.")?.Cik);
        Assert.Null(store.FindCompany("AAPL"));
    }

    [Fact]
    public void A_store_of_schema_version_1_is_migrated_in_place_to_the_latest_version()
    {
        using var folder = new TempFolder();
        using (var v1 = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={folder.Db};Pooling=False"))
        {
            v1.Open();
            using var cmd = v1.CreateCommand();
            cmd.CommandText = "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL);" + SqliteEdgarStore.Migrations[0].Sql + """
                INSERT INTO schema_migrations VALUES (1, 'initial');
                INSERT INTO companies VALUES (1102993, 'LPSN', 'LivePerson, Inc.');
                INSERT INTO filings VALUES ('0001102993-13-000010', 'accession', 'cc', 1102993, '10-K/A', '2013-03-01', '2012-12-31', 'xbrl-instance', 'a.xml', 1);
                """;
            cmd.ExecuteNonQuery();
        }

        using var store = SqliteEdgarStore.Open(folder.Db);

        Assert.Equal(SqliteEdgarStore.Migrations[^1].Version, store.SchemaVersion);
        Assert.Equal("LIVEPERSON", store.Query("SELECT name_key FROM companies WHERE cik = $v", 1102993));
        Assert.Equal("10-K", store.Query("SELECT form_base FROM filings WHERE is_amendment = 1 AND filing_id = $v", "0001102993-13-000010"));
        Assert.Equal("1102993|10-K|2012-12-31|", store.Query("SELECT version_key FROM filings WHERE filing_id = $v", "0001102993-13-000010"));
        Assert.Equal(1102993L, store.FindCompany(null, null, "LIVEPERSON INC")?.Cik);
    }
}
