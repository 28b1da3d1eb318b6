using System.Text.RegularExpressions;
using System.Xml.Linq;
using EdgarSharp.Tests.Support;
using EdgarSharp.Xbrl;

namespace EdgarSharp.Tests.Xbrl.Catalog;

public sealed partial class EdgarTaxonomiesTests
{
    // ---- the table itself ----

    [Fact]
    public void The_table_holds_every_standard_schema_once()
    {
        var all = EdgarTaxonomies.All;

        Assert.True(all.Count > 600, $"Only {all.Count} rows.");
        var urls = all.Where(t => t.SchemaUrl.Length > 0).Select(t => Regex.Replace(t.SchemaUrl, "^https?://", "").ToLowerInvariant()).ToList();
        Assert.Equal(urls.Count, urls.Distinct(StringComparer.Ordinal).Count());
        Assert.All(all, t => Assert.False(string.IsNullOrEmpty(t.Namespace)));
        Assert.All(all, t => Assert.False(string.IsNullOrEmpty(t.Family)));
    }

    // ---- by schema URL ----

    [Theory]
    [InlineData("http://xbrl.fasb.org/us-gaap/2016/elts/us-gaap-2016-01-31.xsd", "http://fasb.org/us-gaap/2016-01-31", "us-gaap")]
    [InlineData("https://xbrl.sec.gov/dei/2023/dei-2023.xsd", "http://xbrl.sec.gov/dei/2023", "dei")]
    [InlineData("http://xbrl.sec.gov/country/2016/country-2016-01-31.xsd", "http://xbrl.sec.gov/country/2016-01-31", "country")]
    [InlineData("http://taxonomies.xbrl.us/us-gaap/2009/elts/us-gaap-2009-01-31.xsd", "http://xbrl.us/us-gaap/2009-01-31", "us-gaap")]
    [InlineData("http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd", "http://www.xbrl.org/2003/instance", "xbrli")]
    [InlineData("http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd", "http://www.xbrl.org/2003/linkbase", "link")]
    [InlineData("http://www.xbrl.org/2003/xlink-2003-12-31.xsd", "http://www.w3.org/1999/xlink", "xlink")]
    [InlineData("http://www.xbrl.org/2003/xl-2003-12-31.xsd", "http://www.xbrl.org/2003/XLink", "xl")]
    [InlineData("http://www.xbrl.org/2005/xbrldt-2005.xsd", "http://xbrl.org/2005/xbrldt", "xbrldt")]
    [InlineData("http://www.xbrl.org/2006/xbrldi-2006.xsd", "http://xbrl.org/2006/xbrldi", "xbrldi")]
    [InlineData("http://www.xbrl.org/2004/ref-2004-08-10.xsd", "http://www.xbrl.org/2004/ref", "ref")]
    [InlineData("http://www.xbrl.org/2006/ref-2006-02-27.xsd", "http://www.xbrl.org/2006/ref", "ref")]
    [InlineData("http://www.xbrl.org/dtr/type/numeric-2009-12-16.xsd", "http://www.xbrl.org/dtr/type/numeric", "num")]
    [InlineData("http://www.xbrl.org/dtr/type/nonNumeric-2009-12-16.xsd", "http://www.xbrl.org/dtr/type/non-numeric", "nonnum")]
    [InlineData("https://www.xbrl.org/dtr/type/2022-03-31/types.xsd", "http://www.xbrl.org/dtr/type/2022-03-31", "dtr-types")]
    [InlineData("http://www.xbrl.org/utr/utr.xsd", "http://www.xbrl.org/2009/utr", "utr")]
    [InlineData("http://www.w3.org/2001/XMLSchema.xsd", "http://www.w3.org/2001/XMLSchema", "xsd")]
    [InlineData("http://xbrl.fasb.org/us-gaap/2020/elts/us-types-2020-01-31.xsd", "http://fasb.org/us-types/2020-01-31", "us-types")]
    [InlineData("https://xbrl.fasb.org/us-gaap/2024/ebp/elts/us-gaap-ebp-2024.xsd", "http://fasb.org/us-gaap-ebp/2024", "us-gaap-ebp")]
    public void A_standard_schema_url_gives_its_namespace_and_prefix(string url, string ns, string prefix)
    {
        Assert.True(EdgarTaxonomies.TryGetBySchemaUrl(url, out var t));
        Assert.Equal(ns, t.Namespace);
        Assert.Equal(prefix, t.Prefix);
    }

