using System.Text.Json;
using EdgarSharp.Cli;
using EdgarSharp.Tests.Edgar;

namespace EdgarSharp.Tests.Cli;

/// <summary><c>edgar detect</c> names what is inside an EDGAR submission.</summary>
public class DetectInsideTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = EdgarApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Json_lists_each_document_of_a_submission_with_the_kind_of_its_decoded_content()
    {
        var (exit, output, _) = Run("detect", "--format", "json", EdgarFixtures.Path("sec-document.txt"), EdgarFixtures.Path("atom.xml"));

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var submission = json.RootElement[0];
        Assert.Equal("edgar-submission", submission.GetProperty("kind").GetString());
        var documents = submission.GetProperty("documents").EnumerateArray().ToList();
        Assert.Equal(["ownership-xml", "text", "other"], documents.Select(d => d.GetProperty("kind").GetString()));
        Assert.Equal(["form4.xml", "poa.txt", "payload.bin"], documents.Select(d => d.GetProperty("filename").GetString()));
        Assert.Equal(311, documents[2].GetProperty("size").GetInt64());
        Assert.False(json.RootElement[1].TryGetProperty("documents", out _));
    }

    [Fact]
    public void Tsv_lists_the_documents_only_when_asked()
    {
        var file = EdgarFixtures.Path("feed-bare-cr.nc");

        var plain = Run("detect", "--format", "tsv", file).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var inside = Run("detect", "--format", "tsv", "--inside", file).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2, plain.Length);
        Assert.Equal(3, inside.Length);
        Assert.Equal($"{file}#1:sc13g.htm\thtml\thtml", inside[2]);
    }

    [Fact]
    public void Text_indents_the_documents_under_their_submission()
    {
        var output = Run("detect", EdgarFixtures.Path("pem-wrapped.txt")).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2, output.Length);
        Assert.StartsWith("  #1 4", output[1], StringComparison.Ordinal);
    }
}
