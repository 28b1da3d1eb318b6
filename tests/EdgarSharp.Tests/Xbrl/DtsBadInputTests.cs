using System.Globalization;
using EdgarSharp.Tests.Support;
using EdgarSharp.Xbrl;

namespace EdgarSharp.Tests.Xbrl;

/// <summary>Bad input gives diagnostics with file, line and column; nothing throws, hangs or reaches the network.</summary>
public class DtsBadInputTests
{
    private static Dts Load(string fixture, XbrlLoadOptions? options = null) => Dts.Load(Corpus.Fixture(Path.Combine("Xbrl", fixture)), options);

    private static Diagnostic SingleError(Dts dts, string code)
    {
        var error = Assert.Single(dts.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Code == code);
        Assert.NotNull(error.Location);
        Assert.True(error.Location!.Value.Line > 0, $"The diagnostic has no line: {error}");
        Assert.True(error.Location!.Value.Column > 0, $"The diagnostic has no column: {error}");
        return error;
    }

    [Fact]
    public void Truncated_xml_keeps_what_was_read_and_reports_where_it_broke()
    {
        var dts = Load("truncated_def.xml");
        var error = SingleError(dts, "xml:notWellFormed");
        Assert.EndsWith("truncated_def.xml", error.Location!.Value.Document, StringComparison.Ordinal);
        Assert.Equal(8, error.Location.Value.Line);
        // The arc before the break was read and resolved.
        var r = Assert.Single(dts.Relationships);
        Assert.Equal("A", r.FromConcept!.Name.LocalName);
        Assert.Equal("B", r.ToConcept!.Name.LocalName);
    }

    [Fact]
    public void A_doctype_with_an_external_entity_is_never_fetched_and_the_entity_is_an_error()
    {
        var dts = Load("doctype_external_def.xml");
        var error = SingleError(dts, "xml:notWellFormed");
        Assert.Contains("xxe", error.Message, StringComparison.Ordinal);
        Assert.Equal(10, error.Location!.Value.Line);
    }

    [Fact]
    public void A_billion_laughs_file_is_not_expanded()
    {
        var started = DateTime.UtcNow;
        var dts = Load("billion_laughs_def.xml");
        SingleError(dts, "xml:notWellFormed");
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), "Entity expansion must not happen at all.");
        Assert.Empty(dts.Relationships);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_not_read()
    {
        var dts = Load("prohibition_def.xml", new XbrlLoadOptions { MaxDocumentBytes = 512 });
        var error = Assert.Single(dts.Diagnostics, d => d.Code == "edgar:documentTooLarge");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.EndsWith("prohibition_def.xml", error.Location!.Value.Document, StringComparison.Ordinal);
        Assert.Empty(dts.Relationships);
    }

    [Fact]
    public void A_locator_to_a_missing_file_is_one_warning_and_the_concept_keeps_its_name()
    {
        var dts = Load("missing_locator_def.xml");
        var warning = Assert.Single(dts.Diagnostics, d => d.Code == "edgar:schemaNotFound" && d.Message.Contains("no-such-file.xsd", StringComparison.Ordinal));
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(5, warning.Location!.Value.Line);
        Assert.True(warning.Location.Value.Column > 0);
        var r = Assert.Single(dts.Relationships);
        var to = r.ToConcept!;
        Assert.False(to.IsDeclared);
        Assert.False(to.IsNamespaceKnown);
        Assert.Equal("nsf:Thing", to.PrefixedName);
    }

    [Fact]
    public void An_arc_to_an_undefined_label_is_an_error_and_the_rest_is_kept()
    {
        var dts = Load("undefined_label_lab.xml");
        var error = SingleError(dts, "xlink:arcLabelUndefined");
        Assert.Equal(7, error.Location!.Value.Line);
        Assert.Single(dts.Relationships);
    }

    [Fact]
    public void An_import_cycle_is_legal_and_each_schema_loads_once()
    {
        var dts = Load(Path.Combine("importcycle", "a.xsd"));
        Assert.DoesNotContain(dts.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(2, dts.Documents.Count(d => d.Type == TaxonomyDocumentType.Schema));
        Assert.Equal(["One", "Two"], dts.Concepts.Where(c => c.IsDeclared).Select(c => c.Name.LocalName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Prohibition_removes_equivalent_relationships_only()
    {
        var dts = Load("prohibition_def.xml");
        var r = Assert.Single(dts.Relationships);
        Assert.Equal("C", r.ToConcept!.Name.LocalName);
        Assert.Equal(2m, r.Order);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    [InlineData("ar-SA")]
    public void Results_do_not_depend_on_the_culture(string culture)
    {
        var fixtures = new[] { "prohibition_def.xml", "missing_locator_def.xml", "truncated_def.xml", "undefined_label_lab.xml" };
        var invariant = fixtures.Select(f => Describe(Load(f))).ToList();
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            var local = fixtures.Select(f => Describe(Load(f))).ToList();
            Assert.Equal(invariant, local);
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = saved;
        }
    }

    private static string Describe(Dts dts) =>
        string.Join('\n', dts.Relationships.Select(r => $"{r.LinkRole} {r.Arcrole} {r.From} {r.To} {r.Order} {r.Arc.Weight}"))
        + "\n" + string.Join('\n', dts.Diagnostics.Select(d => d.ToString()));
}
