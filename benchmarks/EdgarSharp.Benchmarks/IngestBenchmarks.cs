using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using EdgarSharp.Storage;

namespace EdgarSharp.Benchmarks;

/// <summary>
/// Ingest into SQLite beside the readers alone, over the same files: 200 Form 4 submissions synthesised by
/// renumbering the corpus's Form 4 submissions (<see cref="SyntheticFilings"/>), and the XBRL files of two corpus
/// filings (<c>aapl_10q_2023</c>, <c>unp</c>). Per input: a raw read of the bytes (the floor), the readers alone on one
/// thread (<see cref="DocumentSeam.Read"/>, what ingest does per document before the store), ingest with one reader
/// thread and ingest with a reader per core, each into a fresh store. Filings a second = documents / mean; MB a
/// second = bytes / mean (both printed at setup).
/// </summary>
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private string _work = string.Empty;
    private string _input = string.Empty;
    private string[] _files = [];
    private string _db = string.Empty;

    [Params("form4-submissions", "xbrl-filings")]
    public string Input { get; set; } = "form4-submissions";

    [GlobalSetup]
    public void Setup()
    {
        _work = Path.Combine(Path.GetTempPath(), "edgar-ingest-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_work);
        if (Input == "form4-submissions")
        {
            _input = Path.Combine(_work, "form4");
            SyntheticFilings.WriteForm4(_input, 200);
        }
        else
        {
            _input = Path.Combine(_work, "xbrl");
            foreach (var filing in new[] { "aapl_10q_2023", "unp" })
            {
                var from = Path.Combine(Paths.Corpus, "xbrl-filings", "edgartools", filing);
                var to = Path.Combine(_input, filing);
                Directory.CreateDirectory(to);
                foreach (var file in Directory.GetFiles(from).Where(f => f.EndsWith(".xml", StringComparison.Ordinal) || f.EndsWith(".xsd", StringComparison.Ordinal)))
                {
                    File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
                }
            }
        }
        _files = Directory.GetFiles(_input, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        Console.WriteLine($"// {Input}: {_files.Length} documents, {_files.Sum(f => new FileInfo(f).Length)} bytes");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_work, recursive: true);

    [IterationSetup(Targets = [nameof(IngestOneReader), nameof(IngestAllCores)])]
    public void FreshStore() => _db = Path.Combine(_work, "db-" + Guid.NewGuid().ToString("N"), "edgar.db");

    [Benchmark(Baseline = true, Description = "raw read of the bytes")]
    public long RawRead() => _files.Sum(f => (long)File.ReadAllBytes(f).Length);

    [Benchmark(Description = "readers alone, one thread (DocumentSeam.Read)")]
    public int ReadersAlone()
    {
        var n = 0;
        foreach (var file in _files)
        {
            n += DocumentSeam.Read(File.ReadAllBytes(file), file, null).Filing is null ? 0 : 1;
        }
        return n;
    }

    [Benchmark(Description = "ingest into SQLite, one reader thread")]
    public int IngestOneReader() => Ingest(1);

    [Benchmark(Description = "ingest into SQLite, a reader per core")]
    public int IngestAllCores() => Ingest(Environment.ProcessorCount);

    private int Ingest(int readers)
    {
        using var store = SqliteEdgarStore.Open(_db);
        return IngestPipeline.Run(store, [_input], new IngestOptions { Readers = readers }).Stored;
    }
}

/// <summary>
/// Form 4 submissions synthesised from the corpus's own (<c>submissions/</c>, form 4 with their ownership XML) by
/// renumbering their accession numbers: each copy is a distinct filing of real content. Also run from the command
/// line (<c>dotnet run -c Release -- synthesize-form4 FOLDER N</c>) for the memory measurements.
/// </summary>
internal static class SyntheticFilings
{
    private static readonly string[] Templates =
    [
        "submissions/edgar-app/0000921895-25-001190.txt",
        "submissions/edgar-app/0001610717-23-000035.txt",
        "submissions/edgartools/localstorage/0001562180-25-000280.nc",
        "submissions/edgartools/sgml/0001127602-25-001055.txt",
        "submissions/edgartools/sgml/0001127602-25-004598.nc",
        "submissions/edgartools-cassettes/0000320193-22-000061.txt",
    ];

    /// <summary>Writes <paramref name="count"/> renumbered Form 4 submissions into <paramref name="folder"/>.</summary>
    public static void WriteForm4(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var templates = Templates.Select(t => (Accession: Path.GetFileNameWithoutExtension(t), Text: File.ReadAllText(Path.Combine(Paths.Corpus, t), Encoding.Latin1))).ToArray();
        for (var i = 1; i <= count; i++)
        {
            var (accession, text) = templates[i % templates.Length];
            var renumbered = string.Create(CultureInfo.InvariantCulture, $"{9_000_000_000L + i}-26-{i % 1_000_000:000000}");
            var bytes = Encoding.Latin1.GetBytes(text
                .Replace(accession, renumbered, StringComparison.Ordinal)
                .Replace(accession.Replace("-", string.Empty, StringComparison.Ordinal), renumbered.Replace("-", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal));
            File.WriteAllBytes(Path.Combine(folder, renumbered + ".txt"), bytes);
        }
    }
}
