using System.Text.Json;
using EdgarSharp.Cli;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Store;

public class QueryCommandTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = EdgarApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string Ingest(TempFolder temp, params string[] sources)
    {
        var (exit, _, err) = Run(["ingest", .. sources, "--db", temp.Db]);
        Assert.True(exit == 0, err);
        return temp.Db;
    }

    [Fact]
    public void Query_filings_json_links_the_amendment_and_marks_the_latest()
    {
        using var temp = new TempFolder();
        var db = Ingest(temp, StoreFixtures.ExampleGears);

        var (exit, output, _) = Run("query", "filings", "EXGR", "--db", db, "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var filings = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["CORRESP", "10-K", "10-K/A", "10-K"], filings.Select(f => f.GetProperty("form").GetString()));
        var amendment = filings[2];
        Assert.True(amendment.GetProperty("latest").GetBoolean());
        Assert.Equal(filings[1].GetProperty("filing").GetString(), amendment.GetProperty("amends")[0].GetString());
        Assert.False(filings[1].GetProperty("latest").GetBoolean());
        Assert.Equal(10, filings[3].GetProperty("facts").GetInt32());
    }

    [Fact]
    public void Query_facts_tsv_has_one_row_per_period_and_shows_the_restatement()
    {
        using var temp = new TempFolder();
        var db = Ingest(temp, StoreFixtures.ExampleGears);

        var (exit, output, _) = Run("query", "facts", "EXGR", "egx:Revenues", "--db", db, "--format", "tsv");

        Assert.Equal(0, exit);
        var lines = output.TrimEnd().Split('\n');
        Assert.Equal("concept\tperiodType\tstart\tend\tdimensions\tunit\tvalue\tfiling\tform\tfilingDate\trestated\treports", lines[0]);
        Assert.Equal(4, lines.Length);
        var fy2024 = lines[2].Split('\t');
        Assert.Equal("2024-12-31", fy2024[3]);
        Assert.Equal("48700000", fy2024[6]);
        Assert.Equal("true", fy2024[10]);
    }

    [Fact]
    public void Query_insiders_json_gives_rows_and_exact_totals_per_owner_and_month()
    {
        using var temp = new TempFolder();
        var db = Ingest(temp, StoreFixtures.HoldingsConsistent);

        var (exit, output, _) = Run("query", "insiders", "--issuer", "EXPU", "--db", db, "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(5, json.RootElement.GetProperty("transactions").GetArrayLength());
        var totals = json.RootElement.GetProperty("totals").EnumerateArray().ToList();
        Assert.Equal(["2024-05", "2024-08"], totals.Select(t => t.GetProperty("month").GetString()));
        Assert.Equal(2000m, totals[1].GetProperty("acquired").GetDecimal());
        Assert.Equal(0m, totals[1].GetProperty("net").GetDecimal());
        // 2000 x 4.25 + 2000 x 22.75, exactly.
        Assert.Equal(54000m, totals[1].GetProperty("value").GetDecimal());
    }

    [Fact]
    public void Query_insiders_by_owner_CIK_finds_the_same_rows_as_by_issuer()
    {
        using var temp = new TempFolder();
        var db = Ingest(temp, StoreFixtures.HoldingsConsistent);

        var (_, byOwner, _) = Run("query", "insiders", "--owner", "9990102", "--db", db, "--format", "tsv");
        var (_, byIssuer, _) = Run("query", "insiders", "--issuer", "9990101", "--db", db, "--format", "tsv");

        Assert.Equal(byIssuer, byOwner);
        Assert.Equal(6, byOwner.TrimEnd().Split('\n').Length);
    }

    [Fact]
    public void Query_search_finds_the_promised_disclosure_in_letters_and_reports()
    {
        using var temp = new TempFolder();
        var db = Ingest(temp, StoreFixtures.ExampleGears, Path.Combine(Corpus.RepoRoot, "samples"));

        var (exit, output, _) = Run("query", "search", "\"unfilled customer orders\"", "--db", db, "--format", "json");
        var (_, lpsn, _) = Run("query", "search", "revenue recognition", "--company", "LPSN", "--in", "response", "--db", db, "--format", "json");
        var (bad, _, err) = Run("query", "search", "\"unbalanced", "--db", db);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var sources = json.RootElement.EnumerateArray().Select(h => h.GetProperty("source").GetString()).ToList();
        Assert.Contains("text-block", sources);
        Assert.Contains("response", sources);
        using var lpsnJson = JsonDocument.Parse(lpsn);
        Assert.All(lpsnJson.RootElement.EnumerateArray(), h => Assert.Equal("LivePerson, Inc.", h.GetProperty("company").GetString()));
        Assert.Equal(1, bad);
        Assert.Contains("FTS5", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Query_threads_pairs_the_response_and_reports_no_open_comment()
    {
        using var temp = new TempFolder();
        var db = Ingest(temp, Path.Combine(Corpus.RepoRoot, "samples"));

        var (exit, output, _) = Run("query", "threads", "LPSN", "--db", db, "--format", "json");
        var (_, open, _) = Run("query", "threads", "LPSN", "--open", "--db", db, "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var thread = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("000-30141", thread.GetProperty("fileNumber").GetString());
        Assert.Equal(4, thread.GetProperty("comments").GetArrayLength());
        Assert.All(thread.GetProperty("comments").EnumerateArray(), c => Assert.False(c.GetProperty("open").GetBoolean()));
        Assert.Equal(10, thread.GetProperty("commitments").GetArrayLength());
        Assert.Equal("[]", open.Trim());
    }

    [Fact]
    public void Query_diagnostics_by_code_and_prefix()
    {
        using var temp = new TempFolder();
        var db = Ingest(temp, Path.Combine(Corpus.RepoRoot, "samples"));

        var (exit, exact, _) = Run("query", "diagnostics", "edgar:ownership-exercise-matched", "--db", db, "--format", "tsv");
        var (_, prefix, _) = Run("query", "diagnostics", "edgar:ownership-*", "--counts", "--db", db, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal(5, exact.TrimEnd().Split('\n').Length);
        using var json = JsonDocument.Parse(prefix);
        var codes = json.RootElement.EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("count").GetInt32());
        Assert.Equal(4, codes["edgar:ownership-exercise-matched"]);
        Assert.All(codes.Keys, k => Assert.StartsWith("edgar:ownership-", k, StringComparison.Ordinal));
    }

    [Fact]
    public void Query_an_unknown_company_exits_1_and_a_missing_store_exits_2()
    {
        using var temp = new TempFolder();
        var (missing, _, _) = Run("query", "filings", "LPSN", "--db", temp.Db);
        var db = Ingest(temp, Path.Combine(Corpus.RepoRoot, "samples"));
        var (unknown, _, err) = Run("query", "facts", "AAPL", "Revenues", "--db", db);

        Assert.Equal(2, missing);
        Assert.Equal(1, unknown);
        Assert.Contains("AAPL", err, StringComparison.Ordinal);
        // The optional company filters say the same, and a known company goes through.
        foreach (var args in new[]
        {
            new[] { "query", "insiders", "--issuer", "NOPE" },
            ["query", "search", "backlog", "--company", "NOPE"],
            ["query", "diagnostics", "--company", "NOPE"],
        })
        {
            var (code, _, message) = Run([.. args, "--db", db]);
            Assert.Equal(1, code);
            Assert.Contains("'NOPE'", message, StringComparison.Ordinal);
        }
        Assert.Equal(0, Run("query", "diagnostics", "--company", "LPSN", "--db", db).Exit);
    }
}
