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

    [Fact]
    public void Company_story_shows_the_holdings_break_between_two_Forms_4()
    {
        using var folder = new TempFolder();
        var (ingest, _, err) = Run("ingest", StoreFixtures.HoldingsBreak, "--db", folder.Db);
        Assert.True(ingest == 0, err);

        var (exit, output, _) = Run("company", "EXPU", "--db", folder.Db);
        var (_, json, _) = Run("company", "EXPU", "--db", folder.Db, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Contains("Holdings across forms: 2 positions compared between consecutive forms of one owner, 1 breaks", output, StringComparison.Ordinal);
        Assert.Contains("starts from 48,450: 1,550 fewer shares", output, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json);
        var brk = Assert.Single(doc.RootElement.GetProperty("holdingsChecks").EnumerateArray(), h => h.GetProperty("severity").GetString() == "error");
        Assert.Equal(-1550m, brk.GetProperty("difference").GetDecimal());
    }

    [Fact]
    public void Company_story_shows_the_commitment_kept_and_not_kept_and_the_amendment()
    {
        using var folder = new TempFolder();
        var (ingest, _, err) = Run("ingest", StoreFixtures.ExampleGears, "--db", folder.Db);
        Assert.True(ingest == 0, err);

        var (exit, output, _) = Run("company", "EXGR", "--db", folder.Db);

        Assert.Equal(0, exit);
        Assert.Contains("Commitments checked against later filings: 2 kept, 1 not kept", output, StringComparison.Ordinal);
        Assert.Contains("not-kept (letter of 2024-06-14, commitment 1): Not kept in the Form 10-K of 2025-12-31", output, StringComparison.Ordinal);
        Assert.Contains("superseded by a later amendment", output, StringComparison.Ordinal);
        Assert.Contains("file 001-99901: open, 1 letters, 1 comments (0 open), 1 commitments", output, StringComparison.Ordinal);
    }
}
