using EdgarSharp.Xbrl;
using EdgarSharp.Xbrl.Conformance;

namespace EdgarSharp.Conformance.Tests;

/// <summary>
/// The XBRL Dimensions 1.0 conformance suite (xdt-conf-cr4-2009-10-06), one test per variation, the instance
/// variations (<c>200-xbrldie</c>, <c>300-factlist</c>) included: none is owed, so a failure fails; known failures
/// are listed in <c>known-failures.tsv</c> with their reasons. A variation that expects an error passes only when
/// that exact code is reported.
/// </summary>
public class XdtSuiteTests
{
    private static readonly Suite TheSuite = new(() => SuitePaths.XdtIndex, "The shared corpus (../shared/corpus) with the XBRL Dimensions conformance suite is absent on this machine.");

    private static IReadOnlyDictionary<string, ConformanceVariation> Variations => TheSuite.Variations;

    public static TheoryData<string> AllVariations() => TheSuite.Rows();

    [Theory]
    [MemberData(nameof(AllVariations))]
    public void Variation_gives_the_expected_verdict(string variation) => TheSuite.AssertVerdict(variation);

    [Fact]
    public void Every_variation_of_the_suite_is_read_and_run_and_none_is_owed()
    {
        TheSuite.RequirePresent();
        var all = Variations.Values.ToList();
        Assert.Equal(337, all.Count);
        Assert.All(all, v => Assert.Null(ConformanceSuite.DefaultNotRunReason(v)));
        Assert.Equal(240, all.Count(v => v.EntryPoints.Any(e => string.Equals(e.Kind, "instance", StringComparison.Ordinal))));
        Assert.DoesNotContain(all, v => ConformanceSuite.DefaultOwedReason(v) is not null);
        Assert.Equal(175, all.Count(v => v.ExpectedValid));
        Assert.Equal(51, all.Count(v => v.ExpectedErrors.Any(e => e.StartsWith("xbrldte:", StringComparison.Ordinal))));
        Assert.Equal(104, all.Count(v => v.ExpectedErrors.Any(e => e.StartsWith("xbrldie:", StringComparison.Ordinal))));
        Assert.Equal(7, all.Count(v => v.ExpectedErrors.Contains("sche:XmlSchemaError")));
    }
}
