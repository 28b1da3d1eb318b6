using EdgarSharp.Ownership;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Ownership;

/// <summary><see cref="OwnershipChecks"/>: each check finds what it should on a form changed to break it.</summary>
public class OwnershipChecksTests
{
    private static OwnershipDocument Form() =>
        OwnershipXml.Read(Corpus.Fixture("Ownership/form4-exercise-and-sale.xml"), new OwnershipReadOptions { Check = false }).Document;

    private static IReadOnlyList<Diagnostic> Codes(OwnershipDocument d, string code) => OwnershipChecks.Run(d).Where(x => x.Code == code).ToList();

    [Fact]
    public void A_form_whose_numbers_add_up_has_no_warnings()
    {
        var findings = OwnershipChecks.Run(Form());
        Assert.DoesNotContain(findings, f => f.Severity != DiagnosticSeverity.Info);
        Assert.Single(findings, f => f.Code == OwnershipDiagnosticCodes.HoldingsChainHolds);
        Assert.Single(findings, f => f.Code == OwnershipDiagnosticCodes.ExerciseMatched);
    }

    [Fact]
    public void A_holdings_chain_break_is_a_warning_at_the_row_that_breaks_it()
    {
        var d = Form();
        var rows = d.NonDerivativeTable!.ToList();
        rows[1] = rows[1] with { SharesOwnedFollowing = Footnoted<decimal>.Of(269000.5m, "F1") };

        var breaks = Codes(d with { NonDerivativeTable = rows }, OwnershipDiagnosticCodes.HoldingsChainBreak);

        var warning = Assert.Single(breaks);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("270000.5", warning.Message, StringComparison.Ordinal);
        Assert.Equal(rows[1].Location, warning.Location);
    }

    [Fact]
    public void A_chain_written_out_of_date_order_holds_in_date_order()
    {
        var d = Form();
        var rows = d.NonDerivativeTable!.ToList();
        // A later sale written first: the chain breaks in document order, holds in date order.
        var sale = rows[1] with { TransactionDate = Footnoted<DateOnly>.Of(new DateOnly(2024, 3, 15)) };
        var later = rows[1] with
        {
            TransactionDate = Footnoted<DateOnly>.Of(new DateOnly(2024, 3, 16)),
            Shares = Footnoted<decimal>.Of(100m),
            SharesOwnedFollowing = Footnoted<decimal>.Of(269900.5m),
        };
        var swapped = d with { NonDerivativeTable = [later, rows[0], sale, rows[2]] };

        Assert.Empty(Codes(swapped, OwnershipDiagnosticCodes.HoldingsChainBreak));
        Assert.Single(Codes(swapped, OwnershipDiagnosticCodes.HoldingsChainDateOrder));
    }

