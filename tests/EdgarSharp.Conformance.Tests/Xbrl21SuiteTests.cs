using EdgarSharp.Xbrl;
using EdgarSharp.Xbrl.Conformance;

namespace EdgarSharp.Conformance.Tests;

/// <summary>
/// The XBRL 2.1 conformance suite (XBRL-CONF-2014-12-10), one test per variation. Variations a later issue owes
/// report themselves skipped with that reason; known failures are listed in <c>known-failures.tsv</c> with theirs.
/// </summary>
public class Xbrl21SuiteTests
{
    private static readonly Lazy<Dictionary<string, ConformanceVariation>> Variations = new(() =>
        SuitePaths.Corpus is null ? [] : ConformanceSuite.Read(SuitePaths.Xbrl21Index).ToDictionary(v => v.ToString(), StringComparer.Ordinal));

    private static readonly Lazy<TaxonomyCatalog> Catalog = new(() =>
    {
        var catalog = new TaxonomyCatalog();
        catalog.AddCacheFolder(SuitePaths.CoreSchemasCache);
        return catalog;
    });

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
        Assert.SkipWhen(SuitePaths.Corpus is null, "The shared corpus (../shared/corpus) with the XBRL 2.1 conformance suite is absent on this machine.");
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
    public void Every_variation_of_the_suite_is_read()
    {
        Assert.SkipWhen(SuitePaths.Corpus is null, "The shared corpus (../shared/corpus) with the XBRL 2.1 conformance suite is absent on this machine.");
        Assert.Equal(548, Variations.Value.Count);
        var linkbase = Variations.Value.Values.Where(v => v.Testcase.StartsWith("Common/200-linkbase/", StringComparison.Ordinal)
            && !v.EntryPoints.Any(e => e.Kind == "instance")).ToList();
        Assert.Equal(105, linkbase.Count);
        Assert.Equal(40, linkbase.Count(v => !v.ExpectedValid));
    }
}

/// <summary>The one list of known conformance failures, each with its reason; it only shrinks.</summary>
internal static class KnownFailures
{
    public static IReadOnlyDictionary<string, string> Reasons { get; } = Load();

    private static Dictionary<string, string> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "known-failures.tsv");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return result;
        }
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            result[tab < 0 ? line : line[..tab]] = tab < 0 ? "" : line[(tab + 1)..];
        }
        return result;
    }
}