    [Theory]
    [InlineData("https://xbrl.fasb.org/us-gaap/2016/elts/us-gaap-2016-01-31.xsd")]
    [InlineData("HTTP://XBRL.FASB.ORG/us-gaap/2016/elts/us-gaap-2016-01-31.xsd")]
    [InlineData("http://xbrl.fasb.org:80/us-gaap/2016/elts/us-gaap-2016-01-31.xsd")]
    [InlineData("http://xbrl.fasb.org/us-gaap/2016/elts/us-gaap-2016-01-31.xsd#us-gaap_Assets")]
    [InlineData("http://xbrl.fasb.org/us-gaap/2016/dis/../elts/us-gaap-2016-01-31.xsd")]
    public void Http_https_case_fragments_and_dot_segments_do_not_matter(string url)
    {
        Assert.True(EdgarTaxonomies.TryGetBySchemaUrl(url, out var t));
        Assert.Equal("http://fasb.org/us-gaap/2016-01-31", t.Namespace);
        Assert.Equal("http://xbrl.fasb.org/us-gaap/2016/elts/us-gaap-2016-01-31.xsd", t.SchemaUrl);
        Assert.Equal("US GAAP", t.Family);
        Assert.Equal("2016", t.Version);
    }

    [Theory]
    [InlineData("https://xbrl.sec.gov/country/2024/country-entire-2024.xsd", "http://xbrl.sec.gov/country-entire/2024", "country-entire", "COUNTRY")]
    [InlineData("https://xbrl.sec.gov/dei/2026/dei-2026.xsd", "http://xbrl.sec.gov/dei/2026", "dei", "DEI")]
    [InlineData("https://xbrl.sec.gov/dei/2026/dei-2026_lab.xsd", "http://xbrl.sec.gov/dei-lab/2026", "dei-lab", "DEI")]
    [InlineData("https://xbrl.fasb.org/us-gaap/2026/elts/us-gaap-2026.xsd", "http://fasb.org/us-gaap/2026", "us-gaap", "US GAAP")]
    [InlineData("https://xbrl.fasb.org/srt/2024/entire/srt-entryPoint-std-2024.xsd", "http://fasb.org/srt-entryPoint-std/2024", "srt-entryPoint-std", "US GAAP")]
    [InlineData("https://xbrl.fasb.org/srt/2024/dis/srt-dis-srt-equity-2024.xsd", "http://fasb.org/dis/srt-equity/2024", "srt-equity", "US GAAP")]
    [InlineData("https://www.xbrl.org/dtr/type/2026-01-01/types.xsd", "http://www.xbrl.org/dtr/type/2026-01-01", "dtr-types", "BASE")]
    public void A_schema_missing_from_the_table_is_recognised_by_its_url_pattern(string url, string ns, string prefix, string family)
    {
        Assert.True(EdgarTaxonomies.TryGetBySchemaUrl(url, out var t));
        Assert.Equal(ns, t.Namespace);
        Assert.Equal(prefix, t.Prefix);
        Assert.Equal(family, t.Family);
        Assert.Equal(url, t.SchemaUrl);
        Assert.DoesNotContain(t, EdgarTaxonomies.All);
    }

    [Theory]
    [InlineData("https://xbrl.fasb.org/srt/2024/elts/srt-dep-def-2024.xsd")]
    [InlineData("https://xbrl.fasb.org/srt/2024/elts/srt-parts-cn-2024.xsd")]
    [InlineData("https://xbrl.sec.gov/dei/2023/dei-2022.xsd")]
    [InlineData("https://example.com/dei/2023/dei-2023.xsd")]
    [InlineData("https://xbrl.sec.gov/dei/2023/dei-2023_lab.xml")]
    [InlineData("dei-2023.xsd")]
    [InlineData("")]
    [InlineData("http://www.aapl.com/20230930/aapl-20230930.xsd")]
    public void A_url_that_is_not_a_known_standard_schema_is_not_found(string url)
    {
        Assert.False(EdgarTaxonomies.TryGetBySchemaUrl(url, out _));
    }

