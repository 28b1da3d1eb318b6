using EdgarSharp.Edgar;

namespace EdgarSharp.Tests.Edgar;

/// <summary>Untrusted names made safe to write under a folder.</summary>
public class EdgarFileNamesTests
{
    [Theory]
    [InlineData("d123456d10k.htm", "d123456d10k.htm")]
    [InlineData("../../etc/passwd", "etc_passwd")]
    [InlineData("..\\..\\boot.ini", "boot.ini")]
    [InlineData("/absolute/path.txt", "absolute_path.txt")]
    [InlineData("C:\\Windows\\x.dll", "C__Windows_x.dll")]
    [InlineData("..", "document-7.txt")]
    [InlineData("", "document-7.txt")]
    [InlineData(".hidden", "hidden")]
    [InlineData("name. ", "name")]
    [InlineData("a<b>c|d?.txt", "a_b_c_d_.txt")]
    [InlineData("con.txt", "_con.txt")]
    [InlineData("LPT1", "_LPT1")]
    [InlineData("caf\u00e9.htm", "caf_.htm")]
    public void A_name_is_reduced_to_one_safe_file_name(string name, string expected) =>
        Assert.Equal(expected, EdgarFileNames.Sanitize(name, 7));

    [Fact]
    public void A_very_long_name_is_cut_but_keeps_its_extension()
    {
        var safe = EdgarFileNames.Sanitize(new string('a', 500) + ".htm");
        Assert.Equal(200, safe.Length);
        Assert.EndsWith(".htm", safe, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_path_built_from_a_name_stays_inside_the_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "edgarsharp-names");
        var random = new Random(3);
        const string alphabet = "./\\:*?<>|\"abc. \u0000\u00e9";
        for (var i = 0; i < 2000; i++)
        {
            var name = new string(Enumerable.Range(0, random.Next(0, 30)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var path = EdgarFileNames.PathUnder(folder, name, i);
            Assert.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, path, StringComparison.Ordinal);
            Assert.Equal(Path.GetFullPath(folder), Path.GetDirectoryName(path));
        }
    }
}
