namespace EdgarSharp.Tests.Support;

/// <summary>The golden-file helper: equal passes, a difference fails with the changed lines, updating rewrites.</summary>
public class GoldenTests
{
    private static string TempFile(string content)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("edgarsharp-golden-").FullName, "x.verified.json");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Equal_text_passes_whatever_the_line_endings()
    {
        var path = TempFile("{\r\n  \"a\": 1\r\n}\r\n");
        Assert.Null(Golden.Compare(path, "{\n  \"a\": 1\n}\n", update: false));
    }

    [Fact]
    public void A_difference_fails_with_the_changed_lines_and_their_numbers()
    {
        var path = TempFile("{\n  \"a\": 1,\n  \"b\": 2\n}\n");
        var failure = Golden.Compare(path, "{\n  \"a\": 1,\n  \"b\": 3\n}\n", update: false);
        Assert.NotNull(failure);
        Assert.Contains("-      3:   \"b\": 2", failure, StringComparison.Ordinal);
        Assert.Contains("+      3:   \"b\": 3", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("\"a\": 1", failure, StringComparison.Ordinal);
        Assert.Contains(Golden.UpdateVariable, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_golden_file_fails_and_says_how_to_write_it()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("edgarsharp-golden-").FullName, "missing.verified.json");
        var failure = Golden.Compare(path, "{}", update: false);
        Assert.NotNull(failure);
        Assert.Contains(Golden.UpdateVariable + "=1", failure, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Updating_rewrites_the_file_and_passes()
    {
        var path = TempFile("old");
        Assert.Null(Golden.Compare(path, "new\r\n", update: true));
        Assert.Equal("new\n", File.ReadAllText(path));
        Assert.Null(Golden.Compare(path, "new\n", update: false));
    }
}
