using System.Text.Json;
using EdgarSharp.Cli;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Cli;

/// <summary><c>edgar xbrl statement</c>, and <c>facts</c> and <c>validate</c> on an inline document, run in-process.</summary>
public class StatementCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = EdgarApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string Aapl() => Corpus.RequireCorpus("ixbrl/edgartools/aapl_10q_2025-03-29/aapl-20250329.htm");

    private static string Fixture() => Corpus.Fixture(Path.Combine("Inline", "features.htm"));

    [Fact]
    public void Without_a_selector_the_statement_verb_lists_the_roles_and_their_kinds()
    {
        var (code, output, _) = Run("xbrl", "statement", Aapl());
        Assert.Equal(0, code);
        Assert.StartsWith("kind", output, StringComparison.Ordinal);
        Assert.Contains("balance-sheet", output, StringComparison.Ordinal);
        Assert.Contains("cash-flow", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_income_statement_as_a_table_shows_the_values_and_says_what_degrades()
    {
        var (code, output, err) = Run("xbrl", "statement", Aapl(), "--income");
        Assert.Equal(0, code);
        Assert.Contains("3 Months Ended Mar. 29, 2025", output, StringComparison.Ordinal);
        Assert.Contains("95,359,000,000", output, StringComparison.Ordinal);
        Assert.Contains("(279,000,000)", output, StringComparison.Ordinal);
        Assert.Contains("note:", err, StringComparison.Ordinal);
    }

    [Fact]
    public void The_balance_sheet_as_JSON_has_columns_lines_and_degradations()
    {
        var (code, output, _) = Run("xbrl", "statement", Aapl(), "--balance-sheet", "--format", "json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("balance-sheet", doc.RootElement.GetProperty("kind").GetString());
        Assert.Equal(2, doc.RootElement.GetProperty("columns").GetArrayLength());
        Assert.Contains(doc.RootElement.GetProperty("lines").EnumerateArray(), l => l.GetProperty("concept").GetString() == "us-gaap:Assets"
            && l.GetProperty("values")[0].GetDecimal() == 331233000000m);
        Assert.NotEqual(0, doc.RootElement.GetProperty("degradations").GetArrayLength());
    }

    [Fact]
    public void The_cash_flow_statement_as_CSV_has_a_header_and_negated_values()
    {
        var (code, output, _) = Run("xbrl", "statement", Aapl(), "--cash-flow", "--format", "csv");
        Assert.Equal(0, code);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal("label,concept,depth,axis,member,negated,2024-09-29/2025-03-29,2023-10-01/2024-03-30", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("Purchases of marketable securities,", StringComparison.Ordinal) && l.EndsWith(",true,-12442000000,-25042000000", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_selectors_are_refused()
    {
        var (code, _, err) = Run("xbrl", "statement", Aapl(), "--income", "--cash-flow");
        Assert.Equal(2, code);
        Assert.Contains("choose one", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Facts_reads_an_inline_document()
    {
        var (code, output, _) = Run("xbrl", "facts", Fixture());
        Assert.Equal(0, code);
        Assert.Contains("co:Revenue\td2023\tusd\t-3\t-1234000", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_reports_the_problems_of_an_inline_document()
    {
        var (_, output, err) = Run("xbrl", "validate", Corpus.Fixture(Path.Combine("Inline", "cycle.htm")));
        Assert.Contains("continuationCycle", output + err, StringComparison.Ordinal);
    }
}
