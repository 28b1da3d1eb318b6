using EdgarSharp.Ownership;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Ownership;

/// <summary>
/// The seed <c>samples/lpsn-form4-2009-11-19.txt</c> (a Form 4 as text extracted from a PDF, columns scrambled,
/// numbers split) gives exactly what issue 7 lists. The expected values are the issue's, not the reader's output.
/// </summary>
public class SeedForm4Tests
{
    private static readonly Lazy<OwnershipReadResult> Seed = new(() =>
        OwnershipRendered.ReadText(File.ReadAllText(Corpus.Sample("lpsn-form4-2009-11-19.txt")), "lpsn-form4-2009-11-19.txt"));

    private static OwnershipDocument Doc => Seed.Value.Document;

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The_owner_is_BIXBY_TIMOTHY_E_an_officer_inferred_from_the_title_President_and_CFO()
    {
        var owner = Assert.Single(Doc.ReportingOwners);
        Assert.Equal("BIXBY TIMOTHY E", owner.Name);
        Assert.True(owner.Relationship!.IsOfficer);
        Assert.Equal("President and CFO", owner.Relationship.OfficerTitle);
        Assert.Null(owner.Relationship.IsDirector);
        Assert.Contains(Doc.Inferred, i => i.StartsWith("reportingOwnerRelationship.isOfficer", StringComparison.Ordinal));
        Assert.Contains(Seed.Value.Diagnostics, d => d.Code == OwnershipDiagnosticCodes.Inferred);
    }

    [Fact]
    public void The_issuer_is_LIVEPERSON_INC_LPSN_and_the_form_is_a_Form_4()
    {
        Assert.Equal("LIVEPERSON INC", Doc.Issuer.Name);
        Assert.Equal("LPSN", Doc.Issuer.TradingSymbol);
        Assert.Equal("4", Doc.DocumentType);
        Assert.False(Doc.IsAmendment);
    }

    public static TheoryData<int, string, string, decimal, decimal, string, decimal> TableOne() => new()
    {
        { 0, "2009-11-17", "M", 19500m, 0.29m, "A", 306250m },
        { 1, "2009-11-17", "M", 4909m, 0.72m, "A", 311159m },
        { 2, "2009-11-17", "S", 24409m, 6.5m, "D", 286750m },
        { 3, "2009-11-18", "M", 28100m, 0.72m, "A", 314850m },
        { 4, "2009-11-18", "S", 28100m, 6.5m, "D", 286750m },
        { 5, "2009-11-19", "M", 600m, 0.72m, "A", 287350m },
        { 6, "2009-11-19", "S", 600m, 6.5m, "D", 286750m },
    };

    [Theory]
    [MemberData(nameof(TableOne))]
    public void Each_Table_I_row_has_the_date_code_amount_price_and_holdings_of_the_issue(int index, string date, string code, decimal amount, decimal price, string ad, decimal after)
    {
        Assert.Equal(7, Doc.NonDerivativeTable!.Count);
        var row = Doc.NonDerivativeTable[index];
        Assert.Equal("Common Stock", row.SecurityTitle.Text);
        Assert.Equal(D(date), row.TransactionDate.Value);
        Assert.Equal(code, row.Coding?.Code);
        Assert.Equal(amount, row.Shares.Value);
        Assert.Equal(price, row.PricePerShare.Value);
        Assert.Equal(ad, row.AcquiredDisposed.Value is { } v ? OwnershipCodes.ToCode(v) : null);
        Assert.Equal(after, row.SharesOwnedFollowing.Value);
        Assert.Equal(OwnershipForm.Direct, row.DirectOrIndirect.Value);
    }

    [Fact]
    public void Footnote_1_is_on_the_three_S_codes_2_and_3_on_the_first_two_S_prices_and_4_on_every_holdings_after()
    {
        var rows = Doc.NonDerivativeTable!;
        Assert.All(rows, r => Assert.Equal(r.Coding?.Code == "S" ? ["F1"] : Array.Empty<string>(), r.Coding!.FootnoteIds));
        Assert.Equal(["F2"], rows[2].PricePerShare.FootnoteIds);
        Assert.Equal(["F3"], rows[4].PricePerShare.FootnoteIds);
        Assert.Empty(rows[6].PricePerShare.FootnoteIds);
        Assert.All(rows.Where(r => r.Coding?.Code == "M"), r => Assert.Empty(r.PricePerShare.FootnoteIds));
        Assert.All(rows, r => Assert.Equal(["F4"], r.SharesOwnedFollowing.FootnoteIds));
        Assert.All(rows, r => Assert.Empty(r.Shares.FootnoteIds));
    }

    public static TheoryData<int, decimal, string, decimal, string, decimal> TableTwo() => new()
    {
        { 0, 0.29m, "2009-11-17", 19500m, "2011-11-09", 0m },
        { 1, 0.72m, "2009-11-17", 4909m, "2012-12-12", 270091m },
        { 2, 0.72m, "2009-11-18", 28100m, "2012-12-12", 241991m },
        { 3, 0.72m, "2009-11-19", 600m, "2012-12-12", 241391m },
    };

