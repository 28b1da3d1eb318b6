using EdgarSharp.Xbrl;
using EdgarSharp.Xbrl.Conformance;

namespace EdgarSharp.Conformance.Tests;

/// <summary>
/// The XBRL 2.1 conformance suite (XBRL-CONF-2014-12-10), one test per variation. Variations a later issue owes
/// report themselves skipped with that reason; known failures are listed in <c>known-failures.tsv</c> with theirs.
/// </summary>
public class Xbrl21SuiteTests
{
    private static readonly Suite TheSuite = new(() => SuitePaths.Xbrl21Index, "The shared corpus (../shared/corpus) with the XBRL 2.1 conformance suite is absent on this machine.");

    private static IReadOnlyDictionary<string, ConformanceVariation> Variations => TheSuite.Variations;

    public static TheoryData<string> AllVariations() => TheSuite.Rows();

    [Theory]
    [MemberData(nameof(AllVariations))]
    public void Variation_gives_the_expected_verdict(string variation) => TheSuite.AssertVerdict(variation);

    [Fact]
    public void Every_variation_of_the_suite_is_read()
    {
        TheSuite.RequirePresent();
        Assert.Equal(548, Variations.Count);
        var linkbase = Variations.Values.Where(v => v.Testcase.StartsWith("Common/200-linkbase/", StringComparison.Ordinal)
            && !v.EntryPoints.Any(e => e.Kind == "instance")).ToList();
        Assert.Equal(105, linkbase.Count);
        Assert.Equal(40, linkbase.Count(v => !v.ExpectedValid));
    }

    [Fact]
    public void No_variation_is_owed()
    {
        // 548 of 548: every variation's own test above asserts it passes, none skipped as owed; the list only shrinks.
        Assert.Empty(ConformanceSuite.OwedVariations);
    }}

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
