using System.Text.Json;
using EdgarSharp.Cli;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Cli;

/// <summary><c>edgar letter</c> and <c>edgar letters thread</c> run in-process.</summary>
public class LetterCommandTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = EdgarApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Letter_json_has_the_documented_fields_for_the_seed()
    {
        var (exit, output, _) = Run("letter", "--format", "json", Corpus.Sample("lpsn-corresp-2013-02-27.md"));

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var letter = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("company-response", letter.GetProperty("kind").GetString());
        Assert.Equal("2013-02-27", letter.GetProperty("date").GetString());
        Assert.Equal("LivePerson, Inc.", letter.GetProperty("company").GetString());
        Assert.Equal("000-30141", letter.GetProperty("fileNumber").GetString());
        var comments = letter.GetProperty("comments").EnumerateArray().ToList();
        Assert.Equal(4, comments.Count);
        Assert.Equal(JsonValueKind.Null, comments[0].GetProperty("page").ValueKind);
        Assert.Equal(34, comments[1].GetProperty("page").GetInt32());
        Assert.True(comments[3].GetProperty("headingInherited").GetBoolean());
        Assert.Equal("General", comments[0].GetProperty("heading").GetString());
        Assert.All(comments, c =>
        {
            Assert.Equal(JsonValueKind.Number, c.GetProperty("number").ValueKind);
            Assert.False(string.IsNullOrEmpty(c.GetProperty("text").GetString()));
            Assert.False(string.IsNullOrEmpty(c.GetProperty("response").GetString()));
        });
        Assert.Contains(letter.GetProperty("citations").EnumerateArray(), c => c.GetProperty("id").GetString() == "SAB 99" && c.GetProperty("text").GetString() == "SAB 99");
        Assert.Single(letter.GetProperty("redactions").EnumerateArray());
        Assert.NotEmpty(letter.GetProperty("commitments").EnumerateArray());
    }

    [Fact]
    public void Letter_text_prints_an_outline_with_each_comment_beside_its_response()
    {
        var (exit, output, _) = Run("letter", Corpus.Sample("lpsn-corresp-2013-02-27.md"));

        Assert.Equal(0, exit);
        Assert.Contains("kind: company-response (company)   date: 2013-02-27   company: LivePerson, Inc.   file: 000-30141", output, StringComparison.Ordinal);
        Assert.Contains("  2. [Item 7. Management's Discussion and Analysis of Financial Condition and Results of Operations, page 34]", output, StringComparison.Ordinal);
        Assert.Contains("     response: ", output, StringComparison.Ordinal);
        Assert.Contains("  cites: SAB 99", output, StringComparison.Ordinal);
        Assert.Contains("  redaction [****] in response 3", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Letter_exits_1_for_an_empty_file_and_2_for_a_missing_one()
    {
        Assert.Equal(1, Run("letter", Corpus.Fixture(Path.Combine("Correspondence", "empty.txt"))).Exit);
        Assert.Equal(2, Run("letter", Path.Combine(Path.GetTempPath(), "no-such-letter.txt")).Exit);
    }

    [Fact]
    public void Letters_thread_json_gives_status_days_to_close_letters_and_pairings()
    {
        var folder = Corpus.RequireCorpus(Path.Combine("correspondence", "lehigh-sp500", "A", "A_0000000000-16-092800"));

        var (exit, output, _) = Run("letters", "thread", "--format", "json", folder);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var thread = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("A_0000000000-16-092800", thread.GetProperty("id").GetString());
        Assert.Equal("closed", thread.GetProperty("status").GetString());
        Assert.Equal(16, thread.GetProperty("daysToClose").GetInt32());
        Assert.Equal(["staff-comment-letter", "company-response", "review-complete"], thread.GetProperty("letters").EnumerateArray().Select(l => l.GetProperty("kind").GetString()));
        Assert.All(thread.GetProperty("pairings").EnumerateArray(), p => Assert.True(p.GetProperty("paired").GetBoolean()));
    }

    [Fact]
    public void Letters_thread_exits_2_for_a_missing_folder()
    {
        Assert.Equal(2, Run("letters", "thread", Path.Combine(Path.GetTempPath(), "no-such-folder-for-letters")).Exit);
    }
}
