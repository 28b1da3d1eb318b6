using EdgarSharp.Tests.Support;
using EdgarSharp.Xbrl;

namespace EdgarSharp.Tests.Xbrl;

/// <summary>
/// Every instance of the corpus loads and validates offline; its diagnostics (paths relative to the corpus) are a
/// golden file, reviewed once: a change in what we report about a real filing shows as a diff.
/// </summary>
public class InstanceDiagnosticsGoldenTests
{
    public static TheoryData<string> Instances()
    {
        var data = new TheoryData<string>();
        var corpus = Corpus.Shared is null ? null : Path.Combine(Corpus.Shared, "corpus");
        if (corpus is null || !Directory.Exists(corpus))
        {
            data.Add("(corpus absent)");
            return data;
        }
        foreach (var root in new[] { "xbrl-filings", "ixbrl" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(corpus, root), "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (EdgarSharp.Documents.DocumentKindDetector.DetectFile(file).Kind == EdgarSharp.Documents.DocumentKind.XbrlInstance)
                {
                    data.Add(Path.GetRelativePath(corpus, file).Replace('\\', '/'));
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Instances))]
    public void Diagnostics_of_a_corpus_instance_are_the_reviewed_ones(string relative)
    {
        var corpus = Corpus.RequireCorpus();
        var instance = XbrlInstance.Load(Path.Combine(corpus, relative));
        var lines = instance.Diagnostics
            .Select(d => d.ToString().Replace(corpus + "/", "", StringComparison.Ordinal).Replace("file://" + corpus + "/", "", StringComparison.Ordinal))
            .ToList();
        var text = System.Text.Json.JsonSerializer.Serialize(new { instance = relative, facts = instance.AllFacts().Count(), diagnostics = lines },
            new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Golden.Verify("InstanceDiagnostics/" + relative.Replace('/', '_'), text + "\n");
    }
}
