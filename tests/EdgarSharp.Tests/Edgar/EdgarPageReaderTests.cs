using EdgarSharp.Edgar;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Edgar;

/// <summary>Filing index pages, index-headers pages, directory listings, Current Events, Atom feeds and FilingSummary.xml.</summary>
public class EdgarPageReaderTests
{
    private static string Text(string name) => File.ReadAllText(EdgarFixtures.Path(name));

    [Fact]
    public void A_filing_index_page_gives_its_filing_fields_documents_and_filers()
    {
        var page = EdgarPageReader.ReadIndexPage(Text("index-page.html"));

        Assert.Equal("0000000001-24-000002", page.AccessionNumber);
        Assert.Equal("8-K", page.FormType);
        Assert.Equal(new DateOnly(2024, 3, 11), page.FilingDate);
        Assert.Equal(new DateTimeOffset(2024, 3, 11, 18, 30, 57, TimeSpan.FromHours(-4)), page.AcceptedAt);
        Assert.Equal(new DateOnly(2024, 3, 8), page.Period);
        Assert.Equal(2, page.DocumentCount);
        Assert.Equal(["Item 2.02: Results of Operations and Financial Condition", "Item 9.01: Financial Statements and Exhibits"], page.Items);
        Assert.Equal(new IndexPageDocument(1, "8-K", "ex-8k.htm", "/Archives/edgar/data/1/000000000124000002/ex-8k.htm", "8-K", 23537, "Document Format Files"), page.Documents[0]);
        Assert.Null(page.Documents[1].Sequence);
        Assert.Equal(new IndexPageFiler("Example Widgets Inc. (Filer)", "0000000001"), Assert.Single(page.Filers));
        Assert.Empty(page.Diagnostics);
    }

    [Fact]
    public void A_page_that_is_not_an_index_page_gives_warnings_not_exceptions()
    {
        var page = EdgarPageReader.ReadIndexPage("<html><body><p>Not found</p></body></html>");

        Assert.Null(page.AccessionNumber);
        Assert.Equal(2, page.Diagnostics.Count);
    }

