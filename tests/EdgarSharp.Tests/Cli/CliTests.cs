using System.Text.Json;
using EdgarSharp.Cli;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Cli;

/// <summary>The real <c>edgar</c> command run in-process: <c>detect</c> in each format, and <c>samples</c>.</summary>
public class CliTests
{
    private static string Fixture(string name) => Corpus.Fixture(Path.Combine("Documents", name));

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = EdgarApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    [Fact]
    public void Detect_tsv_has_a_header_row_and_one_row_per_file()
    {
        var (exit, output, _) = Run("detect", "--format", "tsv", Fixture("definition-linkbase.xml"), Fixture("sec-document.txt"));

        Assert.Equal(0, exit);
        var lines = Lines(output);
        Assert.Equal(["path\tkind\tdetail",
            $"{Fixture("definition-linkbase.xml")}\tdefinition-linkbase\tlink:linkbase: link:definitionLink",
            $"{Fixture("sec-document.txt")}\tedgar-submission\tSEC-DOCUMENT: 10-Q"], lines);
    }

    [Fact]
    public void Detect_json_is_an_array_of_path_kind_and_detail()
    {
        var (exit, output, _) = Run("detect", "--format", "json", Fixture("companyfacts.json"), Fixture("inline.htm"));

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal(Fixture("companyfacts.json"), items[0].GetProperty("path").GetString());
        Assert.Equal("edgar-json", items[0].GetProperty("kind").GetString());
        Assert.Equal("companyfacts", items[0].GetProperty("detail").GetString());
        Assert.Equal("inline-xbrl", items[1].GetProperty("kind").GetString());
        Assert.All(items, item => Assert.Equal(["path", "kind", "detail"], item.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public void Detect_text_aligns_its_columns()
    {
        var files = new[] { "schema.xsd", "company_tickers.json", "letter.pdf" }.Select(Fixture).ToArray();
        var (exit, output, _) = Run(["detect", .. files]);

        Assert.Equal(0, exit);
        var lines = Lines(output);
        Assert.Equal(3, lines.Length);
        var kindColumn = files.Max(f => f.Length) + 2;
        Assert.Equal(["xbrl-schema", "edgar-json", "pdf"], lines.Select(l => l[kindColumn..].Split(' ')[0]));
        Assert.All(lines.Zip(files), pair => Assert.StartsWith(pair.Second + " ", pair.First, StringComparison.Ordinal));
    }

    [Fact]
    public void Detect_a_directory_means_every_file_under_it_in_order()
    {
        var directory = Corpus.Fixture("Documents");
        var (exit, output, error) = Run("detect", "--format", "tsv", directory);

        Assert.Equal(0, exit);
        var rows = Lines(output).Skip(1).Select(l => l.Split('\t')).ToList();
        var expected = Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, rows.Select(r => r[0]));
        Assert.Contains(rows, r => r[0].EndsWith("taxonomy-package.zip", StringComparison.Ordinal) && r[1] == "taxonomy-package");
        // Diagnostics of the broken fixtures go to standard error, with their file.
        Assert.Contains($"{Fixture("empty.bin")}: warning edgar:detect-empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_a_missing_path_reports_it_and_still_reports_the_others()
    {
        var missing = Fixture("no-such-file.xml");
        var (exit, output, error) = Run("detect", "--format", "tsv", missing, Fixture("atom.xml"));

        Assert.Equal(2, exit);
        Assert.Contains(missing, error, StringComparison.Ordinal);
        Assert.Equal(2, Lines(output).Length);
        Assert.EndsWith("\tatom-feed\tfeed", Lines(output)[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_rejects_an_unknown_format()
    {
        var (exit, _, error) = Run("detect", "--format", "xml", Fixture("atom.xml"));
        Assert.NotEqual(0, exit);
        Assert.Contains("Unknown format 'xml'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Samples_json_lists_each_sample_with_its_company_form_date_kind_and_size()
    {
        var samples = Path.Combine(Corpus.RepoRoot, "samples");
        var (exit, output, error) = Run("samples", "--samples", samples, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(samples, "manifest.json")));
        var expectedFiles = manifest.RootElement.GetProperty("samples").EnumerateArray().Select(s => s.GetProperty("file").GetString()).ToList();
        using var json = JsonDocument.Parse(output);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(expectedFiles, items.Select(i => i.GetProperty("file").GetString()));
        Assert.All(items, item =>
        {
            Assert.Equal(manifest.RootElement.GetProperty("company").GetProperty("name").GetString(), item.GetProperty("company").GetString());
            Assert.Equal(new FileInfo(Path.Combine(samples, item.GetProperty("file").GetString()!)).Length, item.GetProperty("bytes").GetInt64());
            Assert.False(string.IsNullOrEmpty(item.GetProperty("form").GetString()));
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", item.GetProperty("date").GetString()!);
        });
        var kinds = items.ToDictionary(i => i.GetProperty("file").GetString()!, i => i.GetProperty("kind").GetString());
        Assert.Equal("definition-linkbase", kinds["lpsn-20170331_def.xml"]);
        Assert.Equal("ownership-rendering", kinds["lpsn-form4-2009-11-19.txt"]);
        var form4 = items.Single(i => i.GetProperty("file").GetString() == "lpsn-form4-2009-11-19.txt");
        Assert.StartsWith("Form 4: BIXBY TIMOTHY E", form4.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal("comment-letter", kinds["lpsn-corresp-2013-02-27.md"]);
        var letter = items.Single(i => i.GetProperty("file").GetString() == "lpsn-corresp-2013-02-27.md");
        Assert.StartsWith("company-response, 2013-02-27, LivePerson, Inc., file 000-30141; 4 comments, ", letter.GetProperty("summary").GetString(), StringComparison.Ordinal);
        // The definition linkbase has no filing date in the manifest: its date is the period of report.
        var def = items.Single(i => i.GetProperty("file").GetString() == "lpsn-20170331_def.xml");
        Assert.Equal("2017-03-31", def.GetProperty("date").GetString());
        Assert.Equal("10-Q", def.GetProperty("form").GetString());
    }

    [Fact]
    public void Samples_text_prints_a_row_per_sample_under_a_header()
    {
        var samples = Path.Combine(Corpus.RepoRoot, "samples");
        var (exit, output, _) = Run("samples", "--samples", samples);

        Assert.Equal(0, exit);
        var lines = Lines(output);
        // A header, one row per sample, then one summary line per sample a reader could summarise.
        Assert.Equal(7, lines.Length);
        Assert.Matches(@"^lpsn-corresp-2013-02-27\.md: company-response, 2013-02-27, LivePerson, Inc\., file 000-30141; 4 comments, \d+ commitments, \d+ citations, 1 redactions$", lines[6]);
        Assert.Matches(@"^FILE\s+COMPANY\s+FORM\s+DATE\s+KIND\s+BYTES$", lines[0]);
        Assert.Equal("lpsn-20170331_def.xml: 52 roles, 289 relationships (17 all, 34 dimension-default, 34 dimension-domain, 170 domain-member, 34 hypercube-dimension); 223 concepts; 6 referenced schemas not available offline; 0 errors", lines[4]);
        Assert.Equal("lpsn-form4-2009-11-19.txt: Form 4: BIXBY TIMOTHY E (officer (President and CFO)) of LIVEPERSON INC (LPSN); Table I 7 rows, Table II 4 rows; holdings chain adds up; 4 exercises matched; 3 10b5-1 sales; 0 errors, 1 warnings", lines[5]);
        var def = Assert.Single(lines, l => l.StartsWith("lpsn-20170331_def.xml ", StringComparison.Ordinal));
        Assert.Contains(" definition-linkbase ", def, StringComparison.Ordinal);
        Assert.Contains("LivePerson, Inc.", def, StringComparison.Ordinal);
        Assert.EndsWith(new FileInfo(Path.Combine(samples, "lpsn-20170331_def.xml")).Length.ToString(System.Globalization.CultureInfo.InvariantCulture), def, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("lpsn-corresp-2013-02-27.md ", StringComparison.Ordinal) && l.Contains(" CORRESP ", StringComparison.Ordinal));
    }

    [Fact]
    public void Samples_finds_the_samples_folder_above_the_executable()
    {
        // The test binaries live under the repository, like artifacts/edgar: walking up finds samples/manifest.json.
        var (exit, output, _) = Run("samples", "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Contains(json.RootElement.EnumerateArray(), i => i.GetProperty("kind").GetString() == "definition-linkbase");
    }

    [Fact]
    public void Samples_with_a_folder_without_a_manifest_fails_with_a_message()
    {
        var directory = Directory.CreateTempSubdirectory("edgarsharp-samples-");
        try
        {
            var (exit, output, error) = Run("samples", "--samples", directory.FullName);
            Assert.Equal(2, exit);
            Assert.Equal(string.Empty, output);
            Assert.Contains("manifest.json", error, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
