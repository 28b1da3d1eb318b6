using BenchmarkDotNet.Attributes;
using EdgarSharp.Correspondence;

namespace EdgarSharp.Benchmarks;

/// <summary>
/// Comment letters: the whole <c>correspondence/lehigh-sp500</c> folder (71 threads, 328 letters: 190 PDF, 138 HTML)
/// read from memory and segmented into comments, responses, citations and commitments, then grouped into threads;
/// PDF text extraction alone (PdfPig words into lines) measured apart, beside HTML reading and segmenting alone.
/// Letters per second is the number of letters over the mean.
/// </summary>
[MemoryDiagnoser]
public class LetterBenchmarks
{
    private (string Name, byte[] Bytes)[] _letters = [];
    private (string Name, byte[] Bytes)[] _pdfs = [];
    private (string Name, byte[] Bytes)[] _html = [];

    [GlobalSetup]
    public void Setup()
    {
        var root = Path.Combine(Paths.Corpus, "correspondence", "lehigh-sp500");
        _letters = LetterThreads.LetterFiles(root).Select(f => (f, File.ReadAllBytes(f))).ToArray();
        _pdfs = _letters.Where(l => l.Name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)).ToArray();
        _html = _letters.Where(l => l.Name.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)).ToArray();
        Console.WriteLine($"// {_letters.Length} letters ({_pdfs.Length} PDF, {_html.Length} HTML), {_letters.Sum(l => (long)l.Bytes.Length)} bytes");
    }

    [Benchmark(Description = "whole folder: read + segment + threads")]
    public int ReadAndSegmentAll()
    {
        var letters = _letters.Select(l => LetterReader.Read(l.Bytes, l.Name)).ToList();
        var threads = letters.GroupBy(l => Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(l.Document))), StringComparer.Ordinal)
            .Select(g => LetterThreads.Build(g.Key!, g)).ToList();
        return letters.Sum(l => l.Comments.Count) + threads.Count;
    }

    [Benchmark(Description = "PDF text extraction only (190 PDFs)")]
    public int PdfTextOnly() => _pdfs.Sum(p => LetterReader.PdfLines(p.Bytes).Count);

    [Benchmark(Description = "PDF read + segment (190 PDFs)")]
    public int PdfReadAndSegment() => _pdfs.Sum(p => LetterReader.Read(p.Bytes, p.Name).Comments.Count);

    [Benchmark(Description = "HTML read + segment (138 responses)")]
    public int HtmlReadAndSegment() => _html.Sum(h => LetterReader.Read(h.Bytes, h.Name).Comments.Count);
}