    [Theory]
    [MemberData(nameof(TableTwo))]
    public void Each_Table_II_row_is_a_stock_option_exercise_with_the_price_amount_expiration_and_remainder_of_the_issue(
        int index, decimal exercisePrice, string date, decimal amount, string expiration, decimal left)
    {
        Assert.Equal(4, Doc.DerivativeTable!.Count);
        var row = Doc.DerivativeTable[index];
        Assert.Equal("Stock Option (right to buy)", row.SecurityTitle.Text);
        Assert.Equal(exercisePrice, row.ConversionOrExercisePrice.Value);
        Assert.Equal(D(date), row.TransactionDate.Value);
        Assert.Equal("M", row.Coding?.Code);
        Assert.Equal(amount, row.Shares.Value);
        Assert.Equal(AcquiredDisposed.Disposed, row.AcquiredDisposed.Value);
        Assert.Equal(D(expiration), row.ExpirationDate.Value);
        Assert.Equal("Common Stock", row.UnderlyingSecurityTitle.Text);
        Assert.Equal(amount, row.UnderlyingSecurityShares.Value);
        Assert.Equal(0m, row.PricePerShare.Value);
        Assert.Equal(left, row.SharesOwnedFollowing.Value);
        Assert.Equal(OwnershipForm.Direct, row.DirectOrIndirect.Value);
    }

    [Fact]
    public void Footnote_5_is_on_Date_Exercisable_which_has_no_date()
    {
        Assert.All(Doc.DerivativeTable!, r =>
        {
            Assert.Null(r.ExerciseDate.Value);
            Assert.Equal(["F5"], r.ExerciseDate.FootnoteIds);
            Assert.True(r.ExerciseDate.IsFootnoteOnly);
            Assert.Empty(r.ExpirationDate.FootnoteIds);
        });
    }

    [Fact]
    public void The_five_footnotes_are_read_with_their_text()
    {
        Assert.Equal(["F1", "F2", "F3", "F4", "F5"], Doc.Footnotes!.Select(f => f.Id));
        Assert.StartsWith("The sales reported in this Form 4 were effected pursuant to a Rule 10b5-1 trading plan", Doc.Footnotes![0].Text, StringComparison.Ordinal);
        Assert.Equal("All shares under the applicable option grants are currently exercisable.", Doc.Footnotes[4].Text);
    }

    [Fact]
    public void The_weighted_average_price_ranges_are_6_50_to_6_52_and_6_50_to_6_53()
    {
        var ranges = Seed.Value.Diagnostics.Where(d => d.Code == OwnershipDiagnosticCodes.WeightedAveragePrice).Select(d => d.Message).ToList();
        Assert.Equal(2, ranges.Count);
        Assert.Contains("6.50 to 6.52", ranges[0], StringComparison.Ordinal);
        Assert.Contains("6.50 to 6.53", ranges[1], StringComparison.Ordinal);
        Assert.True(OwnershipFootnotes.TryParsePriceRange(Doc.FindFootnote("F2")!.Text, out var two));
        Assert.Equal(new PriceRange(6.50m, 6.52m), two);
        Assert.True(OwnershipFootnotes.TryParsePriceRange(Doc.FindFootnote("F3")!.Text, out var three));
        Assert.Equal(new PriceRange(6.50m, 6.53m), three);
        Assert.DoesNotContain(Seed.Value.Diagnostics, d => d.Code == OwnershipDiagnosticCodes.WeightedAveragePriceOutOfRange);
    }

    [Fact]
    public void The_holdings_chain_checks_out_and_every_exercise_matches_a_code_M_acquisition()
    {
        Assert.DoesNotContain(Seed.Value.Diagnostics, d => d.Code == OwnershipDiagnosticCodes.HoldingsChainBreak);
        Assert.Contains(Seed.Value.Diagnostics, d => d.Code == OwnershipDiagnosticCodes.HoldingsChainHolds);
        Assert.Equal(4, Seed.Value.Diagnostics.Count(d => d.Code == OwnershipDiagnosticCodes.ExerciseMatched));
        Assert.DoesNotContain(Seed.Value.Diagnostics, d => d.Code == OwnershipDiagnosticCodes.ExerciseUnmatched);
        Assert.Equal(3, Seed.Value.Diagnostics.Count(d => d.Code == OwnershipDiagnosticCodes.Rule10b5One));
        Assert.False(Seed.Value.HasErrors, string.Join("\n", Seed.Value.Diagnostics));
    }

    [Fact]
    public void The_period_of_report_is_the_earliest_transaction_and_is_named_as_inferred()
    {
        Assert.Equal(D("2009-11-17"), Doc.PeriodOfReport);
        Assert.Contains(Doc.Inferred, i => i.StartsWith("periodOfReport", StringComparison.Ordinal));
    }

    [Fact]
    public void The_address_is_put_back_together_from_its_fragments()
    {
        var address = Doc.ReportingOwners[0].Address!;
        Assert.Equal("462 SEVENTH AVENUE, 3RD FLOOR", address.Street1);
        Assert.Equal("NEW YORK", address.City);
        Assert.Equal("NY", address.State);
        Assert.Equal("10018", address.ZipCode);
    }
}
