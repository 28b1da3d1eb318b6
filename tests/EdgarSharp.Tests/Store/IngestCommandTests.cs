using System.Text.Json;
using EdgarSharp.Cli;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Store;

public class IngestCommandTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = EdgarApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Ingest_json_reports_stored_files_then_unchanged_files_on_the_second_run()
    {
        using var folder = new TempFolder();
        var samples = Path.Combine(Corpus.RepoRoot, "samples");

        var (exit, first, _) = Run("ingest", samples, "--db", folder.Db, "--format", "json");
        var (_, second, _) = Run("ingest", samples, "--db", folder.Db, "--format", "json");

        Assert.Equal(0, exit);
        using var one = JsonDocument.Parse(first);
        using var two = JsonDocument.Parse(second);
        Assert.Equal(3, one.RootElement.GetProperty("stored").GetInt32());
        Assert.Equal(0, two.RootElement.GetProperty("stored").GetInt32());
        Assert.Equal(3, two.RootElement.GetProperty("unchanged").GetInt32());
        Assert.Equal(2, two.RootElement.GetProperty("run").GetInt64());
        Assert.All(two.RootElement.GetProperty("files").EnumerateArray(), f => Assert.Equal("unchanged", f.GetProperty("outcome").GetString()));
    }

    [Fact]
    public void Ingest_text_lists_a_conformance_suite_file_in_one_line_then_the_rejections_by_reason_and_the_summary()
    {
        using var folder = new TempFolder();
        var suite = Path.Combine(folder.Path, "suite");
        Directory.CreateDirectory(suite);
        File.WriteAllText(Path.Combine(suite, "index.xml"), "<?xml version=\"1.0\"?><testcases name=\"XBRL 2.1\"><testcase uri=\"100.xml\"/></testcases>");

        var (exit, output, _) = Run("ingest", suite, "--db", folder.Db, "--list");

        Assert.Equal(0, exit);
        var lines = output.TrimEnd().Split('\n');
        Assert.StartsWith("rejected", lines[0], StringComparison.Ordinal);
        Assert.Contains("conformance-suite: an XBRL conformance-suite file tests processors; it is not a filing", lines[0], StringComparison.Ordinal);
        Assert.Equal("rejected by reason:", lines[1]);
        Assert.Matches(@"^ +1  conformance-suite: an XBRL conformance-suite file tests processors; it is not a filing \(e\.g\. .*index\.xml\)$", lines[2]);
        Assert.StartsWith("1 documents, ", lines[3], StringComparison.Ordinal);
        Assert.StartsWith("0 stored, 0 unchanged, 1 rejected into ", lines[4], StringComparison.Ordinal);
        Assert.Equal(5, lines.Length);
    }
}
