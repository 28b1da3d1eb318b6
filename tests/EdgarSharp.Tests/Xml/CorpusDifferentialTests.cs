using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Xml;

/// <summary>
/// Every XML-ish file of the shared corpus (up to 2 MB; larger ones are sampled one in four by name) read by
/// <see cref="EdgarSharp.Internal.Xml.Utf8XmlReader"/> and by System.Xml side by side, node by node, under the
/// project's settings with and without whitespace: identical wherever the fast reader accepts the file.
/// </summary>
public class CorpusDifferentialTests(ITestOutputHelper output)
{
    private static readonly string[] Extensions = [".xml", ".xsd", ".htm", ".xhtml"];

    [Fact]
    public void Every_corpus_file_the_fast_reader_accepts_reads_as_System_Xml_reads_it()
    {
        var root = Corpus.RequireCorpus();
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .ToList();
        var compared = 0;
        var fast = 0;
        var rejectedByBoth = 0;
        var folders = new SortedDictionary<string, (int Files, int Fast)>(StringComparer.Ordinal);
        var failures = new List<string>();
        var big = 0;
        foreach (var file in files)
        {
            var length = new FileInfo(file).Length;
            if (length > 2_000_000 && big++ % 4 != 0)
            {
                continue;
            }
            var bytes = File.ReadAllBytes(file);
            var difference = XmlDifferential.Compare(bytes, ignoreWhitespace: true, out var accepted);
            // The instance reader keeps whitespace; compare that way too on the filings.
            if (difference is null && accepted && file.Contains("xbrl-filings", StringComparison.Ordinal))
            {
                difference = XmlDifferential.Compare(bytes, ignoreWhitespace: false, out _);
            }
            // Inline XBRL is read with whitespace kept and its values in pieces (ReadValueChunk).
            if (difference is null && accepted && file.Contains("ixbrl", StringComparison.Ordinal))
            {
                difference = XmlDifferential.Compare(bytes, ignoreWhitespace: false, out _)
                    ?? XmlDifferential.CompareChunks(bytes, ignoreWhitespace: false, chunk: 61);
            }
            compared++;
            if (accepted)
            {
                fast++;
            }
            else if (!XmlDifferential.StandardAccepts(bytes))
            {
                rejectedByBoth++;
            }
            if (difference is not null)
            {
                failures.Add($"{Path.GetRelativePath(root, file)}: {difference}");
            }
            var folder = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar)[0];
            folders.TryGetValue(folder, out var c);
            folders[folder] = (c.Files + 1, c.Fast + (accepted ? 1 : 0));
        }
        var seed = Corpus.Sample("lpsn-20170331_def.xml");
        Assert.Null(XmlDifferential.Compare(File.ReadAllBytes(seed), true, out var seedFast));
        Assert.True(seedFast);
        output.WriteLine($"{compared} files compared, {fast} took the fast path, {rejectedByBoth} rejected by System.Xml too");
        foreach (var (folder, (n, f)) in folders)
        {
            output.WriteLine($"  {folder}: {f} of {n} fast");
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)) + $"\n({failures.Count} files differ)");
        Assert.True(fast > compared / 2, $"only {fast} of {compared} files took the fast path");
    }
}
