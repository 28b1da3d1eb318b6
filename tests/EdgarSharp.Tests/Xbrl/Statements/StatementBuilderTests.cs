using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using EdgarSharp.Tests.Support;
using EdgarSharp.Xbrl;

namespace EdgarSharp.Tests.Xbrl.Statements;

/// <summary>
/// Statements from real filings. EDGAR's own rendering (the R pages named in FilingSummary.xml) is the truth for the
/// AAPL 10-Q 2025: income statement R2, balance sheet R4, cash flow statement R7, value for value.
/// </summary>
public class StatementBuilderTests
{
    private const string Aapl = "ixbrl/edgartools/aapl_10q_2025-03-29/";
    private static readonly Lazy<XbrlInstance?> AaplInstance = new(() =>
        Corpus.Shared is null ? null : InlineXbrl.Load(Path.Combine(Corpus.Shared, "corpus", Aapl, "aapl-20250329.htm")));

    private static XbrlInstance LoadAapl()
    {
        Corpus.RequireCorpus(Aapl);
        return AaplInstance.Value!;
    }

    [Theory]
    [InlineData(StatementKind.IncomeStatement, "R2.htm")]
    [InlineData(StatementKind.BalanceSheet, "R4.htm")]
    [InlineData(StatementKind.CashFlow, "R7.htm")]
    public void An_AAPL_statement_equals_EDGAR_s_rendering_value_for_value(StatementKind kind, string page)
    {
        var statement = StatementBuilder.Find(LoadAapl(), kind);
        Assert.NotNull(statement);
        var expected = ReadRPage(Path.Combine(Corpus.RequireCorpus(Aapl), page));

        var ours = statement.Lines.Concat(statement.Sections.SelectMany(s => s.Lines)).Where(l => l.Values.Any(v => v is not null)).ToList();
        Assert.True(expected.Count == ours.Count,
            $"EDGAR shows {expected.Count} rows with values, we show {ours.Count}:\nEDGAR: {string.Join(" | ", expected.Select(e => e.Label))}\nours:  {string.Join(" | ", ours.Select(o => o.Label))}");
        for (var i = 0; i < expected.Count; i++)
        {
            var (label, values) = expected[i];
            var line = ours[i];
            Assert.True(label.StartsWith(line.Label, StringComparison.Ordinal), $"Row {i}: EDGAR '{label}', ours '{line.Label}'.");
            Assert.Equal(values.Count, line.Values.Count);
            for (var c = 0; c < values.Count; c++)
            {
                Assert.True(SameScaled(line.Values[c], values[c]), $"Row {i} '{label}' column {c}: EDGAR {values[c]}, ours {line.Values[c]}.");
            }
        }
    }

    [Fact]
    public void The_AAPL_income_statement_has_its_columns_in_EDGAR_s_order()
    {
        var statement = StatementBuilder.Find(LoadAapl(), StatementKind.IncomeStatement)!;
        Assert.Equal(["3 Months Ended Mar. 29, 2025", "3 Months Ended Mar. 30, 2024", "6 Months Ended Mar. 29, 2025", "6 Months Ended Mar. 30, 2024"],
            statement.Columns.Select(c => c.Heading));
    }

    [Fact]
    public void A_dimensional_fact_never_shows_as_an_ordinary_line_of_a_face_statement()
    {
        var instance = LoadAapl();
        foreach (var kind in new[] { StatementKind.IncomeStatement, StatementKind.BalanceSheet, StatementKind.CashFlow })
        {
            var statement = StatementBuilder.Find(instance, kind)!;
            Assert.All(statement.Lines.SelectMany(l => l.Facts).OfType<XbrlFact>(), f => Assert.Empty(f.Context!.Dimensions));
            Assert.All(statement.Sections.SelectMany(s => s.Lines).SelectMany(l => l.Facts).OfType<XbrlFact>(), f => Assert.Single(f.Context!.Dimensions));
        }
        var income = StatementBuilder.Find(instance, StatementKind.IncomeStatement)!;
        Assert.Equal(["Products", "Services"], income.Sections.Select(s => s.MemberLabel));
    }

    [Fact]
    public void Negated_labels_reverse_the_sign_shown_and_keep_the_fact()
    {
        var cash = StatementBuilder.Find(LoadAapl(), StatementKind.CashFlow)!;
        var purchases = cash.Lines.First(l => l.Concept.LocalName == "PaymentsToAcquireAvailableForSaleSecuritiesDebt");
        Assert.True(purchases.IsNegated);
        Assert.Equal(-12442000000m, purchases.Values[0]);
        Assert.Equal(12442000000m, purchases.Facts[0]!.DecimalValue);
    }

    [Fact]
    public void What_degrades_without_the_base_taxonomies_is_said()
    {
        var statement = StatementBuilder.Find(LoadAapl(), StatementKind.BalanceSheet)!;
        Assert.Contains(statement.Degradations, d => d.Contains("base taxonomies", StringComparison.Ordinal));
    }

    /// <summary>Inline filings of the corpus with a balance sheet.</summary>
    public static TheoryData<string> InlineFilings() => new()
    {
        "ixbrl/edgartools/aapl_10q_2025-03-29/aapl-20250329.htm",
        "ixbrl/edgartools/aeon_10q_2023-09-30/aeon-20230930x10q.htm",
        "ixbrl/edgarrenderer-samples/bst/bst-20160930.htm",
        "ixbrl/edgarrenderer-samples/muestra/muestra-20171231.htm",
    };