    // ---- by namespace and prefix ----

    [Theory]
    [InlineData("http://fasb.org/us-gaap/2023", "us-gaap")]
    [InlineData("http://www.xbrl.org/2003/iso4217", "iso4217")]
    [InlineData("http://www.xbrl.org/2009/utr", "utr")]
    [InlineData("http://www.w3.org/2001/XMLSchema", "xsd")]
    [InlineData("http://www.w3.org/2001/XMLSchema-instance", "xsi")]
    [InlineData("http://www.xbrl.org/2013/inlineXBRL", "ix")]
    [InlineData("http://www.xbrl.org/inlineXBRL/transformation/2020-02-12", "ixt")]
    [InlineData("http://www.sec.gov/inlineXBRL/transformation/2015-08-31", "ixt-sec")]
    [InlineData("http://xbrl.org/2005/xbrldt", "xbrldt")]
    [InlineData("http://xbrl.org/2006/xbrldi", "xbrldi")]
    [InlineData("http://xbrl.ifrs.org/taxonomy/2014-03-05/ifrs-full", "ifrs-full")]
    [InlineData("http://xbrl.sec.gov/country-entire/2024", "country-entire")]
    [InlineData("http://fasb.org/dis/srt-equity/2024", "srt-equity")]
    [InlineData("http://www.xbrl.org/dtr/type/2030-01-01", "dtr-types")]
    public void A_namespace_gives_its_conventional_prefix(string ns, string prefix)
    {
        Assert.Equal(prefix, EdgarTaxonomies.PrefixFor(ns));
    }

    [Theory]
    [InlineData("http://www.aapl.com/20230930")]
    [InlineData("http://fasb.org/us-gaap/2023/")]
    [InlineData("")]
    public void An_unknown_namespace_has_no_prefix(string ns)
    {
        Assert.Null(EdgarTaxonomies.PrefixFor(ns));
        Assert.False(EdgarTaxonomies.TryGetByNamespace(ns, out _));
    }

    [Fact]
    public void A_namespace_gives_the_schema_that_defines_it()
    {
        Assert.True(EdgarTaxonomies.TryGetByNamespace("http://xbrl.sec.gov/dei/2023", out var dei));
        Assert.Equal("https://xbrl.sec.gov/dei/2023/dei-2023.xsd", dei.SchemaUrl);
        Assert.True(EdgarTaxonomies.TryGetByNamespace("http://www.xbrl.org/dtr/type/non-numeric", out var nonnum));
        Assert.Equal("http://www.xbrl.org/dtr/type/nonNumeric-2009-12-16.xsd", nonnum.SchemaUrl);
        Assert.True(EdgarTaxonomies.TryGetByNamespace("http://www.xbrl.org/2003/iso4217", out var iso));
        Assert.Equal("", iso.SchemaUrl);
    }

    [Fact]
    public void A_prefix_and_a_year_give_that_years_taxonomy()
    {
        Assert.True(EdgarTaxonomies.TryGetByPrefix("us-gaap", 2016, out var gaap2016));
        Assert.Equal("http://fasb.org/us-gaap/2016-01-31", gaap2016.Namespace);
        Assert.True(EdgarTaxonomies.TryGetByPrefix("dei", 2022, out var dei2022));
        Assert.Equal("http://xbrl.sec.gov/dei/2022q4", dei2022.Namespace);
        Assert.True(EdgarTaxonomies.TryGetByPrefix("us-gaap", 2009, out var gaap2009));
        Assert.Equal("http://xbrl.us/us-gaap/2009-01-31", gaap2009.Namespace);
        Assert.False(EdgarTaxonomies.TryGetByPrefix("us-gaap", 1999, out _));
        Assert.False(EdgarTaxonomies.TryGetByPrefix("aapl", null, out _));
    }

    [Fact]
    public void A_prefix_alone_gives_the_latest_taxonomy()
    {
        Assert.True(EdgarTaxonomies.TryGetByPrefix("us-gaap", out var gaap));
        Assert.Equal("http://fasb.org/us-gaap/2025", gaap.Namespace);
        Assert.True(EdgarTaxonomies.TryGetByPrefix("ref", out var reference));
        Assert.Equal("http://www.xbrl.org/2006/ref", reference.Namespace);
        Assert.True(EdgarTaxonomies.TryGetByPrefix("xbrli", out var xbrli));
        Assert.Equal("http://www.xbrl.org/2003/instance", xbrli.Namespace);
    }