    [Fact]
    public void An_index_headers_page_reads_the_header_inside_its_comment()
    {
        var (header, diagnostics) = EdgarPageReader.ReadIndexHeaders(Text("index-headers.html"));

        Assert.Equal("0000000001-24-000002", header.AccessionNumber);
        Assert.Equal(["2.02", "9.01"], header.Items);
        Assert.Equal("EXAMPLE WIDGETS INC", Assert.Single(header.Filers).Company.Name);
        Assert.Equal(new DateTimeOffset(2024, 3, 11, 18, 30, 57, TimeSpan.FromHours(-4)), header.AcceptedAt);
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Directory_listings_read_from_html_and_from_index_json()
    {
        var html = EdgarPageReader.ReadDirectoryListing(Text("directory-listing.html"));
        Assert.Equal("daily-index/2018/QTR4/", html.Path);
        Assert.Equal([new DirectoryEntry("company.20181001.idx", "644 KB", "10/01/2018 10:18:28 PM", false), new DirectoryEntry("sub", "", "10/02/2018 10:18:51 PM", true)], html.Entries);

        using var stream = File.OpenRead(EdgarFixtures.Path("directory.json"));
        var json = EdgarPageReader.ReadDirectoryJson(stream);
        Assert.Equal("/Archives/edgar/data/1/000000000124000002", json.Path);
        Assert.Equal(["0000000001-24-000002.txt", "ex-8k.htm"], json.Entries.Select(e => e.Name));
        Assert.Equal("23537", json.Entries[1].Size);
    }

    [Fact]
    public void The_current_events_page_lists_its_rows_and_checks_its_stated_total()
    {
        var feed = EdgarPageReader.ReadCurrentEvents(Text("current-events.html"));

        Assert.Equal(2, feed.Entries.Count);
        Assert.Equal(new FeedEntry("424B3", "ABVC BIOPHARMA, INC.", 1173313, null, "0001213900-23-068604", new DateOnly(2023, 8, 17), null,
            "/Archives/edgar/data/1173313/0001213900-23-068604-index.html"), feed.Entries[1]);
        Assert.Equal(3, feed.DeclaredCount);
        Assert.Equal(EdgarCodes.UnexpectedHtml, Assert.Single(feed.Diagnostics).Code);
    }

    [Fact]
    public void The_atom_latest_filings_feed_gives_form_company_cik_role_and_accession()
    {
        using var stream = File.OpenRead(EdgarFixtures.Path("atom.xml"));
        var feed = EdgarPageReader.ReadFeed(stream);

        Assert.Equal(new DateTimeOffset(2026, 1, 12, 11, 28, 52, TimeSpan.FromHours(-5)), feed.Updated);
        Assert.Equal(2, feed.Entries.Count);
        Assert.Equal(new FeedEntry("497", "VANGUARD FUNDS", 821404, "Filer", "0001193125-26-009897", new DateOnly(2026, 1, 12),
            new DateTimeOffset(2026, 1, 12, 9, 0, 44, TimeSpan.FromHours(-5)), "https://www.sec.gov/Archives/edgar/data/821404/000119312526009897/0001193125-26-009897-index.htm"), feed.Entries[0]);
        Assert.Equal("Reporting", feed.Entries[1].Role);
        Assert.Empty(feed.Diagnostics);
    }

    [Fact]
    public void A_filing_summary_lists_its_reports_and_input_files_and_ignores_its_doctype()
    {
        using var stream = File.OpenRead(EdgarFixtures.Path("FilingSummary.xml"));
        var summary = EdgarPageReader.ReadFilingSummary(stream);

        Assert.Equal("3.24.3", summary.Version);
        Assert.Equal(193, summary.ContextCount);
        Assert.Equal(new FilingSummaryReport(2, "BALANCE SHEETS", "0000002 - Statement - BALANCE SHEETS", "R2.htm", "http://example.com/role/BalanceSheets", "Statements", "Sheet", "ex-20240928.htm"), summary.Reports[1]);
        Assert.Equal(["ex-20240928.htm", "ex-20240928.xsd"], summary.InputFiles);
        Assert.Empty(summary.Diagnostics);
    }

    [Fact]
    public void Malformed_xml_is_an_error_with_its_position()
    {
        using var stream = new MemoryStream("<FilingSummary><MyReports><Report>"u8.ToArray());
        var summary = EdgarPageReader.ReadFilingSummary(stream, "broken.xml");

        Assert.Equal(EdgarCodes.BadXml, Assert.Single(summary.Diagnostics).Code);
        using var feed = new MemoryStream("<feed><entry>"u8.ToArray());
        Assert.Equal(EdgarCodes.BadXml, Assert.Single(EdgarPageReader.ReadFeed(feed).Diagnostics).Code);
    }

    public static TheoryData<string> CorpusIndexPages()
    {
        var data = new TheoryData<string>();
        foreach (var name in new[]
        {
            "0000019617-26-000241", "0000072333-23-000015", "0000796343-23-000044", "0000912057-00-023442", "0000950142-22-003095",
            "0001045810-26-000024", "0001193125-23-048785", "0001564590-18-004771", "0001628280-25-058337", "0001741773-23-002051",
        })
        {
            data.Add($"submissions/edgartools-cassettes/index-pages/{name}-index.html");
        }
        foreach (var name in new[] { "0000000000-24-003505", "0000000000-24-005673", "0000000000-26-001655" })
        {
            data.Add($"correspondence/edgartools/{name}-index.html");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusIndexPages))]
    public void A_corpus_index_page_reads_its_accession_number_and_documents(string path)
    {
        var file = Corpus.RequireCorpus(path);
        var page = EdgarPageReader.ReadIndexPage(File.ReadAllText(file), path);

        Assert.Equal(Path.GetFileName(path)[..20], page.AccessionNumber);
        Assert.NotNull(page.FormType);
        Assert.NotNull(page.FilingDate);
        Assert.NotEmpty(page.Filers);
        Assert.Empty(page.Diagnostics);
        Assert.NotNull(page.DocumentCount);
        Assert.NotEmpty(page.Documents);
        // The complete submission text file is listed, named by the accession number.
        Assert.Contains(page.Documents, d => d.Document == page.AccessionNumber + ".txt" && d.Sequence is null);
    }

    [Fact]
    public void The_corpus_index_page_of_a_submission_matches_the_submission()
    {
        var page = EdgarPageReader.ReadIndexPage(File.ReadAllText(Corpus.RequireCorpus("submissions/edgartools-cassettes/index-pages/0001193125-23-048785-index.html")));
        var submission = SubmissionReader.ReadFile(Corpus.RequireCorpus("submissions/edgartools-cassettes/0001193125-23-048785.txt"));

        Assert.Equal(submission.Header.AcceptedAt, page.AcceptedAt);
        Assert.Equal(submission.Header.PublicDocumentCount, page.DocumentCount);
        foreach (var d in page.Documents.Where(d => d.Sequence is not null))
        {
            var doc = submission.Documents.Single(s => s.Sequence == d.Sequence);
            Assert.Equal(doc.FileName, d.Document);
            Assert.Equal(doc.Type, d.Type);
        }
    }

