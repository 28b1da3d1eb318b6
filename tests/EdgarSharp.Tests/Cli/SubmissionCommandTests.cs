using System.Text.Json;
using EdgarSharp.Cli;
using EdgarSharp.Cli.Commands;
using EdgarSharp.Edgar;
using EdgarSharp.Tests.Edgar;

namespace EdgarSharp.Tests.Cli;

/// <summary><c>edgar submission</c> run in-process: its JSON contract, the text view and <c>--extract</c>.</summary>
public class SubmissionCommandTests
{
    internal static string FormatName(SubmissionFormat format) => SubmissionCommand.FormatName(format);

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = EdgarApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Json_gives_the_header_parties_and_documents_with_decoded_sizes()
    {
        var (exit, output, _) = Run("submission", EdgarFixtures.Path("sec-document.txt"), "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("0000000001-24-000001", root.GetProperty("accessionNumber").GetString());
        Assert.Equal("4", root.GetProperty("formType").GetString());
        Assert.Equal("2024-01-05", root.GetProperty("filingDate").GetString());
        Assert.Equal("2024-01-05T17:00:48-05:00", root.GetProperty("acceptedAt").GetString());
        Assert.Equal(0, root.GetProperty("filers").GetArrayLength());
        Assert.Equal("DOE JANE", root.GetProperty("reportingOwners")[0].GetProperty("name").GetString());
        Assert.Equal("0000000001", root.GetProperty("subjectCompany").GetProperty("cik").GetString());
        Assert.Equal("1995-01-15", root.GetProperty("subjectCompany").GetProperty("formerNames")[1].GetProperty("dateChanged").GetString());
        var documents = root.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(3, documents.Count);
        Assert.Equal(["type", "sequence", "filename", "description", "wrapper", "uuencoded", "uuencodedName", "size", "encodedSize", "truncated", "kind"],
            documents[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("ownership-xml", documents[0].GetProperty("kind").GetString());
        Assert.Equal(EdgarFixtures.Bytes("payload.bin").Length, documents[2].GetProperty("size").GetInt64());
        Assert.True(documents[2].GetProperty("uuencoded").GetBoolean());
        Assert.Equal("edgar:uuencode-name-differs", root.GetProperty("diagnostics")[0].GetProperty("code").GetString());
    }

    [Fact]
    public void Text_lists_the_header_and_one_row_per_document()
    {
        var (exit, output, _) = Run("submission", EdgarFixtures.Path("feed-bare-cr.nc"));

        Assert.Equal(0, exit);
        Assert.Contains("accession number  0000000003-25-000001", output, StringComparison.Ordinal);
        Assert.Contains("subject-company   TARGET CORP (0000000004)", output, StringComparison.Ordinal);
        Assert.Contains(output.Split('\n'), l => l.StartsWith("1    SC 13G  sc13g.htm", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_writes_each_document_inside_the_folder_even_when_file_names_try_to_escape()
    {
        using var temp = new EdgarFixtures.TempDir();
        var target = Path.Combine(temp.Root, "out");

        var (exit, output, _) = Run("submission", EdgarFixtures.Path("escaping-filenames.txt"), "--extract", target, "--format", "json");

        Assert.Equal(0, exit);
        var written = Directory.GetFiles(temp.Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "_CON.txt", "escaped.htm", "etc_passwd", "windows.txt" }.Select(n => Path.Combine(target, n)), written);
        Assert.Equal("<html>one</html>\n", File.ReadAllText(Path.Combine(target, "escaped.htm")));
        using var json = JsonDocument.Parse(output);
        Assert.Equal(4, json.RootElement.GetProperty("diagnostics").EnumerateArray().Count(d => d.GetProperty("code").GetString() == EdgarCodes.UnsafeFileName));
        Assert.All(json.RootElement.GetProperty("documents").EnumerateArray(),
            d => Assert.StartsWith(target + Path.DirectorySeparatorChar, d.GetProperty("extractedTo").GetString()!, StringComparison.Ordinal));
    }

    [Fact]
    public void Errors_in_the_file_give_exit_code_1_and_a_missing_file_exit_code_2()
    {
        Assert.Equal(1, Run("submission", EdgarFixtures.Path("truncated.txt")).Exit);
        var (exit, _, error) = Run("submission", EdgarFixtures.Path("no-such.txt"));
        Assert.Equal(2, exit);
        Assert.Contains("no such file", error, StringComparison.Ordinal);
    }
}
