using System.IO.Compression;
using EdgarSharp.Tests.Support;
using EdgarSharp.Xbrl;

namespace EdgarSharp.Tests.Xbrl;

/// <summary>A DTS read through a taxonomy package and the standard-schema cache, as a user registers them.</summary>
public class PackagedDtsTests
{
    [Fact]
    public void The_srt_2024_entry_point_loads_from_its_zipped_package_with_every_concept_declared()
    {
        var folder = Corpus.RequireCorpus("xbrl-filings/taxonomies/srt-2024");
        var zip = Path.Combine(Directory.CreateTempSubdirectory("edgarsharp-srt-").FullName, "srt-2024.zip");
        ZipFile.CreateFromDirectory(folder, zip, CompressionLevel.Fastest, includeBaseDirectory: true);
        using var catalog = new TaxonomyCatalog();
        Assert.Empty(catalog.AddPackage(zip));
        catalog.AddCacheFolder(Corpus.RequireCorpus("xbrl-conformance/core-schemas-cache"));

        var dts = Dts.Load(["https://xbrl.fasb.org/srt/2024/elts/srt-2024.xsd"], new XbrlLoadOptions { Catalog = catalog });

        var srt = dts.Concepts.Where(c => c.Name.Namespace == "http://fasb.org/srt/2024").ToList();
        Assert.True(srt.Count > 500, $"{srt.Count} srt concepts");
        Assert.All(srt, c => Assert.True(c.IsDeclared));
        Assert.Contains(srt, c => c.IsDimension && c.Name.LocalName == "RangeAxis");
        Assert.Equal("srt", srt[0].Prefix);
        Assert.Contains(dts.Documents, d => d.Location is { } l && l.StartsWith(zip + "!/", StringComparison.Ordinal));
        Assert.DoesNotContain(dts.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }
}
