using System.Text;
using EdgarSharp.Edgar;

namespace EdgarSharp.Tests.Edgar;

/// <summary>Writing a submission's documents out: names sanitised, nothing outside the folder, duplicates kept apart.</summary>
public class SubmissionExtractorTests
{
    [Fact]
    public void Documents_are_written_under_sanitised_names_inside_the_folder_only()
    {
        using var temp = new EdgarFixtures.TempDir();
        var target = Path.Combine(temp.Root, "a", "b");

        var result = SubmissionExtractor.ExtractFile(EdgarFixtures.Path("escaping-filenames.txt"), target);

        Assert.Equal(4, result.Documents.Count);
        Assert.All(result.Documents, d => Assert.Equal(target, Path.GetDirectoryName(d.Path)));
        Assert.Equal(["escaped.htm", "etc_passwd", "windows.txt", "_CON.txt"], result.Documents.Select(d => Path.GetFileName(d.Path)));
        Assert.Equal(4, Directory.GetFiles(temp.Root, "*", SearchOption.AllDirectories).Length);
        Assert.Equal(4, result.Diagnostics.Count(d => d.Code == EdgarCodes.UnsafeFileName));
        Assert.All(result.Documents, d => Assert.True(d.Document.Content.IsEmpty));
    }

    [Fact]
    public void Decoded_bytes_are_written_and_documents_with_the_same_name_are_numbered()
    {
        var text = "<DOCUMENT>\n<TYPE>EX-1\n<SEQUENCE>1\n<FILENAME>same.txt\n<TEXT>\none\n</TEXT>\n</DOCUMENT>\n"
            + "<DOCUMENT>\n<TYPE>EX-2\n<SEQUENCE>2\n<FILENAME>SAME.txt\n<TEXT>\ntwo\n</TEXT>\n</DOCUMENT>\n";
        using var temp = new EdgarFixtures.TempDir();

        var result = SubmissionExtractor.Extract(new MemoryStream(Encoding.ASCII.GetBytes(text)), temp.Root);

        Assert.Equal(["same.txt", "SAME-2.txt"], result.Documents.Select(d => Path.GetFileName(d.Path)));
        Assert.Equal("two\n", File.ReadAllText(result.Documents[1].Path));

        var graphic = SubmissionExtractor.ExtractFile(EdgarFixtures.Path("sec-document.txt"), temp.Root);
        Assert.Equal(EdgarFixtures.Bytes("payload.bin"), File.ReadAllBytes(Path.Combine(temp.Root, "payload.bin")));
        Assert.Equal(EdgarFixtures.Bytes("form4-body.xml"), File.ReadAllBytes(graphic.Documents[0].Path));
    }
}
