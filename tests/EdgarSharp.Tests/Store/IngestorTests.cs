using EdgarSharp.Storage;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Store;

public class IngestorTests
{
    private static readonly string Samples = Path.Combine(Corpus.RepoRoot, "samples");

    [Fact]
    public void The_samples_are_stored_as_three_LivePerson_filings_with_the_manifest_filling_what_they_lack()
    {
        using var folder = new TempFolder();
        using var store = SqliteEdgarStore.Open(folder.Db);

        var report = Ingestor.Ingest(store, [Samples]);

        Assert.Equal(3, report.Stored);
        Assert.Empty(report.Rejected);
        var filings = store.Filings(1102993);
        Assert.Equal(["4", "CORRESP", "10-Q"], filings.Select(f => f.Form));
        Assert.All(filings, f => Assert.Equal("LPSN", f.Company?.Ticker));
        Assert.Equal("2017-03-31", filings[2].PeriodOfReport);
        Assert.Equal(1L, store.Count("companies"));
    }

    [Fact]
    public void Ingesting_twice_leaves_every_table_but_the_ingest_runs_unchanged()
    {
        using var folder = new TempFolder();
        using var store = SqliteEdgarStore.Open(folder.Db);
        Ingestor.Ingest(store, [Samples]);
        var first = store.Dump("ingest_runs");

        var again = Ingestor.Ingest(store, [Samples]);

        Assert.Equal(0, again.Stored);
        Assert.Equal(3, again.Unchanged);
        Assert.Equal(first, store.Dump("ingest_runs"));
        Assert.NotEqual(first, store.Dump());
        Assert.Equal(2L, store.Count("ingest_runs"));
    }

    [Fact]
    public void A_Form_4_submission_is_stored_under_its_accession_number_for_its_issuer()
    {
        using var folder = new TempFolder();
        using var store = SqliteEdgarStore.Open(folder.Db);

        var report = Ingestor.Ingest(store, [Path.Combine(Corpus.RepoRoot, "tests", "EdgarSharp.Tests", "Fixtures", "Ownership", "submission-0009990002-24-000001.txt")]);

        Assert.Equal(1, report.Stored);
        var company = store.FindCompany("EXWG");
        Assert.Equal(9990001, company?.Cik);
        var filing = Assert.Single(store.Filings(9990001));
        Assert.Equal("0009990002-24-000001", filing.Id);
        Assert.Equal("accession", filing.IdKind);
        Assert.Equal("form4.xml", Assert.Single(filing.Documents).File);
        Assert.NotEmpty(filing.Insider!.Rows);
    }

    [Fact]
    public void Schemas_beside_a_conformance_test_case_are_rejected_as_part_of_the_suite()
    {
        using var folder = new TempFolder();
        var suite = Path.Combine(folder.Path, "suite", "100-schema");
        Directory.CreateDirectory(suite);
        File.WriteAllText(Path.Combine(suite, "100-testcase.xml"), "<?xml version=\"1.0\"?><testcase name=\"100\"><variation id=\"V-01\"/></testcase>");
        File.WriteAllText(Path.Combine(suite, "100-01.xsd"), "<?xml version=\"1.0\"?><schema xmlns=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"http://example.com/t\"/>");
        using var store = SqliteEdgarStore.Open(folder.Db);

        var report = Ingestor.Ingest(store, [Path.Combine(folder.Path, "suite")]);

        Assert.Equal(2, report.Rejected.Count);
        Assert.All(report.Rejected, r => Assert.Equal("conformance-suite", r.Kind));
        Assert.Contains(report.Rejected, r => r.File.EndsWith("100-01.xsd", StringComparison.Ordinal) && r.Reason.Contains("part of the XBRL conformance suite", StringComparison.Ordinal));
        Assert.Equal(0L, store.Count("filings"));
    }

    [Fact]
    public void A_conformance_suite_file_is_rejected_with_a_reason()
    {
        using var folder = new TempFolder();
        var testcase = Path.Combine(folder.Path, "100-testcase.xml");
        File.WriteAllText(testcase, """
            <?xml version="1.0" encoding="UTF-8"?>
            <testcase name="100" description="a variation">
              <variation id="V-01"><data><instance readMeFirst="true">a.xml</instance></data><result expected="valid"/></variation>
            </testcase>
            """);
        using var store = SqliteEdgarStore.Open(folder.Db);

        var report = Ingestor.Ingest(store, [testcase]);

        var rejected = Assert.Single(report.Rejected);
        Assert.Equal("conformance-suite", rejected.Kind);
        Assert.Contains("not a filing", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal(0L, store.Count("filings"));
    }
}