    // ---- against the corpus ----

    /// <summary>
    /// Standard namespaces whose prefix in the table differs from what some corpus file declares, with the reason.
    /// </summary>
    private static readonly Dictionary<string, string> KnownPrefixDifferences = new(StringComparer.Ordinal)
    {
        ["http://www.xbrl.org/2009/arcrole/fact-explanatoryFact"] =
            "the LRR schema declares its own namespace as 'deprecated' (a copy-paste slip) and filings copy it; the table leaves the prefix empty",
    };

    private static readonly string[] StandardHosts =
        ["xbrl.fasb.org", "xbrl.sec.gov", "taxonomies.xbrl.us", "xbrl.us", "www.xbrl.org", "xbrl.org", "xbrl.ifrs.org", "www.w3.org"];

    private static readonly Lazy<CorpusReferences?> References = new(ScanCorpus);

    public static IEnumerable<TheoryDataRow<string>> CorpusSchemaUrls()
    {
        var refs = References.Value;
        if (refs is null)
        {
            yield return new TheoryDataRow<string>("(none)") { Skip = "The shared corpus (../shared/corpus) is absent on this machine." };
            yield break;
        }
        foreach (var url in refs.Urls.Keys.Order(StringComparer.Ordinal))
        {
            yield return new TheoryDataRow<string>(url);
        }
    }

    [Theory]
    [MemberData(nameof(CorpusSchemaUrls))]
    public void Every_standard_schema_the_corpus_refers_to_maps_to_its_namespace_and_prefix(string url)
    {
        var refs = References.Value!;
        Assert.True(EdgarTaxonomies.TryGetBySchemaUrl(url, out var t), $"{url} is not in the table (referred to by {refs.Urls[url].Files.First()}).");
        foreach (var ns in refs.Urls[url].Namespaces)
        {
            Assert.Equal(ns, t.Namespace);
        }
        if (refs.Prefixes.TryGetValue(t.Namespace, out var declared) && !KnownPrefixDifferences.ContainsKey(t.Namespace))
        {
            Assert.True(declared.Contains(t.Prefix), $"The table's prefix '{t.Prefix}' for {t.Namespace} is none of those the corpus declares: {string.Join(", ", declared)}.");
        }
    }

    [Fact]
    public void The_srt_2024_package_schemas_are_never_given_a_wrong_namespace_by_the_url_pattern()
    {
        var folder = Corpus.RequireCorpus("xbrl-filings/taxonomies/srt-2024");
        var notFound = new List<string>();
        var checkedCount = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.xsd", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, file).Replace('\\', '/');
            var url = "https://xbrl.fasb.org/srt/2024/" + relative;
            var root = XDocument.Load(file).Root!;
            var ns = root.Attribute("targetNamespace")!.Value;
            var prefix = root.Attributes().First(a => a.IsNamespaceDeclaration && a.Value == ns).Name.LocalName;
            if (!EdgarTaxonomies.TryGetBySchemaUrl(url, out var t))
            {
                notFound.Add(relative);
                continue;
            }
            Assert.True(ns == t.Namespace, $"{relative}: the table says {t.Namespace}, the schema declares {ns}.");
            Assert.True(prefix == t.Prefix, $"{relative}: the table says prefix {t.Prefix}, the schema declares {prefix}.");
            checkedCount++;
        }

