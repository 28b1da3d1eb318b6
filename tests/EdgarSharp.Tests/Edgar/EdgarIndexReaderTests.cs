using EdgarSharp.Edgar;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Edgar;

/// <summary>Index files: fixed width (form, company, crawler) and separated (master), malformed ones, and the corpus.</summary>
public class EdgarIndexReaderTests
{
    private static EdgarIndex Read(string name) => EdgarIndexReader.ReadFile(EdgarFixtures.Path(name));

    [Fact]
    public void A_form_index_takes_its_columns_from_the_header_and_reads_multi_word_form_types()
    {
        var index = Read("form.idx");

        Assert.Equal(EdgarIndexKind.Form, index.Kind);
        Assert.Equal("Daily Index of EDGAR Dissemination Feed by Form Type", index.Description);
        Assert.Equal("Mar 18, 2020", index.LastDataReceived);
        Assert.Equal(3, index.Entries.Count);
        var second = index.Entries[1];
        Assert.Equal(new EdgarIndexEntry("1-A POS", "SECOND REIT, INC.", 1749817, new DateOnly(2020, 3, 18),
            "edgar/data/1749817/0001010549-20-000033.txt", "0001010549-20-000033", 9), second);
    }

    [Fact]
    public void A_company_name_wider_than_its_column_is_read_by_tokens_and_reported()
    {
        var index = Read("form.idx");

        var overflow = index.Entries[2];
        Assert.Equal("X-17A-5", overflow.FormType);
        Assert.Equal("A COMPANY NAME THAT IS MUCH TOO LONG FOR ITS SIXTY-TWO CHARACTER COLUMN", overflow.CompanyName);
        Assert.Equal(820694, overflow.Cik);
        var warning = Assert.Single(index.Diagnostics);
        Assert.Equal(EdgarCodes.IndexColumnOverflow, warning.Code);
        Assert.Equal(10, warning.Location!.Value.Line);
    }

    [Fact]
    public void A_company_index_with_its_header_wrapped_at_80_columns_reads()
    {
        var index = Read("company.idx");

        Assert.Equal(EdgarIndexKind.Company, index.Kind);
        Assert.Equal(["SC 13D/A", "8-K"], index.Entries.Select(e => e.FormType));
        Assert.Equal("36Kr Holdings Inc.", index.Entries[0].CompanyName);
        Assert.Equal(new DateOnly(2022, 10, 3), index.Entries[1].DateFiled);
        Assert.Empty(index.Diagnostics);
    }

    [Fact]
    public void A_crawler_index_whose_header_understates_its_widths_reads_by_tokens()
    {
        var index = Read("crawler.idx");

        Assert.Equal(EdgarIndexKind.Crawler, index.Kind);
        Assert.Equal(["SCHEDULE 13D/A", "NT 20-F"], index.Entries.Select(e => e.FormType));
        Assert.Equal("0000921895-25-001237", index.Entries[0].AccessionNumber);
        Assert.StartsWith("http://www.sec.gov/Archives/", index.Entries[0].FileName, StringComparison.Ordinal);
        Assert.Empty(index.Diagnostics);
    }

    [Fact]
    public void A_master_index_splits_at_bars_and_reads_iso_dates()
    {
        var index = Read("master.idx");

        Assert.Equal(EdgarIndexKind.Master, index.Kind);
        Assert.Equal(new EdgarIndexEntry("SC 13D/A", "MORGAN STANLEY DEAN WITTER & CO", 895421, new DateOnly(1993, 11, 8),
            "edgar/data/895421/0001021408-01-503754.txt", "0001021408-01-503754", 12), index.Entries[1]);
        Assert.Empty(index.Diagnostics);
    }

    [Fact]
    public void Bad_rows_are_skipped_with_an_error_each_and_the_good_rows_kept()
    {
        var index = Read("bad-master.idx");

        Assert.Empty(index.Entries);
        var errors = index.Diagnostics.Where(d => d.Code == EdgarCodes.IndexBadRow).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Message.Contains("CIK 'X1095785'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("'08/11/1993'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("3 '|'-separated fields", StringComparison.Ordinal));
    }

    [Fact]
    public void An_index_without_a_column_header_is_an_error_not_an_exception()
    {
        var index = Read("no-header.idx");

        Assert.Empty(index.Entries);
        Assert.Equal(EdgarCodes.IndexMissingHeader, Assert.Single(index.Diagnostics).Code);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void Reading_an_index_does_not_depend_on_the_culture(string culture) =>
        EdgarFixtures.WithCulture(culture, () =>
        {
            var index = Read("form.idx");
            Assert.Equal(new DateOnly(2020, 3, 18), index.Entries[0].DateFiled);
            Assert.Equal(1806014, index.Entries[0].Cik);
        });

    public static TheoryData<string, string, int, int, int> CorpusIndexes() => new()
    {
        // path, kind, rows, warnings, errors
        { "index-files/edgartools/form.20200318.idx", "Form", 4084, 0, 0 },
        { "index-files/edgartools/company.20221003.idx", "Company", 4925, 0, 0 },
        { "index-files/edgartools/badform.idx.txt", "Form", 10, 1, 0 },
        { "index-files/edgartools/empty-form.idx", "Form", 0, 1, 0 },
        { "index-files/edgar-app/crawler_sample.idx", "Crawler", 8, 0, 0 },
        { "index-files/sec-edgar/master.idx", "Master", 20, 0, 0 },
        { "index-files/sec-edgar/master.20181231.idx", "Master", 10, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(CorpusIndexes))]
    public void A_corpus_index_file_reads_every_row(string path, string kind, int rows, int warnings, int errors)
    {
        var file = Corpus.RequireCorpus(path);
        var expectedRows = File.ReadLines(file).SkipWhile(l => !l.StartsWith("---", StringComparison.Ordinal)).Skip(1).Count(l => l.Trim().Length > 0);

        var index = EdgarIndexReader.ReadFile(file);

        Assert.Equal(kind, index.Kind.ToString());
        Assert.Equal(expectedRows, rows);
        Assert.Equal(rows, index.Entries.Count);
        Assert.Equal(warnings, index.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning));
        Assert.Equal(errors, index.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
        Assert.All(index.Entries, e => Assert.NotNull(e.AccessionNumber));
        Assert.All(index.Entries, e => Assert.Contains(e.Cik.ToString(System.Globalization.CultureInfo.InvariantCulture), e.FileName, StringComparison.Ordinal));
    }
}
