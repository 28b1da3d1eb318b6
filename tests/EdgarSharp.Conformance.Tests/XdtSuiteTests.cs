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
    private static readonly Lazy<Dictionary<string, ConformanceVariation>> Variations = new(() =>
        SuitePaths.Corpus is null ? [] : ConformanceSuite.Read(SuitePaths.XdtIndex).ToDictionary(v => v.ToString(), StringComparer.Ordinal));

    private static readonly Lazy<TaxonomyCatalog> Catalog = new(() =>
    {
        var catalog = new TaxonomyCatalog();
        catalog.AddCacheFolder(SuitePaths.CoreSchemasCache);
        return catalog;
    });

    private const string Absent = "The shared corpus (../shared/corpus) with the XBRL Dimensions conformance suite is absent on this machine.";

    public static TheoryData<string> AllVariations()
    {
        var data = new TheoryData<string>();
        if (SuitePaths.Corpus is null)
        {
            data.Add("(suite absent)");
            return data;
        }
        foreach (var key in Variations.Value.Keys)
        {
            data.Add(key);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllVariations))]
    public void Variation_gives_the_expected_verdict(string variation)
    {
        Assert.SkipWhen(SuitePaths.Corpus is null, Absent);
        var v = Variations.Value[variation];
        var result = ConformanceSuite.Run(v, new ConformanceOptions { Catalog = Catalog.Value });
        Assert.SkipWhen(result.Status == ConformanceStatus.Owed, result.Reason ?? "owed");
        if (KnownFailures.Reasons.TryGetValue(variation, out var reason))
        {
            Assert.SkipWhen(result.Status == ConformanceStatus.Fail, "Known failure: " + reason);
            Assert.Fail($"{variation} is listed as a known failure ({reason}) but now passes: remove it from known-failures.tsv.");
        }
        Assert.True(result.Status == ConformanceStatus.Pass,
            $"{variation} ({v.Name}): expected {v.Expected}, got {result.Actual}.\n{string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))}");
    }

    [Fact]
    public void Every_variation_of_the_suite_is_read_and_run_and_none_is_owed()
    {
        Assert.SkipWhen(SuitePaths.Corpus is null, Absent);
        var all = Variations.Value.Values.ToList();
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
