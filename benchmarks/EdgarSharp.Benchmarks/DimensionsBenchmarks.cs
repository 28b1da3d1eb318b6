using System.Xml;
using BenchmarkDotNet.Attributes;
using EdgarSharp.Xbrl;

namespace EdgarSharp.Benchmarks;

/// <summary>
/// The dimensional model of the seed (its definition linkbase alone in a folder, as a user has it): read, checked
/// and built in-process, beside a bare <see cref="XmlReader"/> pass over the same bytes (the ceiling on this
/// machine), and the model built alone from a DTS already loaded. A load with checks builds the model once, for the
/// Dimensions checks, and <see cref="DimensionalModel.Build"/> returns that model; a load without checks leaves the
/// model to be built by <see cref="DimensionalModel.Build"/> itself.
/// </summary>
[MemoryDiagnoser]
public class DimensionsBenchmarks
{
    private string _folder = "";
    private string _file = "";
    private Dts _unchecked = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "edgarsharp-bench-dims-seed");
        Directory.CreateDirectory(_folder);
        _file = Path.Combine(_folder, "lpsn-20170331_def.xml");
        File.Copy(Path.Combine(Paths.RepoRoot, "samples", "lpsn-20170331_def.xml"), _file, overwrite: true);
        _unchecked = Dts.Load(_folder, new XbrlLoadOptions { Validate = false });
    }

    [Benchmark(Baseline = true, Description = "bare XmlReader pass")]
    public int BareXmlReader() => Baselines.BareXmlPass([_file]);

    [Benchmark(Description = "Dts.Load (folder, with checks) + DimensionalModel.Build")]
    public int LoadAndBuild() => DimensionalModel.Build(Dts.Load(_folder)).RelationshipSets.Count;

    [Benchmark(Description = "Dts.Load (file, with checks) + DimensionalModel.Build")]
    public int LoadFileAndBuild() => DimensionalModel.Build(Dts.Load(_file)).RelationshipSets.Count;

    [Benchmark(Description = "Dts.Load (folder, without checks) + DimensionalModel.Build")]
    public int LoadUncheckedAndBuild() => DimensionalModel.Build(Dts.Load(_folder, new XbrlLoadOptions { Validate = false })).RelationshipSets.Count;

    [Benchmark(Description = "DimensionalModel.Build (DTS loaded without checks)")]
    public int BuildOnly() => DimensionalModel.Build(_unchecked).RelationshipSets.Count;
}
