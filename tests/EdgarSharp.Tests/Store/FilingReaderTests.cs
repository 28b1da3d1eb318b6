using EdgarSharp.Storage;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Store;

public class FilingReaderTests
{
    private static readonly string[] Documents =
    [
        Corpus.Sample("lpsn-20170331_def.xml"),
        Corpus.Sample("lpsn-form4-2009-11-19.txt"),
        Corpus.Sample("lpsn-corresp-2013-02-27.md"),
        Path.Combine(StoreFixtures.ExampleGears, "egx-20241231.xml"),
        Path.Combine(StoreFixtures.ExampleGears, "response-2024-06-14.txt"),
        Path.Combine(StoreFixtures.HoldingsBreak, "form4-2024-08-01.xml"),
        Corpus.Fixture(Path.Combine("Ownership", "submission-0009990002-24-000001.txt")),
    ];

    private static string Summary(FilingRead read) => read.Filing is { } f
        ? $"{f.Id} {f.Form} {f.PeriodOfReport} {f.Company?.Cik} {f.CompanyName} {f.XbrlRoles.Count} {f.XbrlFacts.Count} {f.Insider?.Rows.Count} {f.Letter?.Comments.Count} {f.Diagnostics.Count}"
        : "rejected " + read.Rejected!.Reason;

    [Fact]
    public void Reading_on_several_threads_gives_the_records_read_on_one()
    {
        var manifest = Manifest.Load(Corpus.Sample(Manifest.FileName));
        var expected = Documents.Select(d => Summary(FilingReader.Read(d, manifest))).ToList();

        var parallel = new string[Documents.Length * 4];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            i => parallel[i] = Summary(FilingReader.Read(Documents[i % Documents.Length], manifest)));

        for (var i = 0; i < parallel.Length; i++)
        {
            Assert.Equal(expected[i % Documents.Length], parallel[i]);
        }
        Assert.DoesNotContain(expected, e => e.StartsWith("rejected", StringComparison.Ordinal));
    }

    [Fact]
    public void A_letter_names_its_company_by_name_and_an_XBRL_report_by_its_dei_facts()
    {
        var letter = FilingReader.Read(Path.Combine(StoreFixtures.ExampleGears, "response-2024-06-14.txt"), null).Filing!;
        var report = FilingReader.Read(Path.Combine(StoreFixtures.ExampleGears, "egx-20241231a.xml"), null).Filing!;

        Assert.Null(letter.Company);
        Assert.Equal("Example Gears Inc.", letter.CompanyName);
        Assert.Equal("CORRESP", letter.Form);
        Assert.Equal(new CompanyRecord(9990201, "EXGR", "Example Gears Inc."), report.Company);
        Assert.Equal("10-K/A", report.Form);
        Assert.True(report.IsAmendment);
        Assert.Equal("2024-12-31", report.PeriodOfReport);
        var revenue = Assert.Single(report.XbrlFacts, f => f.Concept == "egx:Revenues" && f.ContextId == "FY2024");
        Assert.Equal(48700000m, revenue.DecimalValue);
        Assert.Equal("iso4217:USD", revenue.Unit);
    }

    [Fact]
    public void A_text_that_is_not_a_letter_is_rejected_with_its_reason()
    {
        using var temp = new TempFolder();
        var notes = Path.Combine(temp.Path, "notes.txt");
        File.WriteAllText(notes, "Shopping list\n\nmilk, eggs, bread\n");

        var read = FilingReader.Read(notes, null);

        Assert.Null(read.Filing);
        Assert.Contains("does not recognise as SEC correspondence", read.Rejected!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Form_4_amendment_is_stored_beside_its_original_and_supersedes_it()
    {
        using var temp = new TempFolder();
        using var store = SqliteEdgarStore.Open(temp.Db);
        Ingestor.Ingest(store, [Corpus.Fixture(Path.Combine("Ownership", "form4-amendment.xml")), Corpus.Fixture(Path.Combine("Ownership", "form4-exercise-and-sale.xml"))]);

        var listings = store.FilingListings(9990001);

        var original = Assert.Single(listings, l => l.Form == "4");
        var amendment = Assert.Single(listings, l => l.Form == "4/A");
        Assert.Equal([original.Id], amendment.Amends);
        Assert.False(original.IsLatest);
        Assert.True(amendment.IsLatest);
        Assert.All(store.InsiderTransactions(9990001, null), t => Assert.Equal(amendment.Id, t.FilingId));
        Assert.Contains(store.InsiderTransactions(9990001, null, latestOnly: false), t => t.FilingId == original.Id);
    }

    [Fact]
    public void A_letter_thread_folder_gives_the_letter_its_accession_company_and_date_and_rejects_the_text_extraction()
    {
        using var temp = new TempFolder();
        using var store = SqliteEdgarStore.Open(temp.Db);

        var report = Ingestor.Ingest(store, [Corpus.Fixture(Path.Combine("Store", "letter-thread"))]);

        var stored = Assert.Single(report.Files);
        Assert.Equal("0009990201-24-000007", stored.FilingId);
        var letter = Assert.Single(store.Filings(9990201));
        Assert.Equal(("CORRESP", "2024-06-17", "accession"), (letter.Form, letter.FilingDate, letter.IdKind));
        Assert.Equal("EXGR", letter.Company?.Ticker);
        Assert.Single(letter.Letter!.Commitments);
        Assert.Contains(report.Rejected, r => r.File.EndsWith("0009990201-24-000007.txt", StringComparison.Ordinal)
            && r.Reason.StartsWith("EDGAR's text extraction of a filing whose own documents", StringComparison.Ordinal));
    }
}
