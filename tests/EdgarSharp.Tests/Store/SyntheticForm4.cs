using System.Globalization;
using System.Text;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Store;

/// <summary>
/// Form 4 submissions synthesised from the project's own fixture (<c>Fixtures/Ownership/submission-0009990002-24-000001.txt</c>)
/// by renumbering its accession number: each is a distinct filing with its own bytes, so a folder of them is a
/// corpus-independent ingest input whose expected content is known (one filing per accession number).
/// </summary>
internal static class SyntheticForm4
{
    private const string Accession = "0009990002-24-000001";

    private static readonly Lazy<string> Template = new(() =>
        File.ReadAllText(Corpus.Fixture(Path.Combine("Ownership", "submission-" + Accession + ".txt"))));

    /// <summary>The accession number of the <paramref name="index"/>-th synthetic filing (1-based).</summary>
    public static string AccessionOf(int index) => string.Create(CultureInfo.InvariantCulture, $"0009990002-24-{index:000000}");

    /// <summary>The bytes of the <paramref name="index"/>-th synthetic submission.</summary>
    public static byte[] Bytes(int index) => Encoding.UTF8.GetBytes(Template.Value.Replace(Accession, AccessionOf(index), StringComparison.Ordinal));

    /// <summary>Writes <paramref name="count"/> submissions (<c>ACCESSION.txt</c>) into <paramref name="folder"/>; returns their accession numbers.</summary>
    public static IReadOnlyList<string> WriteFolder(string folder, int count, int first = 1)
    {
        Directory.CreateDirectory(folder);
        var accessions = new List<string>();
        for (var i = first; i < first + count; i++)
        {
            accessions.Add(AccessionOf(i));
            File.WriteAllBytes(Path.Combine(folder, AccessionOf(i) + ".txt"), Bytes(i));
        }
        return accessions;
    }
}
