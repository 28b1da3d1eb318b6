using System.Xml;
using BenchmarkDotNet.Attributes;
using EdgarSharp.Xbrl;

namespace EdgarSharp.Benchmarks;

/// <summary>
/// The dimensional model of the seed (its definition linkbase alone in a folder, as a user has it): read, checked
/// and built in-process, beside a bare <see cref="XmlReader"/> pass over the same bytes (the ceiling on this
/// machine), and the model built alone from a DTS already loaded.
/// </summary>
[MemoryDiagnoser]
public class DimensionsBenchmarks
{
    private string _folder = "";
    private string _file = "";
    private Dts _dts = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "edgarsharp-bench-dims-seed");
        Directory.CreateDirectory(_folder);
        _file = Path.Combine(_folder, "lpsn-20170331_def.xml");
        File.Copy(Path.Combine(Paths.RepoRoot, "samples", "lpsn-20170331_def.xml"), _file, overwrite: true);
        _dts = Dts.Load(_folder);
    }

    [Benchmark(Baseline = true, Description = "bare XmlReader pass")]
    public int BareXmlReader()
    {
        var n = 0;
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true };
        using var reader = XmlReader.Create(_file, settings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                n += reader.AttributeCount;
            }
        }
        return n;
    }

    [Benchmark(Description = "Dts.Load (folder, with checks) + DimensionalModel.Build")]
    public int LoadAndBuild() => DimensionalModel.Build(Dts.Load(_folder)).RelationshipSets.Count;

    [Benchmark(Description = "Dts.Load (file, with checks) + DimensionalModel.Build")]
    public int LoadFileAndBuild() => DimensionalModel.Build(Dts.Load(_file)).RelationshipSets.Count;

    [Benchmark(Description = "DimensionalModel.Build (DTS already loaded)")]
    public int BuildOnly() => DimensionalModel.Build(_dts).RelationshipSets.Count;
}
