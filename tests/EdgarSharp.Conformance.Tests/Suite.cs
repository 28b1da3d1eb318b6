using EdgarSharp.Xbrl;
using EdgarSharp.Xbrl.Conformance;

namespace EdgarSharp.Conformance.Tests;

/// <summary>
/// One conformance suite as tests: its variations by name (read once), the standard-schema catalog they resolve
/// through, one theory row per variation, and the verdict check every suite shares (owed variations report
/// themselves skipped with their reason; known failures are listed in <c>known-failures.tsv</c>).
/// </summary>
internal sealed class Suite(Func<string> index, string absentMessage)
{
    private static readonly Lazy<TaxonomyCatalog> SharedCatalog = new(() =>
    {
        var catalog = new TaxonomyCatalog();
        catalog.AddCacheFolder(SuitePaths.CoreSchemasCache);
        return catalog;
    });

    private readonly Lazy<Dictionary<string, ConformanceVariation>> _variations = new(() =>
        SuitePaths.Corpus is null ? [] : ConformanceSuite.Read(index()).ToDictionary(v => v.ToString(), StringComparer.Ordinal));

    /// <summary>The variations by <c>testcase#id</c>.</summary>
    public IReadOnlyDictionary<string, ConformanceVariation> Variations => _variations.Value;

    /// <summary>Skips the calling test, with the reason, when the suite is absent.</summary>
    public void RequirePresent() => Assert.SkipWhen(SuitePaths.Corpus is null, absentMessage);

    /// <summary>One row per variation, or one row that will skip when the suite is absent.</summary>
    public TheoryData<string> Rows()
    {
        var data = new TheoryData<string>();
        if (SuitePaths.Corpus is null)
        {
            data.Add("(suite absent)");
            return data;
        }
        foreach (var key in Variations.Keys)
        {
            data.Add(key);
        }
        return data;
    }

    /// <summary>Runs one variation and asserts its verdict.</summary>
    public void AssertVerdict(string variation)
    {
        RequirePresent();
        var v = Variations[variation];
        var result = ConformanceSuite.Run(v, new ConformanceOptions { Catalog = SharedCatalog.Value });
        Assert.SkipWhen(result.Status == ConformanceStatus.Owed, result.Reason ?? "owed");
        if (KnownFailures.Reasons.TryGetValue(variation, out var reason))
        {
            Assert.SkipWhen(result.Status == ConformanceStatus.Fail, "Known failure: " + reason);
            Assert.Fail($"{variation} is listed as a known failure ({reason}) but now passes: remove it from known-failures.tsv.");
        }
        Assert.True(result.Status == ConformanceStatus.Pass,
            $"{variation} ({v.Name}): expected {v.Expected}, got {result.Actual}.\n{string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))}");
    }
}
