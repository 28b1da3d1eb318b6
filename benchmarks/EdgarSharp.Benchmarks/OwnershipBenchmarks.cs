using System.Xml;
using BenchmarkDotNet.Attributes;
using EdgarSharp.Ownership;

namespace EdgarSharp.Benchmarks;

/// <summary>
/// Reading ownershipDocument XML (Forms 3, 4 and 5) from bytes in memory, beside a bare <see cref="XmlReader"/> pass
/// over the same bytes: the ceiling on this machine. Each operation reads every corpus form once
/// (<see cref="Forms"/> per operation), so forms per second = Forms / (mean time).
/// </summary>
[MemoryDiagnoser]
public class OwnershipBenchmarks
{
    private byte[][] _forms = [];
    private static readonly OwnershipReadOptions NoChecks = new() { Check = false };

    /// <summary>The number of forms read per operation.</summary>
    public int Forms => _forms.Length;

    [GlobalSetup]
    public void Setup()
    {
        var root = Path.Combine(Paths.Corpus, "ownership-xml");
        _forms = Directory.GetFiles(root, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
        Console.WriteLine($"// {_forms.Length} forms, {_forms.Sum(f => f.Length)} bytes");
    }

    [Benchmark(Baseline = true, Description = "bare XmlReader pass")]
    public int BareXmlReader() => Baselines.BareXmlPass(_forms);

    [Benchmark(Description = "XmlReader pass reading every value")]
    public int XmlReaderWithValues()
    {
        var n = 0;
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true };
        foreach (var bytes in _forms)
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.MoveToFirstAttribute())
                {
                    do
                    {
                        n += reader.Value.Length;
                    }
                    while (reader.MoveToNextAttribute());
                }
                else if (reader.NodeType == XmlNodeType.Text)
                {
                    n += reader.Value.Length;
                }
            }
        }
        return n;
    }

    [Benchmark(Description = "OwnershipXml.Read without checks")]
    public int ReadWithoutChecks()
    {
        var n = 0;
        foreach (var bytes in _forms)
        {
            n += OwnershipXml.Read(bytes, "form.xml", NoChecks).Document.ReportingOwners.Count;
        }
        return n;
    }

    [Benchmark(Description = "OwnershipXml.Read with checks")]
    public int ReadWithChecks()
    {
        var n = 0;
        foreach (var bytes in _forms)
        {
            n += OwnershipXml.Read(bytes, "form.xml").Diagnostics.Count;
        }
        return n;
    }
}
