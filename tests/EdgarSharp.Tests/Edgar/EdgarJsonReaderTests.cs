using System.Text.Json;
using EdgarSharp.Edgar;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Edgar;

/// <summary>The submissions, companyfacts and company tickers JSON into typed models; every corpus file.</summary>
public class EdgarJsonReaderTests
{
    [Fact]
    public void The_columnar_recent_filings_become_one_record_per_filing()
    {
        var s = EdgarJsonReader.ReadSubmissionsFile(EdgarFixtures.Path("submissions.json"), followPages: false);

        Assert.Equal("0000000001", s.Cik);
        Assert.Equal("Example Widgets Inc.", s.Name);
        Assert.Equal(["EXW"], s.Tickers);
        Assert.Equal("62702", s.BusinessAddress!.Zip);
        Assert.Equal(new CompanyFormerName("EXAMPLE GADGETS INC", new DateOnly(1994, 1, 26), new DateOnly(2001, 3, 1)), Assert.Single(s.FormerNames));
        Assert.Equal(2, s.Filings.Count);
        var f = s.Filings[0];
        Assert.Equal("0000000001-24-000002", f.AccessionNumber);
        Assert.Equal(new DateOnly(2024, 3, 11), f.FilingDate);
        Assert.Equal(new DateOnly(2024, 3, 8), f.ReportDate);
        Assert.Null(s.Filings[1].ReportDate);
        Assert.Equal(["2.02", "9.01"], f.Items);
        Assert.Equal(12345, f.Size);
        Assert.True(f.IsInlineXbrl);
        Assert.False(s.Filings[1].IsXbrl);
        Assert.Equal("8-K", f.CoreType);
    }

    [Fact]
    public void The_acceptance_time_marked_z_is_read_as_new_york_wall_clock_time()
    {
        var s = EdgarJsonReader.ReadSubmissionsFile(EdgarFixtures.Path("submissions.json"), followPages: false);

        Assert.Equal(new DateTimeOffset(2024, 3, 11, 18, 30, 57, TimeSpan.FromHours(-4)), s.Filings[0].AcceptedAt);
        Assert.Equal(new DateTimeOffset(2024, 1, 5, 17, 0, 48, TimeSpan.FromHours(-5)), s.Filings[1].AcceptedAt);
    }