    [Fact]
    public void Tranches_of_units_that_differ_only_by_their_vesting_footnote_are_separate_chains()
    {
        var result = OwnershipXml.Read(Corpus.RequireCorpus("ownership-xml/extracted-from-submissions/0001617553-25-000024.xml"));

        // Four RSU tranches with vesting footnotes F4, F6, F7, F8: no Table II chain to break. Table I's last row
        // (1,169,089 less 33,148 withheld is 1,135,941, reported 1,138,960 with footnote F2) is a real break.
        var breaks = result.Diagnostics.Where(d => d.Code == OwnershipDiagnosticCodes.HoldingsChainBreak).ToList();
        var only = Assert.Single(breaks);
        Assert.StartsWith("Table I row 5", only.Message, StringComparison.Ordinal);
        Assert.Contains("1135941", only.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exercise_without_its_code_M_acquisition_is_a_warning()
    {
        var d = Form();
        var rows = d.NonDerivativeTable!.ToList();
        rows[0] = rows[0] with { Shares = Footnoted<decimal>.Of(1000m) };

        var unmatched = Codes(d with { NonDerivativeTable = rows }, OwnershipDiagnosticCodes.ExerciseUnmatched);

        Assert.Equal(2, unmatched.Count);
        Assert.All(unmatched, u => Assert.Equal(DiagnosticSeverity.Warning, u.Severity));
    }

    [Fact]
    public void A_weighted_average_price_outside_its_footnote_range_is_a_warning()
    {
        var d = Form();
        var rows = d.NonDerivativeTable!.ToList();
        rows[1] = rows[1] with { PricePerShare = Footnoted<decimal>.Of(25.50m, "F3") };

        var found = Assert.Single(Codes(d with { NonDerivativeTable = rows }, OwnershipDiagnosticCodes.WeightedAveragePriceOutOfRange));
        Assert.Contains("25.01 to 25.30", found.Message, StringComparison.Ordinal);
        Assert.Single(Codes(d, OwnershipDiagnosticCodes.WeightedAveragePrice));
    }

    [Fact]
    public void A_sale_under_a_10b5_1_plan_is_named_from_its_footnote_or_from_the_X0508_box()
    {
        var d = Form();
        Assert.Contains("footnote F2", Assert.Single(Codes(d, OwnershipDiagnosticCodes.Rule10b5One)).Message, StringComparison.Ordinal);
        var rows = d.NonDerivativeTable!.ToList();
        rows[1] = rows[1] with { Coding = rows[1].Coding! with { FootnoteIds = [] } };
        Assert.Contains("box is checked", Assert.Single(Codes(d with { NonDerivativeTable = rows }, OwnershipDiagnosticCodes.Rule10b5One)).Message, StringComparison.Ordinal);
        Assert.Empty(Codes(d with { NonDerivativeTable = rows, Aff10b5One = false }, OwnershipDiagnosticCodes.Rule10b5One));
    }

    [Theory]
    [InlineData("2024-03-18", 0)]
    [InlineData("2024-03-19", 2)]
    public void A_Form_4_is_late_after_the_second_business_day_after_the_transaction(string filed, int late)
    {
        var d = Form();
        var at = d with { Source = d.Source with { FilingDate = DateOnly.Parse(filed, System.Globalization.CultureInfo.InvariantCulture) } };
        Assert.Equal(late, Codes(at, OwnershipDiagnosticCodes.LateFiling).Count(x => x.Message.Contains("Common Stock", StringComparison.Ordinal)));
    }

    [Fact]
    public void Late_filing_is_checked_only_when_the_filing_date_is_known()
    {
        Assert.Empty(Codes(Form(), OwnershipDiagnosticCodes.LateFiling));
    }

    [Fact]
    public void Form_3_is_due_ten_days_after_the_event_and_Form_5_45_days_after_the_fiscal_year_end()
    {
        var form3 = OwnershipXml.Read(Corpus.RequireCorpus("ownership-xml/edgartools/form3.snow.xml"), new OwnershipReadOptions { Check = false }).Document;
        // Event 2020-09-15: due 2020-09-25.
        Assert.Empty(Codes(form3 with { Source = form3.Source with { FilingDate = new DateOnly(2020, 9, 25) } }, OwnershipDiagnosticCodes.LateFiling));
        Assert.Single(Codes(form3 with { Source = form3.Source with { FilingDate = new DateOnly(2020, 9, 26) } }, OwnershipDiagnosticCodes.LateFiling));
        var form5 = OwnershipXml.Read(Corpus.RequireCorpus("ownership-xml/edgartools/form5.snow.xml"), new OwnershipReadOptions { Check = false }).Document;
        // Fiscal year end 2022-01-31: due 2022-03-17.
        Assert.Empty(Codes(form5 with { Source = form5.Source with { FilingDate = new DateOnly(2022, 3, 17) } }, OwnershipDiagnosticCodes.LateFiling));
        Assert.Single(Codes(form5 with { Source = form5.Source with { FilingDate = new DateOnly(2022, 3, 18) } }, OwnershipDiagnosticCodes.LateFiling));
    }

    [Fact]
    public void Every_corpus_form_is_checked_without_errors()
    {
        foreach (var file in Directory.GetFiles(Corpus.RequireCorpus("ownership-xml"), "*.xml", SearchOption.AllDirectories))
        {
            var result = OwnershipXml.Read(file);
            Assert.False(result.HasErrors, $"{file}: {string.Join("; ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))}");
        }
    }
}
