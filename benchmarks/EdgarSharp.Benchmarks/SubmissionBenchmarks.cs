using BenchmarkDotNet.Attributes;
using EdgarSharp.Edgar;

namespace EdgarSharp.Benchmarks;

/// <summary>
/// Reading EDGAR submissions (header, documents, uudecoding) beside a raw read of the same bytes: a pass that only
/// finds the line ends (the ceiling on this machine), and a split into lines through a stream's buffer and in place.
/// The full read from bytes in memory (bodies sliced out of them) and from a stream (bodies copied) are both measured. Inputs: every submission file of the corpus (56 files, 11.3 MB),
/// a small Form 4, an 8-K with uuencoded files, and the largest feed file (3.4 MB). Throughput: submissions per second
/// is 1 / mean time per submission; MB/s is the input size over the mean.
/// </summary>
[MemoryDiagnoser]
public class SubmissionBenchmarks
{
    private byte[][] _files = [];

    [Params("corpus", "form4", "8-K uuencoded", "feed 3.4 MB")]
    public string Input { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var corpus = Paths.Corpus;
        string[] paths = Input switch
        {
            "form4" => [Path.Combine(corpus, "submissions", "edgar-app", "0000921895-25-001190.txt")],
            "8-K uuencoded" => [Path.Combine(corpus, "submissions", "edgartools", "sgml", "0001213900-25-032135.txt")],
            "feed 3.4 MB" => [Path.Combine(corpus, "submissions", "edgartools", "sgml", "0001193125-10-145855.nc")],
            _ => Directory.GetFiles(Path.Combine(corpus, "submissions"), "*.txt", SearchOption.AllDirectories)
                .Concat(Directory.GetFiles(Path.Combine(corpus, "submissions"), "*.nc", SearchOption.AllDirectories))
                .Concat(Directory.GetFiles(Path.Combine(corpus, "correspondence", "edgartools"), "*.txt"))
                .Order(StringComparer.Ordinal).ToArray(),
        };
        _files = paths.Select(File.ReadAllBytes).ToArray();
        Console.WriteLine($"// {Input}: {_files.Length} submission(s), {_files.Sum(f => (long)f.Length)} bytes");
    }

    [Benchmark(Baseline = true, Description = "raw read: count line ends")]
    public long RawRead()
    {
        long lines = 0;
        foreach (var bytes in _files)
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var buffer = new byte[256 * 1024];
            int n;
            while ((n = stream.Read(buffer)) > 0)
            {
                lines += buffer.AsSpan(0, n).Count((byte)'\n');
            }
        }
        return lines;
    }

    [Benchmark(Description = "raw read: split lines (LF, CRLF, CR)")]
    public long RawLines() => Baselines.SplitLines(_files);

    [Benchmark(Description = "raw read: split lines in place (no copy)")]
    public long RawLinesInPlace() => Baselines.SplitLinesInPlace(_files);

    [Benchmark(Description = "SubmissionReader.Read(bytes), bodies sliced")]
    public long Read()
    {
        long size = 0;
        foreach (var bytes in _files)
        {
            size += SubmissionReader.Read(bytes, "bench").Documents.Count;
        }
        return size;
    }

    [Benchmark(Description = "SubmissionReader.Read(stream), bodies copied")]
    public long ReadStream()
    {
        long size = 0;
        foreach (var bytes in _files)
        {
            using var stream = new MemoryStream(bytes, writable: false);
            size += SubmissionReader.Read(stream, "bench").Documents.Count;
        }
        return size;
    }

    [Benchmark(Description = "SubmissionStreamReader, no content kept")]
    public long Scan()
    {
        long size = 0;
        var options = new SubmissionReadOptions { KeepContent = false };
        foreach (var bytes in _files)
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var reader = SubmissionStreamReader.Open(stream, "bench", options);
            foreach (var d in reader.ReadDocuments())
            {
                size += d.EncodedLength;
            }
        }
        return size;
    }
}