    [Fact]
    public void The_pages_in_filings_files_are_followed_and_a_missing_page_is_reported()
    {
        var s = EdgarJsonReader.ReadSubmissionsFile(EdgarFixtures.Path("submissions.json"));

        Assert.Equal(2, s.Pages.Count);
        Assert.Equal(3, s.Filings.Count);
        Assert.Equal("0000000001-99-000001", s.Filings[2].AccessionNumber);
        var missing = Assert.Single(s.Diagnostics);
        Assert.Contains("submissions-page-002.json", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Company_facts_keep_units_periods_frames_forms_and_accession_numbers_as_decimals()
    {
        using var stream = File.OpenRead(EdgarFixtures.Path("companyfacts.json"));
        var facts = EdgarJsonReader.ReadCompanyFacts(stream, "companyfacts.json");

        Assert.Equal(1, facts.Cik);
        Assert.Equal(["EntityCommonStockSharesOutstanding", "EarningsPerShareBasic", "Revenues"], facts.Concepts.Select(c => c.Name));
        Assert.Equal("dei", facts.Concepts[0].Taxonomy);
        var shares = Assert.Single(facts.Concepts[0].Facts);
        Assert.Equal(new CompanyFact("shares", null, new DateOnly(2024, 1, 20), 15550061000m, "0000000001-24-000001", 2024, "Q1", "10-Q", new DateOnly(2024, 2, 2), "CY2024Q1I"), shares);
        var eps = Assert.Single(facts.Concepts[1].Facts);
        Assert.Equal(6.13m, eps.Value);
        Assert.Equal("USD/shares", eps.Unit);
        Assert.Equal(new DateOnly(2023, 1, 1), eps.Start);
        Assert.Null(facts.Concepts[2].Description);
        Assert.Null(facts.Concepts[2].Facts[0].Frame);
        Assert.Equal(EdgarCodes.BadValue, Assert.Single(facts.Diagnostics).Code);
    }

    [Fact]
    public void Company_tickers_read_and_a_bad_row_is_left_out_with_a_warning()
    {
        using var stream = File.OpenRead(EdgarFixtures.Path("company_tickers.json"));
        var (tickers, diagnostics) = EdgarJsonReader.ReadTickers(stream);

        Assert.Equal([new CompanyTicker(789019, "MSFT", "MICROSOFT CORP"), new CompanyTicker(320193, "AAPL", "Apple Inc.")], tickers);
        Assert.Equal(EdgarCodes.BadValue, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Invalid_json_is_one_error_and_an_empty_model()
    {
        using var stream = new MemoryStream("{\"filings\": [1, 2"u8.ToArray());
        var s = EdgarJsonReader.ReadSubmissions(stream, "broken");

        Assert.Empty(s.Filings);
        Assert.Equal(EdgarCodes.BadJson, Assert.Single(s.Diagnostics).Code);
        using var facts = new MemoryStream("[]"u8.ToArray());
        Assert.Equal(EdgarCodes.BadJson, Assert.Single(EdgarJsonReader.ReadCompanyFacts(facts).Diagnostics).Code);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void Values_and_dates_do_not_depend_on_the_culture(string culture) =>
        EdgarFixtures.WithCulture(culture, () =>
        {
            using var stream = File.OpenRead(EdgarFixtures.Path("companyfacts.json"));
            var facts = EdgarJsonReader.ReadCompanyFacts(stream);
            Assert.Equal(6.13m, facts.Concepts[1].Facts[0].Value);
            Assert.Equal(new DateOnly(2024, 2, 2), facts.Concepts[1].Facts[0].Filed);
        });

    public static TheoryData<string> SubmissionsFiles()
    {
        var data = new TheoryData<string>();
        var root = Corpus.Shared is null ? null : Path.Combine(Corpus.Shared, "corpus", "submissions", "submissions-json");
        if (root is not null && Directory.Exists(root))
        {
            foreach (var f in Directory.GetFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(Path.Combine(Corpus.Shared!, "corpus"), f));
            }
        }
        else
        {
            data.Add("submissions/submissions-json/edgartools/CIK0000320193.json");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SubmissionsFiles))]
    public void A_corpus_submissions_json_reads_every_filing_it_lists(string path)
    {
        var file = Corpus.RequireCorpus(path);
        using var json = JsonDocument.Parse(File.ReadAllBytes(file));
        var columns = json.RootElement.TryGetProperty("filings", out var filings) ? filings.GetProperty("recent") : json.RootElement;
        var expected = columns.GetProperty("accessionNumber").EnumerateArray().Select(a => a.GetString()).ToList();

        var s = EdgarJsonReader.ReadSubmissionsFile(file, followPages: false);

        Assert.Equal(expected, s.Filings.Select(f => f.AccessionNumber));
        Assert.DoesNotContain(s.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.All(s.Filings, f => Assert.NotNull(f.FilingDate));
        Assert.All(s.Filings.Where(f => f.AcceptedAt is not null), f => Assert.Equal(UsEastern.OffsetAt(f.AcceptedAt!.Value.DateTime), f.AcceptedAt!.Value.Offset));
        if (json.RootElement.TryGetProperty("name", out var name))
        {
            Assert.Equal(name.GetString(), s.Name);
            Assert.Equal(json.RootElement.GetProperty("filings").GetProperty("files").GetArrayLength(), s.Pages.Count);
        }
    }

    [Fact]
    public void A_corpus_submissions_json_follows_its_page_beside_it()
    {
        var s = EdgarJsonReader.ReadSubmissionsFile(Corpus.RequireCorpus("submissions/submissions-json/edgartools/CIK0000749647.json"));

        var page = Assert.Single(s.Pages);
        Assert.Equal(1000 + page.FilingCount, s.Filings.Count);
        Assert.Empty(s.Diagnostics);
    }

    [Fact]
    public void The_json_acceptance_time_equals_the_submission_headers()
    {
        var json = EdgarJsonReader.ReadSubmissionsFile(Corpus.RequireCorpus("submissions/submissions-json/edgartools/CIK0000320193.json"), followPages: false);
        var header = SubmissionReader.ReadFile(Corpus.RequireCorpus("submissions/edgartools-cassettes/0000320193-22-000061.txt")).Header;

        var filing = json.Filings.Single(f => f.AccessionNumber == header.AccessionNumber);
        Assert.Equal(header.AcceptedAt, filing.AcceptedAt);
        Assert.Equal(header.FilingDate, filing.FilingDate);
        Assert.Equal(header.FormType, filing.Form);
    }

    [Theory]
    [InlineData("companyfacts/edgartools/CIK0000320193.json")]
    [InlineData("companyfacts/edgartools/CIK0001652044.json")]
    [InlineData("companyfacts/edgartools/CIK0001835632.json")]
    [InlineData("companyfacts/edgartools/snow_facts.json")]
    public void A_corpus_companyfacts_file_reads_every_fact(string path)
    {
        var file = Corpus.RequireCorpus(path);
        using var json = JsonDocument.Parse(File.ReadAllBytes(file));
        var expected = json.RootElement.GetProperty("facts").EnumerateObject()
            .SelectMany(t => t.Value.EnumerateObject())
            .SelectMany(c => c.Value.GetProperty("units").EnumerateObject())
            .Sum(u => u.Value.GetArrayLength());

        using var stream = File.OpenRead(file);
        var facts = EdgarJsonReader.ReadCompanyFacts(stream, path);

        Assert.Equal(json.RootElement.GetProperty("cik").GetInt64(), facts.Cik);
        Assert.Equal(expected, facts.AllFacts.Count());
        Assert.Empty(facts.Diagnostics);
        Assert.All(facts.AllFacts, p => Assert.Matches(@"^\d{10}-\d{2}-\d{6}$", p.Fact.AccessionNumber));
    }

    [Fact]
    public void The_corpus_company_tickers_read_every_row()
    {
        var file = Corpus.RequireCorpus("index-files/edgartools/company_tickers.json");
        using var json = JsonDocument.Parse(File.ReadAllBytes(file));

        using var stream = File.OpenRead(file);
        var (tickers, diagnostics) = EdgarJsonReader.ReadTickers(stream);

        Assert.Equal(json.RootElement.EnumerateObject().Count(), tickers.Count);
        Assert.Empty(diagnostics);
        Assert.Contains(new CompanyTicker(320193, "AAPL", "Apple Inc."), tickers);
    }
}
