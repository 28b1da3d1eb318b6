using EdgarSharp.Tests.Support;
using EdgarSharp.Xbrl;
using static EdgarSharp.Tests.Xbrl.Dimensions.DimensionsFixture;

namespace EdgarSharp.Tests.Xbrl.Dimensions;

/// <summary>
/// The Dimensions taxonomy checks that run when a DTS loads, shown by one edit each to the valid fixture: the
/// error is reported with the specification's code, and only where the specification says (cycles inside a DRS,
/// declarations that were read).
/// </summary>
public class DimensionValidatorTests
{
    private static List<string> Codes(Dts dts) => dts.Errors().Select(e => e.Code).ToList();

    private static void AssertOnly(string code, Dts dts)
    {
        var codes = Codes(dts);
        Assert.Contains(code, codes);
        Assert.All(codes, c => Assert.Equal(code, c));
    }

    [Fact]
    public void The_unedited_fixture_has_no_errors()
    {
        Assert.Empty(Codes(Load()));
    }

    [Fact]
    public void Two_defaults_for_one_axis_in_different_roles_are_too_many()
    {
        var dts = LoadEdited(l => AddToLink(l, Regions, Arc("dimension-default", "regionAxis", "europe")));
        AssertOnly("xbrldte:TooManyDefaultMembersError", dts);
        var error = dts.Errors().Single();
        Assert.Contains("ex:RegionAxis", error.Message, StringComparison.Ordinal);
        Assert.Contains("ex_def.xml", error.Location?.Document, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_default_stated_again_in_another_role_is_one_default()
    {
        var dts = LoadEdited(l => AddToLink(l, Regions, Loc("RegionAxis", "axis2") + Loc("RegionDomain", "domain2") + Arc("dimension-default", "axis2", "domain2")));
        Assert.Equal(2, dts.RelationshipSet(XbrlArcroles.DimensionDefault).To(dts.Concept("RegionDomain")).Count);
        Assert.Empty(Codes(dts));
    }

    [Fact]
    public void A_directed_cycle_inside_a_DRS_is_an_error()
    {
        var dts = LoadEdited(l => AddToLink(l, Regions, Arc("domain-member", "germany", "europe")));
        AssertOnly("xbrldte:DRSDirectedCycleError", dts);
    }

    [Fact]
    public void A_directed_cycle_outside_every_DRS_is_not_an_error()
    {
        var dts = LoadEdited(l => AddToLink(l, Defaults,
            Loc("EuropeMember", "europe") + Loc("AmericasMember", "americas") + Arc("domain-member", "europe", "americas") + Arc("domain-member", "americas", "europe")));
        Assert.Empty(Codes(dts));
    }

    [Fact]
    public void An_undirected_cycle_inside_a_DRS_is_valid()
    {
        // The fixture reaches Germany twice (RegionDomain -> Europe -> Germany and RegionDomain -> Germany): an undirected cycle.
        var dts = Load();
        var region = DimensionalModel.Build(dts).FindRelationshipSet(Sales)!.HasHypercubes[0].Dimensions[0];
        Assert.Equal(2, region.Domains[0].Children.Count(c => c.Concept.Name.LocalName == "GermanyMember")
            + region.Domains[0].Children.SelectMany(c => c.Children).Count(c => c.Concept.Name.LocalName == "GermanyMember"));
        Assert.Empty(Codes(dts));
    }

    [Fact]
    public void A_target_role_that_no_roleRef_names_is_not_resolved()
    {
        var dts = LoadEdited(l => l.Replace("xbrldt:targetRole=\"http://example.com/role/Regions\"", "xbrldt:targetRole=\"http://example.com/role/Nowhere\"", StringComparison.Ordinal));
        AssertOnly("xbrldte:TargetRoleNotResolvedError", dts);
    }

    [Fact]
    public void A_has_hypercube_relationship_needs_a_context_element()
    {
        var dts = LoadEdited(l => l.Replace(" xbrldt:contextElement=\"scenario\"", "", StringComparison.Ordinal));
        AssertOnly("xbrldte:HasHypercubeMissingContextElementAttributeError", dts);
    }

    [Fact]
    public void A_hypercube_that_is_not_abstract_is_an_error()
    {
        var dts = LoadEdited(l => l, s => s.Replace("name=\"SalesTable\" type=\"xbrli:stringItemType\" substitutionGroup=\"xbrldt:hypercubeItem\" abstract=\"true\"",
            "name=\"SalesTable\" type=\"xbrli:stringItemType\" substitutionGroup=\"xbrldt:hypercubeItem\" abstract=\"false\"", StringComparison.Ordinal));
        AssertOnly("xbrldte:HypercubeElementIsNotAbstractError", dts);
    }

    [Fact]
    public void A_dimension_that_is_not_abstract_is_an_error()
    {
        var dts = LoadEdited(l => l, s => s.Replace("name=\"RegionAxis\" type=\"xbrli:stringItemType\" substitutionGroup=\"xbrldt:dimensionItem\" abstract=\"true\"",
            "name=\"RegionAxis\" type=\"xbrli:stringItemType\" substitutionGroup=\"xbrldt:dimensionItem\"", StringComparison.Ordinal));
        AssertOnly("xbrldte:DimensionElementIsNotAbstractError", dts);
    }

    [Theory]
    [InlineData("ex.xsd", "xbrldte:TypedDimensionURIError")]
    [InlineData("#ex_RegionDomain", "xbrldte:TypedDimensionError")]
    [InlineData("#ex_Nothing", "xbrldte:TypedDimensionError")]
    [InlineData("other.xsd#ex_CustomerId", "xbrldte:OutOfDTSSchemaError")]
    public void A_typed_domain_ref_must_name_a_non_abstract_element_declaration_of_the_DTS(string typedDomainRef, string code)
    {
        var dts = LoadEdited(l => l, s => s.Replace("xbrldt:typedDomainRef=\"#ex_CustomerId\"", $"xbrldt:typedDomainRef=\"{typedDomainRef}\"", StringComparison.Ordinal));
        AssertOnly(code, dts);
    }

    [Fact]
    public void A_typed_domain_ref_on_an_item_is_an_error()
    {
        var dts = LoadEdited(l => l, s => s.Replace("name=\"Cost\" type=\"xbrli:monetaryItemType\"", "name=\"Cost\" xbrldt:typedDomainRef=\"#ex_CustomerId\" type=\"xbrli:monetaryItemType\"", StringComparison.Ordinal));
        AssertOnly("xbrldte:TypedDomainRefError", dts);
    }

    [Fact]
    public void A_primary_item_that_is_also_a_usable_member_of_its_hypercubes_domain_is_polymorphic()
    {
        var dts = LoadEdited(l => AddToLink(l, Regions, Loc("Revenue", "revenue") + Arc("domain-member", "americas", "revenue")));
        AssertOnly("xbrldte:PrimaryItemPolymorphismError", dts);
        Assert.Contains("ex:Revenue", dts.Errors().Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_primary_item_that_is_an_unusable_member_is_not_polymorphic()
    {
        var dts = LoadEdited(l => AddToLink(l, Regions, Loc("Revenue", "revenue") + Arc("domain-member", "americas", "revenue", "xbrldt:usable=\"false\"")));
        Assert.Empty(Codes(dts));
    }

    [Fact]
    public void A_domain_member_relationship_from_a_hypercube_is_an_error()
    {
        var dts = LoadEdited(l => AddToLink(l, Sales, Arc("domain-member", "salesTable", "cost")));
        AssertOnly("xbrldte:DomainMemberSourceError", dts);
    }

    [Fact]
    public void A_dimension_domain_relationship_from_a_typed_dimension_is_an_error()
    {
        var dts = LoadEdited(l => AddToLink(l, SalesCube, Loc("ProductDomain", "productDomain") + Arc("dimension-domain", "customerAxis", "productDomain")));
        AssertOnly("xbrldte:DimensionDomainSourceError", dts);
    }

    [Fact]
    public void Without_the_schema_every_role_comes_from_the_arcs_and_declaration_checks_are_skipped()
    {
        // The linkbase alone: every concept is known only by its locators, even the not-abstract-looking ones.
        var folder = Directory.CreateTempSubdirectory("edgarsharp-dims-alone-").FullName;
        File.WriteAllText(Path.Combine(folder, "ex_def.xml"), LinkbaseText);
        var dts = Dts.Load(Path.Combine(folder, "ex_def.xml"));
        var model = DimensionalModel.Build(dts);

        Assert.DoesNotContain(Codes(dts), c => c.StartsWith("xbrldte:", StringComparison.Ordinal));
        Assert.All(dts.Concepts, c => Assert.False(c.IsDeclared));
        var table = model.FindRelationshipSet(Sales)!.HasHypercubes[0];
        Assert.Equal(["RegionAxis", "CustomerAxis"], table.Dimensions.Select(d => d.Dimension.Name.LocalName));
        // Undeclared, the customer axis cannot be known to be typed: it is an explicit axis with no domain.
        Assert.False(table.Dimensions[1].IsTyped);
        Assert.Empty(table.Dimensions[1].Domains);
        Assert.Equal(5, table.Dimensions[0].Members.Count);
        Assert.False(table.Dimensions[0].IsUsable(dts.Concepts.Single(c => c.Name.LocalName == "GermanyMember")));
    }

    [Fact]
    public void Checks_are_not_run_when_the_load_options_turn_them_off()
    {
        var folder = Directory.CreateTempSubdirectory("edgarsharp-dims-off-").FullName;
        File.WriteAllText(Path.Combine(folder, "ex.xsd"), SchemaText.Replace("abstract=\"true\" nillable=\"true\" xbrli:periodType=\"duration\" />\n  <xs:element id=\"ex_ExcludedTable\"", "nillable=\"true\" xbrli:periodType=\"duration\" />\n  <xs:element id=\"ex_ExcludedTable\"", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(folder, "ex_def.xml"), LinkbaseText);
        var dts = Dts.Load(Path.Combine(folder, "ex.xsd"), new XbrlLoadOptions { Validate = false });
        Assert.Empty(Codes(dts));
        Assert.Contains("xbrldte:HypercubeElementIsNotAbstractError", Codes(Dts.Load(Path.Combine(folder, "ex.xsd"))));
    }
}
