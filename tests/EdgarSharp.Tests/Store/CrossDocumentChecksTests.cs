using EdgarSharp.Storage;

namespace EdgarSharp.Tests.Store;

public class CrossDocumentChecksTests
{
    private static IReadOnlyList<HoldingsFinding> HoldingsOf(string folder)
    {
        using var temp = new TempFolder();
        using var store = SqliteEdgarStore.Open(temp.Db);
        var report = Ingestor.Ingest(store, [folder]);
        Assert.Equal(2, report.Stored);
        return CrossDocumentChecks.Holdings(store.Filings(9990101));
    }

    [Fact]
    public void A_gift_left_out_between_two_Forms_4_is_a_holdings_break_of_its_shares()
    {
        var findings = HoldingsOf(StoreFixtures.HoldingsBreak);

        var brk = Assert.Single(findings, f => f.Severity == "error");
        Assert.Equal(CrossDocumentChecks.HoldingsBreak, brk.Code);
        Assert.Equal(50000m, brk.HeldAfter);
        Assert.Equal(48450m, brk.ImpliedBefore);
        Assert.Equal(-1550m, brk.Difference);
        Assert.Equal("2024-05-01", brk.EarlierDate);
        Assert.Equal("2024-08-01", brk.LaterDate);
        Assert.Contains("1,550 fewer shares", brk.Message, StringComparison.Ordinal);
        // The trust's holding is the same on both forms: compared, and continuous.
        Assert.Contains(findings, f => f.Severity == "ok" && f.Position.Contains("By Trust", StringComparison.Ordinal));
    }

    [Fact]
    public void A_consistent_pair_of_Forms_4_has_no_break()
    {
        var findings = HoldingsOf(StoreFixtures.HoldingsConsistent);

        Assert.DoesNotContain(findings, f => f.Severity == "error");
        var direct = Assert.Single(findings, f => f.Position.Contains("(D)", StringComparison.Ordinal));
        Assert.Equal(CrossDocumentChecks.HoldingsContinuous, direct.Code);
        Assert.Equal(direct.HeldAfter, direct.ImpliedBefore);
    }

    [Fact]
    public void A_promised_disclosure_is_kept_in_the_filing_that_has_it_and_not_kept_in_the_one_without_it()
    {
        using var temp = new TempFolder();
        using var store = SqliteEdgarStore.Open(temp.Db);
        Ingestor.Ingest(store, [StoreFixtures.ExampleGears]);
        var company = store.FindCompany("EXGR");
        Assert.NotNull(company);

        var findings = CrossDocumentChecks.Commitments(store, company.Cik);

        Assert.All(findings, f => Assert.Equal(1, f.Comment));
        Assert.Contains("10-K", Assert.Single(findings.Select(f => f.PromisedForms).Distinct(new ListComparer())));
        var byPeriod = findings.ToLookup(f => (f.CheckedForm, f.CheckedPeriod));
        Assert.Equal("kept", Assert.Single(byPeriod[("10-K", "2024-12-31")]).Status);
        Assert.Equal("kept", Assert.Single(byPeriod[("10-K/A", "2024-12-31")]).Status);
        var notKept = Assert.Single(byPeriod[("10-K", "2025-12-31")]);
        Assert.Equal("not-kept", notKept.Status);
        Assert.True(notKept.Found.Count < notKept.Terms.Count / 2, string.Join(", ", notKept.Found));
        Assert.Contains("unfilled", findings[0].Terms);
    }

    [Fact]
    public void A_commitment_with_no_later_filing_in_the_store_says_so()
    {
        using var temp = new TempFolder();
        using var store = SqliteEdgarStore.Open(temp.Db);
        Ingestor.Ingest(store, [Path.Combine(StoreFixtures.ExampleGears, "response-2024-06-14.txt")]);
        Ingestor.Ingest(store, [Path.Combine(StoreFixtures.ExampleGears, "egx-20251231.xml")]);
        var company = store.FindCompany("EXGR")!;

        var findings = CrossDocumentChecks.Commitments(store, company.Cik);

        // The letter named the company only by name; the 10-K stored after it linked it by its name.
        Assert.Contains(store.Filings(company.Cik), f => f.Form == "CORRESP");
        Assert.Equal("not-kept", Assert.Single(findings).Status);
    }

    [Theory]
    [InlineData("year ended December 31, 2012", "2012-12-31")]
    [InlineData("quarter ending March 31, 2013", "2013-03-31")]
    [InlineData("subsequent quarterly and annual reports", null)]
    public void Promised_periods_are_read_as_ISO_dates(string text, string? expected)
    {
        Assert.Equal(expected, CrossDocumentChecks.PromisedPeriod(text));
    }

    private sealed class ListComparer : IEqualityComparer<IReadOnlyList<string>>
    {
        public bool Equals(IReadOnlyList<string>? x, IReadOnlyList<string>? y) => x!.SequenceEqual(y!);

        public int GetHashCode(IReadOnlyList<string> obj) => string.Join(',', obj).GetHashCode(StringComparison.Ordinal);
    }
}
