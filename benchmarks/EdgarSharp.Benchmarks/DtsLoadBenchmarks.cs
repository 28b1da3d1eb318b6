using System.Xml;
using BenchmarkDotNet.Attributes;
using EdgarSharp.Xbrl;

namespace EdgarSharp.Benchmarks;

/// <summary>
/// Loading a DTS offline (discovery, schemas, linkbases, relationships, prohibition and override, taxonomy
/// checks) beside a bare <see cref="XmlReader"/> pass over the same files: the ceiling on this machine.
/// </summary>
[MemoryDiagnoser]
public class DtsLoadBenchmarks
{
    private string _path = "";
    private string[] _files = [];

    /// <summary>The seed's definition linkbase alone in a folder, and the AAPL 10-K 2023 filing folder (3.25 MB).</summary>
    [Params("seed", "aapl_10k_2023")]
    public string Input { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var root = Paths.RepoRoot;
        if (Input == "seed")
        {
            var folder = Path.Combine(Path.GetTempPath(), "edgarsharp-bench-seed");
            Directory.CreateDirectory(folder);
            File.Copy(Path.Combine(root, "samples", "lpsn-20170331_def.xml"), Path.Combine(folder, "lpsn-20170331_def.xml"), overwrite: true);
            _path = folder;
        }
        else
        {
            _path = Path.Combine(Paths.Corpus, "xbrl-filings", "edgartools", "aapl_10k_2023");
        }
        _files = Directory.GetFiles(_path).Where(f => f.EndsWith(".xml", StringComparison.Ordinal) || f.EndsWith(".xsd", StringComparison.Ordinal)).ToArray();
    }

    [Benchmark(Baseline = true, Description = "bare XmlReader pass")]
    public int BareXmlReader() => Baselines.BareXmlPass(_files);

    /// <summary>The same bare pass through the project's own reader (<c>Utf8XmlReader</c> via <c>SafeXml.Create</c> over each file's bytes).</summary>
    [Benchmark(Description = "bare Utf8XmlReader pass")]
    public int BareUtf8XmlReader() => Baselines.BareUtf8XmlPass(_files);

    /// <summary>The floor of any reader that keeps what it reads: every attribute value and text node materialised.</summary>
    [Benchmark(Description = "XmlReader pass reading every value")]
    public int XmlReaderWithValues()
    {
        var n = 0;
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true };
        foreach (var f in _files)
        {
            using var reader = XmlReader.Create(f, settings);
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

    [Benchmark(Description = "Dts.Load (folder)")]
    public int LoadDts() => Dts.Load(_path).Relationships.Count;

    [Benchmark(Description = "Dts.Load without taxonomy checks")]
    public int LoadDtsWithoutChecks() => Dts.Load(_path, new XbrlLoadOptions { Validate = false }).Relationships.Count;
}

internal static class Paths
{
    public static string RepoRoot { get; } = Find();

    public static string Corpus => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus"));

    private static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            var dir = new DirectoryInfo(start);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EdgarSharp.slnx")))
            {
                dir = dir.Parent;
            }
            if (dir is not null)
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Run the benchmarks from inside the EdgarSharp clone.");
    }
}
