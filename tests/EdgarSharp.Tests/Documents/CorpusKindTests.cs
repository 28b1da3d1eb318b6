using EdgarSharp.Documents;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Documents;

/// <summary>
/// Detection on real EDGAR and XBRL material: one test per row of <c>kinds.tsv</c> (a path under <c>../shared</c>
/// and the kind a person decided it is). Skipped when <c>../shared</c> is absent.
/// </summary>
public class CorpusKindTests
{
    /// <summary>The rows of kinds.tsv: path relative to the shared folder, expected kind name.</summary>
    public static TheoryData<string, string> Rows()
    {
        var data = new TheoryData<string, string>();
        var table = Path.Combine(AppContext.BaseDirectory, "kinds.tsv");
        foreach (var line in File.ReadLines(table).Skip(1))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var fields = line.Split('\t');
            data.Add(fields[0], fields[1]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_corpus_file_is_detected_as_the_kind_in_the_table(string path, string kind)
    {
        Assert.SkipWhen(Corpus.Shared is null, "The shared corpus and seeds (../shared) are absent on this machine.");
        var file = Path.Combine(Corpus.Shared!, path);
        Assert.True(File.Exists(file), $"{file} is listed in kinds.tsv but does not exist.");

        var result = DocumentKindDetector.DetectFile(file);

        Assert.True(kind == result.KindName, $"{path}: expected {kind}, detected {result.KindName} ({result.Detail}).");
    }

    [Fact]
    public void The_table_names_only_known_kinds_and_each_path_once()
    {
        var rows = Rows().Select(r => r.Data).ToList();
        Assert.True(rows.Count >= 100, $"kinds.tsv has only {rows.Count} rows.");
        Assert.All(rows, row => Assert.True(DocumentKindNames.TryParse(row.Item2, out _), $"Unknown kind '{row.Item2}' for {row.Item1}."));
        Assert.Equal(rows.Count, rows.Select(r => r.Item1).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_table_covers_every_folder_of_the_corpus_readme()
    {
        var shared = Corpus.RequireCorpus();
        var rows = Rows().Select(r => r.Data.Item1).ToList();
        // Each top-level corpus folder and each of its immediate subfolders holds at least two rows, or all its
        // files when it has fewer.
        var folders = Directory.GetDirectories(shared).SelectMany(top => Directory.GetDirectories(top).Prepend(top));
        var sharedRoot = Corpus.Shared!;
        foreach (var folder in folders)
        {
            var relative = Path.GetRelativePath(sharedRoot, folder).Replace('\\', '/') + "/";
            var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count();
            var listed = rows.Count(r => r.StartsWith(relative, StringComparison.Ordinal));
            Assert.True(listed >= Math.Min(2, files), $"{relative} has {listed} rows in kinds.tsv; it needs {Math.Min(2, files)}.");
        }
    }
}
