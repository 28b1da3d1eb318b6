using System.Globalization;
using EdgarSharp.Tests.Support;
using EdgarSharp.Xbrl;

namespace EdgarSharp.Tests.Xbrl;

/// <summary>
/// Arelle as the oracle: the effective definition-linkbase relationships of the seed and of every filing in
/// <c>refs/arelle/INDEX.tsv</c> equal Arelle's, as a multiset of
/// (linkrole, arcrole, from, to, order, closed, contextElement, usable, targetRole).
/// </summary>
public class ArelleReferenceTests
{
    public static TheoryData<string> Filings()
    {
        var data = new TheoryData<string> { "seed__lpsn-20170331_def" };
        var index = Corpus.Shared is null ? null : Path.Combine(Corpus.Shared, "refs", "arelle", "INDEX.tsv");
        if (index is not null && File.Exists(index))
        {
            foreach (var line in File.ReadLines(index).Skip(1))
            {
                var name = line.Split('\t')[0];
                if (name.Length > 0)
                {
                    data.Add(name);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Filings))]
    public void Effective_definition_relationships_equal_Arelles(string name)
    {
        var refs = Corpus.RequireRefs("arelle");
        string linkbase;
        if (name.StartsWith("seed__", StringComparison.Ordinal))
        {
            // The seed alone in a folder, as a user would have it.
            var folder = Directory.CreateTempSubdirectory("edgarsharp-seed-").FullName;
            linkbase = Path.Combine(folder, "lpsn-20170331_def.xml");
            File.Copy(Corpus.Sample("lpsn-20170331_def.xml"), linkbase);
        }
        else
        {
            var row = File.ReadLines(Path.Combine(refs, "INDEX.tsv")).Select(l => l.Split('\t')).First(c => c[0] == name);
            linkbase = Corpus.RequireCorpus(row[1]);
        }

        var dts = Dts.Load(linkbase);
        var linkbaseUrl = new Uri(linkbase).AbsoluteUri;
        var ours = dts.Relationships
            .Where(r => r.Arc.Link.DocumentUrl == linkbaseUrl)
            .Select(r => Key(r.LinkRole, r.Arcrole, Display(r.From), Display(r.To), r.Order.ToString(CultureInfo.InvariantCulture),
                r.Arc.Closed is { } c ? (c ? "true" : "false") : "", r.Arc.ContextElement ?? "", r.Arc.Usable is { } u ? (u ? "true" : "false") : "", r.Arc.TargetRole ?? ""))
            .ToList();
        var theirs = File.ReadLines(Path.Combine(refs, name + ".arelle.tsv")).Skip(1)
            .Select(l => l.Split('\t'))
            .Select(c => Key(c[0], c[1], c[2], c[3], c[4], c[8], c[9], c[10], c[11]))
            .ToList();

        var missing = Subtract(theirs, ours);
        var extra = Subtract(ours, theirs);
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{name}: {theirs.Count} Arelle rows, {ours.Count} ours.\nMissing:\n  {string.Join("\n  ", missing.Take(10))}\nExtra:\n  {string.Join("\n  ", extra.Take(10))}");
        // The corpus's linkbase-only folders leave out the label, presentation and calculation linkbases that the
        // company schema names: those linkbaseRefs are errors of the copy, and the only errors allowed.
        var errors = dts.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.All(errors, e =>
        {
            Assert.Equal("xbrl.4.3.2", e.Code);
            Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
        });
        if (!name.Contains("linkbase-only", StringComparison.Ordinal))
        {
            Assert.Empty(errors);
        }
    }

    private static string Display(XbrlElement e) => e is Concept c ? c.PrefixedName : e.ToString() ?? "";

    private static string Key(string linkrole, string arcrole, string from, string to, string order, string closed, string contextElement, string usable, string targetRole)
    {
        var o = decimal.Parse(order.Length == 0 ? "1" : order, NumberStyles.Float, CultureInfo.InvariantCulture);
        var closedValue = closed is "true" or "1" ? "true" : "false";
        var usableValue = usable is "false" or "0" ? "false" : "true";
        return string.Join('|', linkrole, arcrole, from, to, o.ToString("0.############################", CultureInfo.InvariantCulture), closedValue, contextElement, usableValue, targetRole);
    }

    private static List<string> Subtract(List<string> a, List<string> b)
    {
        var counts = b.GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var result = new List<string>();
        foreach (var x in a)
        {
            if (counts.TryGetValue(x, out var n) && n > 0)
            {
                counts[x] = n - 1;
            }
            else
            {
                result.Add(x);
            }
        }
        return result;
    }
}
