using System.Xml;
using BenchmarkDotNet.Attributes;
using EdgarSharp.Xbrl;

namespace EdgarSharp.Benchmarks;

/// <summary>
/// Inline XBRL: the AAPL 10-Q 2025 document (870 KB, 760 facts) extracted to its instance in memory, and extracted
/// then read as an instance with its (offline, partial) DTS, beside a bare <see cref="XmlReader"/> pass over the
/// same bytes (the ceiling on this machine).
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
    public int BareXmlReader()
    {
        var n = 0;
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true };
        using var reader = XmlReader.Create(new MemoryStream(_bytes, writable: false), settings);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                n += reader.AttributeCount;
            }
        }
        return n;
    }

    [Benchmark(Description = "InlineXbrl.Extract (instance XML in memory)")]
    public int Extract() => InlineXbrl.Extract(_bytes, _file).FactCount;

    [Benchmark(Description = "InlineXbrl.Load (extract + XbrlInstance.Load with DTS)")]
    public int Load() => InlineXbrl.Load(_file).Facts.Count;
}
