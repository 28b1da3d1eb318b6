using System.Xml;
using BenchmarkDotNet.Attributes;
using EdgarSharp.Xbrl;

namespace EdgarSharp.Benchmarks;

/// <summary>
/// Loading an XBRL instance with its DTS (facts, contexts, units, footnotes, the checks), beside a bare
/// <see cref="XmlReader"/> pass over the instance and over the instance plus its folder's schemas and linkbases; and
/// the instance alone against a DTS loaded once, only read (<c>Validate = false</c>) and read then validated.
/// </summary>
[MemoryDiagnoser]
public class InstanceBenchmarks
{
    private string _folder = "";
    private string _instance = "";
    private string[] _files = [];
    private Dts _dts = null!;
    private static readonly XbrlLoadOptions ReadOnly = new() { Validate = false };

    /// <summary>The AAPL 10-K 2023 folder (3.25 MB) and AMZN 2022 (the corpus's largest instance, 2.46 MB).</summary>
    [Params("aapl_10k_2023", "amzn")]
    public string Input { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Paths.Corpus, "xbrl-filings", "edgartools", Input);
        _instance = XbrlInstance.FindInstance(_folder)!;
        _dts = Dts.Load(_folder);
        _files = Directory.GetFiles(_folder).Where(f => f.EndsWith(".xml", StringComparison.Ordinal) || f.EndsWith(".xsd", StringComparison.Ordinal)).ToArray();
    }

    private static int Pass(IEnumerable<string> files) => Baselines.BareXmlPass(files);

    [Benchmark(Baseline = true, Description = "bare XmlReader pass, whole folder")]
    public int BareFolder() => Pass(_files);

    [Benchmark(Description = "bare XmlReader pass, instance only")]
    public int BareInstance() => Pass([_instance]);

    [Benchmark(Description = "instance read (DTS loaded, Validate = false)")]
    public int ReadInstance() => XbrlInstance.Load(_dts, _instance, ReadOnly).Facts.Count;

    [Benchmark(Description = "instance read and validated (DTS loaded)")]
    public int ReadAndValidateInstance() => XbrlInstance.Load(_dts, _instance).Facts.Count;

    [Benchmark(Description = "XbrlInstance.Load (folder: DTS and facts, Validate = false)")]
    public int LoadFolderReadOnly() => XbrlInstance.Load(_folder, ReadOnly).Facts.Count;

    [Benchmark(Description = "XbrlInstance.Load (folder: DTS, facts, checks)")]
    public int Load() => XbrlInstance.Load(_folder).Facts.Count;
}
