using EdgarSharp.Ownership;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Ownership;

/// <summary>
/// Every ownershipDocument XML under <c>../shared/corpus/ownership-xml</c> reads with no loss: the model written back
/// has every element and attribute of the source, leaf values equal as typed values, empty elements kept empty.
/// One test per file.
/// </summary>
public class OwnershipXmlRoundTripTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        var root = Corpus.Shared is null ? null : Path.Combine(Corpus.Shared, "corpus", "ownership-xml");
        if (root is null || !Directory.Exists(root))
        {
            data.Add("(corpus absent)");
            return data;
        }
        foreach (var file in Directory.GetFiles(root, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void A_corpus_form_written_back_has_every_element_attribute_and_value_of_the_source(string file)
    {
        var path = Corpus.RequireCorpus(Path.Combine("ownership-xml", file));
        var source = File.ReadAllText(path);

        var result = OwnershipXml.Read(path);
        var written = OwnershipXml.Write(result.Document);

        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == OwnershipDiagnosticCodes.UnknownElement);
        var expected = XmlLeaves.Of(source);
        var actual = XmlLeaves.Of(written);
        var missing = expected.Except(actual, StringComparer.Ordinal).ToList();
        var extra = actual.Except(expected, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{file}: lost {missing.Count}: {string.Join(" | ", missing.Take(8))}; added {extra.Count}: {string.Join(" | ", extra.Take(8))}");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void The_corpus_holds_all_four_schema_versions()
    {
        var root = Corpus.RequireCorpus("ownership-xml");
        var versions = Directory.GetFiles(root, "*.xml", SearchOption.AllDirectories)
            .Select(f => OwnershipXml.Read(f).Document.SchemaVersion)
            .ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string?>(["X0206", "X0306", "X0407", "X0508"], StringComparer.Ordinal), versions);
    }
}
