using System.Xml;
using BenchmarkDotNet.Attributes;
using EdgarSharp.Xbrl;

namespace EdgarSharp.Benchmarks;

/// <summary>
/// Inline XBRL: the AAPL 10-Q 2025 document (870 KB, 760 facts) beside a bare <see cref="XmlReader"/> pass over the
/// same bytes (the ceiling on this machine). Each row adds one stage: extraction alone (the instance XML in memory),
/// then the instance read with its (offline, partial) DTS, then the validation of that instance.
/// </summary>
[MemoryDiagnoser]
public class InlineXbrlBenchmarks
{
    private string _file = "";
    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup()
    {
        _file = Path.Combine(Paths.Corpus, "ixbrl", "edgartools", "aapl_10q_2025-03-29", "aapl-20250329.htm");
        _bytes = File.ReadAllBytes(_file);
    }

    [Benchmark(Baseline = true, Description = "bare XmlReader pass")]
    public int BareXmlReader() => Baselines.BareXmlPass([_bytes], keepWhitespace: true);

    [Benchmark(Description = "InlineXbrl.Extract (instance XML in memory)")]
    public int Extract() => InlineXbrl.Extract(_bytes, _file).FactCount;

    [Benchmark(Description = "InlineXbrl.Load without validation (extract + instance read + DTS load)")]
    public int LoadWithoutValidation() => InlineXbrl.Load(_file, new XbrlLoadOptions { Validate = false }).Facts.Count;

    [Benchmark(Description = "InlineXbrl.Load (extract + instance read + DTS load + validation)")]
    public int Load() => InlineXbrl.Load(_file).Facts.Count;
}