    /// <summary>Inline documents and instance filing folders of the corpus.</summary>
    public static TheoryData<string> AllFilings()
    {
        var data = new TheoryData<string>();
        foreach (var f in InlineFilings())
        {
            data.Add(f.Data);
        }
        foreach (var folder in new[] { "aapl_10k_2010", "aapl_10k_2023", "aapl_10q_2023", "amzn", "gahc", "nflx_10k_2010", "nflx_10k_2024", "nflx_10q_2024", "nflx_2010", "nflx_2024" })
        {
            data.Add("xbrl-filings/edgartools/" + folder);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllFilings))]
    public void In_every_filing_a_dimensional_fact_never_shows_as_an_ordinary_line_of_a_face_statement(string document)
    {
        var instance = InlineXbrl.LoadAny(Corpus.RequireCorpus(document));
        var found = 0;
        foreach (var kind in new[] { StatementKind.IncomeStatement, StatementKind.BalanceSheet, StatementKind.CashFlow })
        {
            if (StatementBuilder.Find(instance, kind) is not { } statement)
            {
                continue;
            }
            found++;
            Assert.All(statement.Lines.SelectMany(l => l.Facts).OfType<XbrlFact>(), f => Assert.Empty(f.Context!.Dimensions));
        }
        Assert.True(found > 0, "No face statement was found.");
    }

    /// <summary>
    /// edgartools prints NFLX "Current Content Liabilities $4,500,000" (a fact reported under an axis, rounded to
    /// hundreds of millions) beside the real $4,466,470 thousand; our balance sheet shows the line once, undimensioned.
    /// </summary>
    [Fact]
    public void NFLX_current_content_liabilities_show_once_with_the_value_reported_without_dimensions()
    {
        var instance = InlineXbrl.LoadAny(Corpus.RequireCorpus("xbrl-filings/edgartools/nflx_10k_2024"));
        var sheet = StatementBuilder.Find(instance, StatementKind.BalanceSheet)!;
        var line = Assert.Single(sheet.Lines, l => l.Concept.LocalName == "ContentLiabilitiesCurrent");
        Assert.Equal(4466470000m, line.Values[0]);
        Assert.DoesNotContain(4500000000m, sheet.Lines.SelectMany(l => l.Values));
    }

    [Theory]
    [MemberData(nameof(AllFilings))]
    public void Every_balance_sheet_balances_in_every_period(string document)
    {
        var instance = InlineXbrl.LoadAny(Corpus.RequireCorpus(document));
        var sheet = StatementBuilder.Find(instance, StatementKind.BalanceSheet);
        Assert.NotNull(sheet);
        var checks = StatementBuilder.CheckBalance(sheet);
        Assert.NotEmpty(checks);
        Assert.All(checks, c => Assert.True(c.Balances, $"{c.Column.Heading}: assets {c.Assets}, liabilities and equity {c.LiabilitiesAndEquity}."));
    }

    [Theory]
    [InlineData("0000002 - Statement - CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS (Unaudited)", StatementKind.IncomeStatement)]
    [InlineData("0000003 - Statement - CONDENSED CONSOLIDATED STATEMENTS OF COMPREHENSIVE INCOME (Unaudited)", StatementKind.ComprehensiveIncome)]
    [InlineData("0000004 - Statement - CONDENSED CONSOLIDATED BALANCE SHEETS (Unaudited)", StatementKind.BalanceSheet)]
    [InlineData("0000005 - Statement - CONDENSED CONSOLIDATED BALANCE SHEETS (Unaudited) (Parenthetical)", StatementKind.Other)]
    [InlineData("0000006 - Statement - CONDENSED CONSOLIDATED STATEMENTS OF SHAREHOLDERS' EQUITY (Unaudited)", StatementKind.Equity)]
    [InlineData("0000007 - Statement - CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS (Unaudited)", StatementKind.CashFlow)]
    public void A_role_title_tells_the_kind_of_statement(string title, StatementKind kind) =>
        Assert.Equal(kind, StatementBuilder.KindOf(title, "http://example.com/role/x"));

    private static bool SameScaled(decimal? ours, decimal? edgar)
    {
        if (ours is null || edgar is null)
        {
            return ours is null && edgar is null;
        }
        return ours == edgar || ours == edgar * 1_000m || ours == edgar * 1_000_000m;
    }

    /// <summary>The rows of an R page's report table that show values: label and one value per column.</summary>
    internal static List<(string Label, List<decimal?> Values)> ReadRPage(string path)
    {
        var html = File.ReadAllText(path);
        var table = Regex.Match(html, "<table class=\"report\".*?</table>", RegexOptions.Singleline).Value;
        var rows = new List<(string, List<decimal?>)>();
        foreach (Match row in Regex.Matches(table, "<tr[^>]*>(.*?)</tr>", RegexOptions.Singleline))
        {
            var cells = Regex.Matches(row.Groups[1].Value, "<td[^>]*>(.*?)</td>", RegexOptions.Singleline)
                .Select(m => WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", string.Empty)).Trim()).ToList();
            if (cells.Count < 2)
            {
                continue;
            }
            var values = cells.Skip(1).Select(Number).ToList();
            if (values.Any(v => v is not null))
            {
                rows.Add((cells[0], values));
            }
        }
        return rows;
    }

    private static decimal? Number(string cell)
    {
        var t = cell.Replace("$", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal).Trim();
        if (t.Length == 0)
        {
            return null;
        }
        var negative = t.StartsWith('(') && t.EndsWith(')');
        t = t.Trim('(', ')').Trim();
        return decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? (negative ? -v : v) : null;
    }
}
