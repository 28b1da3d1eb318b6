using EdgarSharp.Tests.Support;
using EdgarSharp.Xbrl;

namespace EdgarSharp.Tests.Xbrl.Dimensions;

/// <summary>
/// The small dimensional taxonomy under <c>Fixtures/Dimensions</c> (<c>ex.xsd</c> and <c>ex_def.xml</c>), loaded as it
/// is or with edits to its text written to a temporary folder, so that each rule is shown by a one-line change.
/// </summary>
internal static class DimensionsFixture
{
    public const string Sales = "http://example.com/role/Sales";
    public const string SalesCube = "http://example.com/role/SalesCube";
    public const string Regions = "http://example.com/role/Regions";
    public const string Defaults = "http://example.com/role/Defaults";

    public static string SchemaText => File.ReadAllText(Corpus.Fixture("Dimensions/ex.xsd"));

    public static string LinkbaseText => File.ReadAllText(Corpus.Fixture("Dimensions/ex_def.xml"));

    /// <summary>Loads the fixture as it is.</summary>
    public static Dts Load(bool validate = true) =>
        Dts.Load(Corpus.Fixture("Dimensions/ex.xsd"), new XbrlLoadOptions { Validate = validate });

    /// <summary>Loads the fixture after <paramref name="linkbase"/> (and <paramref name="schema"/>) edit its text.</summary>
    public static Dts LoadEdited(Func<string, string> linkbase, Func<string, string>? schema = null)
    {
        var folder = Directory.CreateTempSubdirectory("edgarsharp-dims-").FullName;
        File.WriteAllText(Path.Combine(folder, "ex.xsd"), (schema ?? (s => s))(SchemaText));
        File.WriteAllText(Path.Combine(folder, "ex_def.xml"), linkbase(LinkbaseText));
        return Dts.Load(Path.Combine(folder, "ex.xsd"));
    }

    /// <summary>Inserts <paramref name="xml"/> before the end of the extended link of <paramref name="role"/>.</summary>
    public static string AddToLink(string linkbase, string role, string xml)
    {
        var start = linkbase.IndexOf($"xlink:role=\"{role}\"", StringComparison.Ordinal);
        var end = linkbase.IndexOf("</link:definitionLink>", start, StringComparison.Ordinal);
        return linkbase[..end] + xml + "\n  " + linkbase[end..];
    }

    /// <summary>A domain-member arc between two labels of a link.</summary>
    public static string Arc(string arcrole, string from, string to, string attributes = "") =>
        $"<link:definitionArc xlink:type=\"arc\" xlink:arcrole=\"http://xbrl.org/int/dim/arcrole/{arcrole}\" xlink:from=\"{from}\" xlink:to=\"{to}\" {attributes}/>";

    /// <summary>A locator to the fixture concept <paramref name="localName"/>.</summary>
    public static string Loc(string localName, string label) =>
        $"<link:loc xlink:type=\"locator\" xlink:href=\"ex.xsd#ex_{localName}\" xlink:label=\"{label}\" />";

    public static Concept Concept(this Dts dts, string localName) => dts.Concepts.Single(c => c.Name.LocalName == localName);

    public static IEnumerable<Diagnostic> Errors(this Dts dts) => dts.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
}
