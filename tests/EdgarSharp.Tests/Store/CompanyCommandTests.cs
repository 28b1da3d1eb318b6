using System.Text.Json;
using EdgarSharp.Cli;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Store;

public class CompanyCommandTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = EdgarApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string IngestSamples(TempFolder folder)
    {
        var (exit, _, err) = Run("ingest", Path.Combine(Corpus.RepoRoot, "samples"), "--db", folder.Db);
        Assert.True(exit == 0, err);
        return folder.Db;
    }

    [Fact]
    public void Company_LPSN_tells_the_story_of_the_samples_in_time_order_as_json()
    {
        using var folder = new TempFolder();
        var db = IngestSamples(folder);

        var (exit, output, _) = Run("company", "LPSN", "--db", db, "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var company = json.RootElement.GetProperty("company");
        Assert.Equal(1102993, company.GetProperty("cik").GetInt64());
        Assert.Equal("LivePerson, Inc.", company.GetProperty("name").GetString());
        var filings = json.RootElement.GetProperty("filings").EnumerateArray().ToList();
        Assert.Equal(["4", "CORRESP", "10-Q"], filings.Select(f => f.GetProperty("form").GetString()));

        var form4 = filings[0].GetProperty("ownership");
        Assert.Equal(7, form4.GetProperty("tableI").GetInt32());
        Assert.Equal(4, form4.GetProperty("tableII").GetInt32());
        Assert.Equal(11, form4.GetProperty("rows").GetArrayLength());
        Assert.Equal("0.29", form4.GetProperty("rows")[0].GetProperty("price").GetRawText());
        var checks = form4.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList();
        Assert.Contains("edgar:ownership-holdings-chain-ok", checks);
        Assert.Equal(4, checks.Count(c => c == "edgar:ownership-exercise-matched"));

        var letter = filings[1].GetProperty("letter");
        Assert.Equal(4, letter.GetProperty("comments").GetArrayLength());
        Assert.NotEqual(0, letter.GetProperty("commitments").GetArrayLength());
        Assert.Equal("2013-02-07", letter.GetProperty("answers").GetString());

        var roles = filings[2].GetProperty("xbrl").GetProperty("roles").EnumerateArray().ToList();
        Assert.Equal(17, roles.Count);
        Assert.Contains(roles, r => r.GetProperty("tables").EnumerateArray().Any(t => t.GetString() == "us-gaap:StatementTable"));
    }

    [Fact]
    public void Company_text_by_CIK_shows_the_form_4_rows_and_checks_the_letter_and_the_dimensional_model()
    {
        using var folder = new TempFolder();
        var db = IngestSamples(folder);

        var (exit, output, _) = Run("company", "1102993", "--db", db);

        Assert.Equal(0, exit);
        Assert.StartsWith("LivePerson, Inc. (CIK 1102993, LPSN): 3 filings in the store", output, StringComparison.Ordinal);
        Assert.Contains("Table I 7 rows, Table II 4 rows", output, StringComparison.Ordinal);
        Assert.Contains("check info edgar:ownership-holdings-chain-ok", output, StringComparison.Ordinal);
        Assert.Contains("4 comments, 10 commitments", output, StringComparison.Ordinal);
        Assert.Contains("XBRL dimensional model: 17 roles with hypercubes, 12 distinct tables and 24 distinct axes", output, StringComparison.Ordinal);
        Assert.True(output.IndexOf("Form 4", StringComparison.Ordinal) < output.IndexOf("Form CORRESP", StringComparison.Ordinal));
        Assert.True(output.IndexOf("Form CORRESP", StringComparison.Ordinal) < output.IndexOf("Form 10-Q", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_company_exits_1_with_a_message()
    {
        using var folder = new TempFolder();
        var db = IngestSamples(folder);

        var (exit, _, err) = Run("company", "AAPL", "--db", db);

        Assert.Equal(1, exit);
        Assert.Contains("no company with CIK or ticker 'AAPL'", err, StringComparison.Ordinal);
    }
}
