using System.Xml;
using EdgarSharp.Xbrl;
using EdgarSharp.Xbrl.Conformance;

namespace EdgarSharp.Conformance.Tests;

/// <summary>
/// The XBRL Dimensions suite's expected fact lists: for each valid instance variation whose result names a file in
/// its test case's <c>out</c> folder, the dimensionally valid facts (<see cref="XbrlInstance.DimensionallyValidFacts"/>)
/// must be those the file lists, by element and element pointer, each with the same dimensions and the same
/// defaulted ones. Known differences are listed in <c>known-failures.tsv</c> under <c>factlist:</c> keys.
/// </summary>
public class XdtFactListTests
{
    private static readonly Lazy<Dictionary<string, (ConformanceVariation Variation, string Instance, string Expected)>> Cases = new(Build);

    private static readonly Lazy<TaxonomyCatalog> Catalog = new(() =>
    {
        var catalog = new TaxonomyCatalog();
        catalog.AddCacheFolder(SuitePaths.CoreSchemasCache);
        return catalog;
    });

    private static Dictionary<string, (ConformanceVariation, string, string)> Build()
    {
        var cases = new Dictionary<string, (ConformanceVariation, string, string)>(StringComparer.Ordinal);
        if (SuitePaths.Corpus is null)
        {
            return cases;
        }
        var root = Path.GetDirectoryName(SuitePaths.XdtIndex)!;
        foreach (var v in ConformanceSuite.Read(SuitePaths.XdtIndex))
        {
            var instance = v.EntryPoints.FirstOrDefault(e => string.Equals(e.Kind, "instance", StringComparison.Ordinal));
            if (instance is null || !v.ExpectedValid || v.ExpectedOutputFiles.Count != 1)
            {
                continue;
            }
            var expected = Path.Combine(root, Path.GetDirectoryName(v.Testcase)!, "out", v.ExpectedOutputFiles[0]);
            if (File.Exists(expected))
            {
                cases.Add(v.ToString(), (v, instance.Path, expected));
            }
        }
        return cases;
    }

    public static TheoryData<string> AllCases()
    {
        var data = new TheoryData<string>();
        if (SuitePaths.Corpus is null)
        {
            data.Add("(suite absent)");
            return data;
        }
        foreach (var key in Cases.Value.Keys)
        {
            data.Add(key);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void The_dimensionally_valid_facts_are_the_expected_list(string variation)
    {
        Assert.SkipWhen(SuitePaths.Corpus is null, "The shared corpus with the XBRL Dimensions conformance suite is absent on this machine.");
        var (_, instancePath, expectedPath) = Cases.Value[variation];
        var instance = XbrlInstance.Load(instancePath, new XbrlLoadOptions { Catalog = Catalog.Value });
        var pointers = Pointers(instancePath);
        var actual = instance.DimensionallyValidFacts()
            .Select(v => Row(v.Fact.Name, pointers.GetValueOrDefault((v.Fact.Location?.Line ?? 0, v.Fact.Location?.Column ?? 0), "?"),
                v.Validity.Members.Select(m => (m.Dimension.Name, m.IsDefault))))
            .Order(StringComparer.Ordinal).ToList();
        var expected = Expected(expectedPath).Order(StringComparer.Ordinal).ToList();
        if (KnownFailures.Reasons.TryGetValue("factlist:" + variation, out var reason))
        {
            Assert.SkipWhen(!expected.SequenceEqual(actual, StringComparer.Ordinal), "Known failure: " + reason);
            Assert.Fail($"factlist:{variation} is listed as a known failure ({reason}) but now passes: remove it from known-failures.tsv.");
        }
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void The_suite_has_fact_lists_to_compare()
    {
        Assert.SkipWhen(SuitePaths.Corpus is null, "The shared corpus is absent on this machine.");
        Assert.True(Cases.Value.Count >= 100, $"Only {Cases.Value.Count} fact lists found.");
    }

    private static string Row(QName name, string pointer, IEnumerable<(QName Dimension, bool IsDefault)> members) =>
        $"{name} @{pointer} [{string.Join(", ", members.Select(m => $"{m.Dimension}{(m.IsDefault ? "=default" : "")}").Order(StringComparer.Ordinal))}]";

    /// <summary>The rows of an expected fact list: element, pointer, and each member's dimension and whether it is defaulted.</summary>
    private static IEnumerable<string> Expected(string path)
    {
        var doc = new XmlDocument { XmlResolver = null };
        doc.Load(path);
        foreach (XmlElement item in doc.DocumentElement!.GetElementsByTagName("item"))
        {
            var name = Resolve(item["qnElement"]!);
            var pointer = item["sPointer"]!.InnerText.Trim();
            var members = item.GetElementsByTagName("member").Cast<XmlElement>()
                .Select(m => (Resolve(m["qnDimension"]!), string.Equals(m["bDefaulted"]?.InnerText.Trim(), "true", StringComparison.Ordinal)));
            yield return Row(name, pointer, members);
        }
    }

    private static QName Resolve(XmlElement qname)
    {
        var text = qname.InnerText.Trim();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon < 0 ? "" : text[..colon];
        return new QName(qname.GetNamespaceOfPrefix(prefix), colon < 0 ? text : text[(colon + 1)..]);
    }

    /// <summary>The element pointer (<c>4</c>, <c>5/1</c>: child positions below the root) of every element, by line and column.</summary>
    private static Dictionary<(int, int), string> Pointers(string path)
    {
        var result = new Dictionary<(int, int), string>();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(path, settings);
        var counts = new List<int>();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            var depth = reader.Depth;
            while (counts.Count > depth + 1)
            {
                counts.RemoveAt(counts.Count - 1);
            }
            while (counts.Count < depth + 1)
            {
                counts.Add(0);
            }
            counts[depth]++;
            if (depth > 0)
            {
                var info = (IXmlLineInfo)reader;
                result[(info.LineNumber, info.LinePosition)] = string.Join('/', counts.Skip(1).Take(depth));
            }
            if (!reader.IsEmptyElement)
            {
                counts.Add(0);
            }
        }
        return result;
    }
}
