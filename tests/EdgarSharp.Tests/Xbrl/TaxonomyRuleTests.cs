using EdgarSharp.Tests.Support;
using EdgarSharp.Xbrl;

namespace EdgarSharp.Tests.Xbrl;

/// <summary>XBRL 2.1 taxonomy rules on the project's own fixtures (the conformance suite covers the rest).</summary>
public class TaxonomyRuleTests
{
    private static Dts Load(string fixture) => Dts.Load(Corpus.Fixture(Path.Combine("Xbrl", fixture)));

    [Fact]
    public void A_directed_parent_child_cycle_is_an_error_at_the_arc_that_closes_it()
    {
        var dts = Load("cycle_pre.xml");
        var error = Assert.Single(dts.Diagnostics, d => d.Code == "xbrl.5.1.4.3");
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("directed cycle", error.Message, StringComparison.Ordinal);
        Assert.Equal(9, error.Location!.Value.Line);
    }

    [Fact]
    public void An_undirected_parent_child_cycle_is_valid_but_a_preferred_label_the_concept_lacks_is_not()
    {
        var dts = Load("undirected_pre.xml");
        Assert.DoesNotContain(dts.Diagnostics, d => d.Code == "xbrl.5.1.4.3");
        var error = Assert.Single(dts.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("xbrl.5.2.4.2.1", error.Code);
        Assert.Equal(7, error.Location!.Value.Line);
        Assert.Equal(3, dts.Relationships.Count);
    }

    [Fact]
    public void Tuple_declarations_with_mixed_content_local_elements_or_XBRL_attributes_are_errors_and_a_plain_tuple_is_not()
    {
        var dts = Load("declarations.xsd");
        var errors = dts.Diagnostics.Where(d => d.Code == "xbrl.4.9").ToList();

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Message.Contains("t:Mixed", StringComparison.Ordinal) && e.Message.Contains("mixed content", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("'Inner' locally", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("xlink:href", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Message.Contains("t:Good", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.True(e.Location!.Value.Line > 0));
    }

    [Fact]
    public void An_item_type_with_complex_content_is_an_error_and_one_with_simple_content_is_not()
    {
        var dts = Load("declarations.xsd");

        var error = Assert.Single(dts.Diagnostics, d => d.Code == "xbrl.5.1.1.3");
        Assert.Contains("t:Location", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(dts.Diagnostics, d => d.Message.Contains("t:Code", StringComparison.Ordinal));
    }

    [Fact]
    public void Concepts_of_a_schema_that_was_read_carry_their_declaration()
    {
        var dts = Load("concepts.xsd");
        var a = dts.FindConcept(new QName("http://example.com/t", "A"))!;
        Assert.True(a.IsDeclared);
        Assert.True(a.IsItem);
        Assert.Equal(PeriodType.Instant, a.PeriodType);
        Assert.Equal(Balance.Debit, a.Balance);
        Assert.True(a.IsNillable);
        Assert.Equal("monetaryItemType", a.Type!.Value.LocalName);
        var c = dts.FindConcept(new QName("http://example.com/t", "C"))!;
        Assert.Equal(PeriodType.Duration, c.PeriodType);
        Assert.Null(c.Balance);
    }

    [Fact]
    public void Custom_arc_attributes_are_compared_by_the_value_their_declared_type_gives_them()
    {
        var dts = Load("typed_attributes_def.xml");
        Assert.DoesNotContain(dts.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        // Boolean (1 = true), decimal through a derived type, double, QName under another prefix and an anonymous
        // boolean type are prohibited; a string differing by a space and an undeclared attribute are not equivalent.
        Assert.Equal(["F", "H"], dts.Relationships.Select(r => r.ToConcept!.Name.LocalName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_schemaRef_resolves_against_its_xml_base_and_must_name_a_schema()
    {
        var good = Load(Path.Combine("schemaref_base", "schema_under_base.xml"));
        Assert.DoesNotContain(good.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.NotNull(good.FindConcept(new QName("http://example.com/t", "A")));

        var bad = Load(Path.Combine("schemaref_base", "linkbase_under_base.xml"));
        var error = Assert.Single(bad.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("xbrl.4.2.2", error.Code);
        Assert.Contains("linkbases/t.xsd", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Location!.Value.Line);
    }

    [Fact]
    public void A_schema_or_linkbase_nested_inside_another_element_is_an_error_at_each_one()
    {
        var schema = Assert.Single(Load(Path.Combine("nested", "envelope_schema.xml")).Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("xbrl.5.1", schema.Code);
        Assert.Equal(4, schema.Location!.Value.Line);

        var linkbases = Load(Path.Combine("nested", "envelope_linkbases.xml")).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Equal(["xbrl.3.5.2", "xbrl.3.5.2"], linkbases.Select(d => d.Code));
        Assert.Equal([4, 6], linkbases.Select(d => d.Location!.Value.Line));

        Assert.DoesNotContain(Load(Path.Combine("nested", "appinfo_linkbase.xsd")).Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Appinfo_content_and_foreign_attributes_are_assessed_laxly_by_the_declarations_of_the_DTS()
    {
        Assert.DoesNotContain(Load(Path.Combine("lax", "valid.xsd")).Diagnostics, d => d.Severity == DiagnosticSeverity.Error);

        var errors = Load(Path.Combine("lax", "invalid.xsd")).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.All(errors, e => Assert.Equal("sche:XmlSchemaError", e.Code));
        // An integer element holding text, a child the declared content model does not allow (under an undeclared
        // element), an integer attribute holding text on an element declaration.
        Assert.Equal([10, 12, 17], errors.Select(e => e.Location!.Value.Line));
        Assert.Contains("twelve", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("note", errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("d:level='high'", errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_content_model_that_violates_unique_particle_attribution_is_an_error_and_a_deterministic_one_is_not()
    {
        var error = Assert.Single(Load(Path.Combine("upa", "ambiguous.xsd")).Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("sche:XmlSchemaError", error.Code);
        Assert.Contains("ambiguous", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("ambiguous.xsd", error.Location!.Value.Document, StringComparison.Ordinal);

        Assert.DoesNotContain(Load(Path.Combine("upa", "deterministic.xsd")).Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }
}