    public static TheoryData<string, int> CorpusHeaders() => new()
    {
        { "submissions/edgartools/headers/0001971857-23-000246-index-headers.html", 1 },
        { "submissions/edgartools/headers/23AndMe.index-headers.html", 0 },
        { "submissions/edgartools/headers/form4.index-headers.html", 1 },
        { "submissions/edgartools/headers/index-headers.html", 0 },
        { "submissions/edgartools/headers/objectivecapital.form144-index-headers.html", 0 },
    };

    [Theory]
    [MemberData(nameof(CorpusHeaders))]
    public void A_corpus_index_headers_page_reads_its_header(string path, int reportingOwners)
    {
        var html = File.ReadAllText(Corpus.RequireCorpus(path));
        var accession = System.Text.RegularExpressions.Regex.Match(html, @"<ACCESSION-NUMBER>(\S+)").Groups[1].Value;

        var (header, diagnostics) = EdgarPageReader.ReadIndexHeaders(html, path);

        Assert.Equal(accession, header.AccessionNumber);
        Assert.NotNull(header.FormType);
        Assert.NotNull(header.FilingDate);
        Assert.NotNull(header.AcceptedAt);
        Assert.Equal(reportingOwners, header.ReportingOwners.Count);
        Assert.NotEmpty(header.Parties);
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void The_corpus_index_json_reads_its_listing()
    {
        var file = Corpus.RequireCorpus("submissions/edgartools/index-json/0001213900-24-004875-index.json");
        using var stream = File.OpenRead(file);
        var listing = EdgarPageReader.ReadDirectoryJson(stream);

        Assert.Equal("/Archives/edgar/data/1648960/000121390024004875", listing.Path);
        Assert.Contains(listing.Entries, e => e.Name == "0001213900-24-004875-xbrl.zip" && e.Size == "101351");
        Assert.Empty(listing.Diagnostics);
    }

    [Theory]
    [InlineData("index-files/sec-edgar/daily_index_2018_QTR4.htm", "daily-index/2018/QTR4/")]
    [InlineData("index-files/sec-edgar/master_index_1993_QTR4.html", "full-index/1993/QTR4/")]
    public void A_corpus_directory_listing_reads_every_row(string path, string folder)
    {
        var html = File.ReadAllText(Corpus.RequireCorpus(path));
        var rows = System.Text.RegularExpressions.Regex.Matches(html, "<tr><td><a href=").Count;

        var listing = EdgarPageReader.ReadDirectoryListing(html, path);

        Assert.Equal(folder, listing.Path);
        Assert.Equal(rows, listing.Entries.Count);
        Assert.Empty(listing.Diagnostics);
    }

    [Fact]
    public void The_corpus_current_events_page_lists_exactly_the_matches_it_states()
    {
        var feed = EdgarPageReader.ReadCurrentEvents(File.ReadAllText(Corpus.RequireCorpus("index-files/follow-insider/current-events-daily-feed.html")));

        Assert.Equal(2625, feed.DeclaredCount);
        Assert.Equal(2625, feed.Entries.Count);
        Assert.Empty(feed.Diagnostics);
        Assert.All(feed.Entries, e => Assert.NotNull(e.AccessionNumber));
    }

    [Theory]
    [InlineData("index-files/atom-getcurrent/getcurrent_start500_all.atom.xml", 0)]
    [InlineData("index-files/atom-getcurrent/getcurrent_start500_type4.atom.xml", 0)]
    [InlineData("index-files/follow-insider/latest-feed.atom.xml", 0)]
    [InlineData("index-files/sec-edgar/aapl_10q_filings_atom.xml", 3)]
    public void A_corpus_feed_reads_every_entry(string path, int badLinks)
    {
        var file = Corpus.RequireCorpus(path);
        var text = File.ReadAllText(file);
        var expected = System.Text.RegularExpressions.Regex.Matches(text, "<entry>|<filing>").Count;

        using var stream = File.OpenRead(file);
        var feed = EdgarPageReader.ReadFeed(stream, path);

        Assert.Equal(expected, feed.Entries.Count);
        Assert.Equal(badLinks, feed.Diagnostics.Count);
        Assert.Equal(expected - badLinks, feed.Entries.Count(e => e.AccessionNumber is not null && e.Cik is not null));
    }

    [Theory]
    [InlineData("submissions/edgartools/filingsummary/AAPL-FilingSummary.xml")]
    [InlineData("submissions/edgartools/filingsummary/NVDA-FilingSummary.xml")]
    public void A_corpus_filing_summary_reads_every_report(string path)
    {
        var file = Corpus.RequireCorpus(path);
        var expected = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), "<Report[ >]").Count;

        using var stream = File.OpenRead(file);
        var summary = EdgarPageReader.ReadFilingSummary(stream, path);

        Assert.Equal(expected, summary.Reports.Count);
        Assert.Empty(summary.Diagnostics);
        Assert.NotEmpty(summary.InputFiles);
    }
}