        Assert.Equal(["elts/srt-dep-def-2024.xsd", "elts/srt-parts-cn-2024.xsd"], notFound.Order(StringComparer.Ordinal));
        Assert.True(checkedCount >= 25, $"Only {checkedCount} schemas checked.");
    }

    /// <summary>EDGAR's own list, corrected where the generator corrects it (see tools/edgar-taxonomies/generate.py).</summary>
    private static readonly Dictionary<string, (string Namespace, string Prefix)> Corrections = new(StringComparer.Ordinal)
    {
        ["http://xbrl.fasb.org/us-gaap/2020/elts/us-types-2020-01-31.xsd"] = ("http://fasb.org/us-types/2020-01-31", "us-types"),
        ["http://xbrl.ifrs.org/taxonomy/2013-09-09/ifrs-cor_2013-09-09.xsd"] = ("http://xbrl.ifrs.org/taxonomy/2013-09-09/ifrs", "ifrs"),
        ["http://xbrl.ifrs.org/taxonomy/2014-03-05/full_ifrs/full_ifrs-cor_2014-03-05.xsd"] = ("http://xbrl.ifrs.org/taxonomy/2014-03-05/ifrs-full", "ifrs-full"),
        ["http://xbrl.ifrs.org/taxonomy/2014-03-05/ifrs_for_smes/ifrs_for_smes-cor_2014-03-05.xsd"] = ("http://xbrl.ifrs.org/taxonomy/2014-03-05/ifrs-smes", "ifrs-smes"),
        ["http://xbrl.ifrs.org/taxonomy/2015-03-11/full_ifrs/full_ifrs-cor_2015-03-11.xsd"] = ("http://xbrl.ifrs.org/taxonomy/2015-03-11/ifrs-full", "ifrs-full"),
        ["https://xbrl.fasb.org/us-gaap/2024/ebp/elts/us-gaap-ebp-2024.xsd"] = ("http://fasb.org/us-gaap-ebp/2024", "us-gaap-ebp"),
        ["https://xbrl.fasb.org/us-gaap/2025/ebp/elts/us-gaap-ebp-2025.xsd"] = ("http://fasb.org/us-gaap-ebp/2025", "us-gaap-ebp"),
        ["https://xbrl.sec.gov/spac/2025q3/spac-2025q3_lab.xsd"] = ("http://xbrl.sec.gov/spac-lab/2025q3", "spac-lab"),
        ["https://xbrl.sec.gov/sbs/2024/sbs-sbsef-com-2024.xsd"] = ("http://xbrl.sec.gov/sbs-sbsef-com/2024", "sbs-sbsef-com"),
        ["https://xbrl.sec.gov/sbs/2025/sbs-sbsef-com-2025.xsd"] = ("http://xbrl.sec.gov/sbs-sbsef-com/2025", "sbs-sbsef-com"),
        ["http://www.xbrl.org/us/fr/gaap/ins/2005-02-28/us-gaap-ins-2005-02-28.xsd"] = ("http://www.xbrl.org/us/fr/gaap/ins/2005-02-28", "us-gaap-ins"),
    };

    [Fact]
    public void The_table_agrees_with_every_schema_in_EDGARs_list()
    {
        var list = Corpus.RequireCorpus("xbrl-filings/taxonomies/edgartaxonomies/edgartaxonomies-all-years.xml");
        var problems = new List<string>();
        var rows = 0;
        foreach (var loc in XDocument.Load(list).Root!.Elements("Loc"))
        {
            var href = loc.Element("Href")?.Value.Trim() ?? "";
            var ns = loc.Element("Namespace")?.Value.Trim() ?? "";
            var prefix = loc.Element("Prefix")?.Value.Trim() ?? "";
            if (loc.Element("AttType")?.Value.Trim() != "SCH" || !href.EndsWith(".xsd", StringComparison.Ordinal) || ns.Length == 0)
            {
                continue;
            }
            rows++;
            if (Corrections.TryGetValue(href, out var corrected))
            {
                (ns, prefix) = corrected;
            }
            if (!EdgarTaxonomies.TryGetBySchemaUrl(href, out var t))
            {
                problems.Add($"{href}: missing");
            }
            else if (t.Namespace != ns)
            {
                problems.Add($"{href}: namespace {t.Namespace}, EDGAR says {ns}");
            }
            else if (prefix.Length > 0 && t.Prefix != prefix)
            {
                problems.Add($"{href}: prefix {t.Prefix}, EDGAR says {prefix}");
            }
        }

        Assert.True(rows > 900, $"Only {rows} schema rows read.");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private sealed record UrlReferences(HashSet<string> Namespaces, HashSet<string> Files);

    private sealed record CorpusReferences(Dictionary<string, UrlReferences> Urls, Dictionary<string, HashSet<string>> Prefixes);

    private static CorpusReferences? ScanCorpus()
    {
        if (Corpus.Shared is null || !Directory.Exists(Path.Combine(Corpus.Shared, "corpus")))
        {
            return null;
        }
        var roots = new[]
        {
            Path.Combine(Corpus.Shared, "corpus", "xbrl-filings"),
            Path.Combine(Corpus.Shared, "corpus", "ixbrl"),
            Path.Combine(Corpus.Shared, "seeds"),
        };
        var urls = new Dictionary<string, UrlReferences>(StringComparer.Ordinal);
        var prefixes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Add(string url, string? ns, string file)
        {
            url = url.Trim();
            var hash = url.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                url = url[..hash];
            }
            var m = HttpUrl().Match(url);
            if (!m.Success || !url.EndsWith(".xsd", StringComparison.OrdinalIgnoreCase) || !StandardHosts.Contains(m.Groups[1].Value.ToLowerInvariant()))
            {
                return;
            }
            if (!urls.TryGetValue(url, out var r))
            {
                urls[url] = r = new UrlReferences(new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
            }
            if (!string.IsNullOrEmpty(ns))
            {
                r.Namespaces.Add(ns);
            }
            r.Files.Add(file);
        }

        foreach (var root in roots.Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                var name = file.Replace('\\', '/');
                if (name.Contains("/taxonomies/edgartaxonomies/", StringComparison.Ordinal) || name.Contains("/META-INF/", StringComparison.Ordinal)
                    || !(name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".xsd", StringComparison.OrdinalIgnoreCase)
                         || name.EndsWith(".htm", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".html", StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }
                var text = File.ReadAllText(file);
                var relative = Path.GetRelativePath(Corpus.Shared, file);
                foreach (Match m in XmlnsDeclaration().Matches(text))
                {
                    if (!prefixes.TryGetValue(m.Groups["ns"].Value, out var set))
                    {
                        prefixes[m.Groups["ns"].Value] = set = new HashSet<string>(StringComparer.Ordinal);
                    }
                    set.Add(m.Groups["p"].Value);
                }
                foreach (Match m in ImportElement().Matches(text))
                {
                    var ns = AttributeValue(m.Value, "namespace");
                    var location = AttributeValue(m.Value, "schemaLocation");
                    if (location is not null)
                    {
                        Add(location, ns, relative);
                    }
                }
                foreach (Match m in SchemaLocationAttribute().Matches(text))
                {
                    var tokens = m.Groups["v"].Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                    if (tokens.Length >= 2 && tokens.Length % 2 == 0)
                    {
                        for (var i = 0; i < tokens.Length; i += 2)
                        {
                            Add(tokens[i + 1], tokens[i], relative);
                        }
                    }
                    else if (tokens.Length == 1)
                    {
                        Add(tokens[0], null, relative);
                    }
                }
                foreach (Match m in HrefAttribute().Matches(text))
                {
                    Add(m.Groups["v"].Value, null, relative);
                }
            }
        }
        return new CorpusReferences(urls, prefixes);
    }

    private static string? AttributeValue(string element, string name)
    {
        var m = Regex.Match(element, @"\b" + name + @"\s*=\s*(?<q>[""'])(?<v>.*?)\k<q>", RegexOptions.Singleline | RegexOptions.CultureInvariant);
        return m.Success ? m.Groups["v"].Value : null;
    }

    [GeneratedRegex(@"^https?://([^/:]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HttpUrl();

    [GeneratedRegex(@"xmlns:(?<p>[\w.-]+)\s*=\s*(?<q>[""'])(?<ns>.*?)\k<q>", RegexOptions.CultureInvariant)]
    private static partial Regex XmlnsDeclaration();

    [GeneratedRegex(@"<(?:[\w.-]+:)?import\b[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex ImportElement();

    [GeneratedRegex(@"(?<![\w.-])(?:[\w.-]+:)?schemaLocation\s*=\s*(?<q>[""'])(?<v>.*?)\k<q>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex SchemaLocationAttribute();

    [GeneratedRegex(@"(?<![\w.-])(?:[\w.-]+:)?href\s*=\s*(?<q>[""'])(?<v>[^""']*?\.xsd(?:#[^""']*)?)\k<q>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HrefAttribute();
}
