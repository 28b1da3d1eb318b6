using System.Diagnostics;
using System.Globalization;
using System.Text;
using EdgarSharp.Xbrl;

namespace EdgarSharp.Benchmarks;

/// <summary>
/// Two tools for work on the inline extraction (benchmarks/README.md, Inline XBRL):
/// <c>--inline-dump FOLDER</c> writes the extracted instance and the diagnostics of every inline document of the corpus
/// (<c>ixbrl</c>, <c>xbrl-filings</c>) and of the test fixtures into FOLDER, so that two builds can be compared byte for
/// byte (<c>diff -r</c>); <c>--inline-cpu [ROUNDS]</c> measures the process CPU time of the bare
/// <see cref="System.Xml.XmlReader"/> pass and of <see cref="InlineXbrl.Extract(ReadOnlyMemory{byte}, string, string?, XbrlLoadOptions?)"/>
/// on the AAPL 10-Q 2025 document, called alternately 100 times each per round (the first round left out).
/// </summary>
internal static class InlineHarness
{
    public static void Dump(string folder)
    {
        Directory.CreateDirectory(folder);
        var fixtures = Path.Combine(Paths.RepoRoot, "tests", "EdgarSharp.Tests", "Fixtures");
        string[] roots = [Path.Combine(Paths.Corpus, "ixbrl"), Path.Combine(Paths.Corpus, "xbrl-filings"), fixtures];
        var files = roots.Where(Directory.Exists)
            .SelectMany(r => Directory.GetFiles(r, "*", SearchOption.AllDirectories).Select(f => (Root: r, File: f)))
            .Where(x => x.File.EndsWith(".htm", StringComparison.Ordinal) || x.File.EndsWith(".html", StringComparison.Ordinal) || x.File.EndsWith(".xhtml", StringComparison.Ordinal))
            .Where(x => InlineXbrl.IsInlineDocument(x.File))
            .OrderBy(x => x.File, StringComparer.Ordinal)
            .ToList();
        foreach (var (root, file) in files)
        {
            var name = Path.GetFileName(root) + "_" + Path.GetRelativePath(root, file).Replace('/', '_').Replace('\\', '_');
            Write(folder, name, InlineXbrl.Extract([file]));
        }
        var inline = Path.Combine(fixtures, "Inline");
        if (Directory.Exists(inline))
        {
            // A document set, and target documents.
            var set = Directory.GetFiles(inline, "set-part*.htm").Order(StringComparer.Ordinal).ToList();
            foreach (var target in new[] { null, "other", "second" })
            {
                Write(folder, "set_" + (target ?? "default"), InlineXbrl.Extract(set, target));
            }
            Write(folder, "features_other", InlineXbrl.Extract([Path.Combine(inline, "features.htm")], "other"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{files.Count} inline documents and 4 document sets or targets written to {folder}"));
    }

    private static void Write(string folder, string name, InlineExtraction extraction)
    {
        File.WriteAllBytes(Path.Combine(folder, name + ".xml"), extraction.Xml.ToArray());
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"facts {extraction.FactCount}\n");
        foreach (var d in extraction.Diagnostics)
        {
            text.Append(d.ToString()).Append('\n');
        }
        // Locations without the folders the corpus and the repository stand in, so that two checkouts compare.
        var diagnostics = text.ToString().Replace(Paths.Corpus, "CORPUS", StringComparison.Ordinal).Replace(Paths.RepoRoot, "REPO", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, name + ".diag"), diagnostics);
    }

    public static void Cpu(int rounds)
    {
        var file = Path.Combine(Paths.Corpus, "ixbrl", "edgartools", "aapl_10q_2025-03-29", "aapl-20250329.htm");
        var bytes = File.ReadAllBytes(file);
        int Bare() => Baselines.BareXmlPass([bytes], keepWhitespace: true);
        int Extract() => InlineXbrl.Extract(bytes, file).FactCount;
        using var process = Process.GetCurrentProcess();
        double Loop(Func<int> operation, int n)
        {
            process.Refresh();
            var start = process.TotalProcessorTime;
            for (var i = 0; i < n; i++)
            {
                operation();
            }
            process.Refresh();
            return (process.TotalProcessorTime - start).TotalMilliseconds / n;
        }
        Loop(Bare, 150);
        Loop(Extract, 150);
        var bare = new List<double>();
        var extract = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var b = Loop(Bare, 100);
            var e = Loop(Extract, 100);
            if (round == 0)
            {
                continue;
            }
            bare.Add(b);
            extract.Add(e);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: bare {b:F3} ms  Extract {e:F3} ms  ratio {e / b:F2}"));
        }
        // What one extraction allocates, and the collections 100 of them cause (the GC's work is part of the CPU time).
        var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Extract();
        }
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Extract: {allocated / 100 / 1024} KB allocated each; per 100: {GC.CollectionCount(0) - g0} gen0, {GC.CollectionCount(1) - g1} gen1, {GC.CollectionCount(2) - g2} gen2 collections"));
        bare.Sort();
        extract.Sort();
        var (mb, me) = (bare[bare.Count / 2], extract[extract.Count / 2]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median CPU time: bare {mb:F3} ms  Extract {me:F3} ms  ratio {me / mb:F2}"));
    }
}
