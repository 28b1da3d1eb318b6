using System.Text.Json;
using EdgarSharp.Cli;
using EdgarSharp.Tests.Edgar;

namespace EdgarSharp.Tests.Cli;

/// <summary><c>edgar index</c> run in-process: its TSV and JSON contracts and its exit codes.</summary>
public class IndexCommandTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = EdgarApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Tsv_has_a_header_row_and_one_row_per_filing()
    {
        var (exit, output, error) = Run("index", EdgarFixtures.Path("master.idx"), "--format", "tsv");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["formType\tcompanyName\tcik\tdateFiled\taccessionNumber\tfileName",
            "REGDEX\tSAGE CAPITAL LP\t1095785\t1993-12-30\t9999999997-02-056978\tedgar/data/1095785/9999999997-02-056978.txt",
            "SC 13D/A\tMORGAN STANLEY DEAN WITTER & CO\t895421\t1993-11-08\t0001021408-01-503754\tedgar/data/895421/0001021408-01-503754.txt"], lines);
    }

    [Fact]
    public void Json_gives_the_kind_the_entries_and_the_diagnostics()
    {
        var (exit, output, _) = Run("index", EdgarFixtures.Path("form.idx"), "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("form-index", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal("Mar 18, 2020", json.RootElement.GetProperty("lastDataReceived").GetString());
        var first = json.RootElement.GetProperty("entries")[0];
        Assert.Equal(["formType", "companyName", "cik", "dateFiled", "accessionNumber", "fileName", "line"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1806014, first.GetProperty("cik").GetInt64());
        Assert.Equal("2020-03-18", first.GetProperty("dateFiled").GetString());
        Assert.Equal("edgar:index-column-overflow", json.RootElement.GetProperty("diagnostics")[0].GetProperty("code").GetString());
    }

    [Fact]
    public void Feeds_and_the_current_events_page_list_their_filings_too()
    {
        var atom = Run("index", EdgarFixtures.Path("atom.xml"), "--format", "tsv");
        Assert.Equal(3, atom.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var events = Run("index", EdgarFixtures.Path("current-events.html"), "--format", "tsv");
        Assert.Contains("424B3\tABVC BIOPHARMA, INC.\t1173313\t2023-08-17\t0001213900-23-068604", events.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_index_prints_what_it_read_and_exits_1_with_its_diagnostics()
    {
        var (exit, _, error) = Run("index", EdgarFixtures.Path("bad-master.idx"));

        Assert.Equal(1, exit);
        Assert.Equal(3, error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("edgar:index-bad-row", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_lists_no_filings_exits_2()
    {
        Assert.Equal(2, Run("index", EdgarFixtures.Path("payload.bin")).Exit);
        Assert.Equal(2, Run("index", EdgarFixtures.Path("missing.idx")).Exit);
    }
}
