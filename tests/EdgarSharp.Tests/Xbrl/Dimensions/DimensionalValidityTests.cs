using EdgarSharp.Tests.Support;
using EdgarSharp.Xbrl;

namespace EdgarSharp.Tests.Xbrl.Dimensions;

/// <summary>
/// XBRL Dimensions at the instance level (<see cref="DimensionalModel.Validate"/> and the <c>xbrldie</c> checks of
/// <see cref="XbrlInstance.Load(string, XbrlLoadOptions?)"/>), on the fixture <c>Fixtures/Dimensions/facts.xsd</c>:
/// Revenue has a closed segment hypercube (region with a default, typed customer without) and a notAll scenario
/// hypercube (product); Headcount is in no DRS. <c>facts_valid.xml</c> holds valid facts, <c>facts_invalid.xml</c>
/// one error per context; and the corpus's EDGAR instances, whose DTS is partial, give no xbrldie error.
/// </summary>
public class DimensionalValidityTests
{
    private const string FactSales = "http://example.com/role/FactSales";

    private static XbrlInstance Load(string name, XbrlLoadOptions? options = null) =>
        XbrlInstance.Load(Corpus.Fixture(Path.Combine("Dimensions", name)), options);

    private static XbrlFact Fact(XbrlInstance instance, string id) => instance.AllFacts().Single(f => f.Id == id);

    private static IEnumerable<Diagnostic> DimensionErrors(XbrlInstance instance) =>
        instance.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Code.StartsWith("xbrldie:", StringComparison.Ordinal));

    [Fact]
    public void A_fact_with_usable_members_of_its_closed_hypercube_is_valid_in_that_role()
    {
        var instance = Load("facts_valid.xml");
        var validity = instance.DimensionalValidity(Fact(instance, "stated"));
        Assert.Equal(DimensionalValidityStatus.Valid, validity.Status);
        Assert.Equal(FactSales, validity.LinkRole);
        var region = validity.Members.Single(m => m.Dimension.Name.LocalName == "RegionAxis");
        Assert.Equal("EuropeMember", region.Member!.Name.LocalName);
        Assert.False(region.IsDefault);
        var customer = validity.Members.Single(m => m.Dimension.Name.LocalName == "CustomerAxis");
        Assert.Null(customer.Member);
        Assert.Contains(">42<", customer.TypedValue, StringComparison.Ordinal);
    }

    [Fact]
    public void An_axis_the_context_leaves_out_takes_its_default_member()
    {
        var instance = Load("facts_valid.xml");
        var validity = instance.DimensionalValidity(Fact(instance, "defaulted"));
        Assert.True(validity.IsValid);
        var region = validity.MemberOf(instance.Dts.Concepts.Single(c => c.Name.LocalName == "RegionAxis"));
        Assert.NotNull(region);
        Assert.True(region.IsDefault);
        Assert.Equal("RegionDomain", region.Member!.Name.LocalName);
        Assert.Equal(2, validity.Members.Count);
    }

    [Fact]
    public void A_concept_in_no_hypercube_is_valid_whatever_its_dimensions_and_has_no_role()
    {
        var instance = Load("facts_valid.xml");
        var validity = instance.DimensionalValidity(Fact(instance, "headcountEurope"));
        Assert.True(validity.IsValid);
        Assert.Null(validity.LinkRole);
        Assert.Equal(2, validity.Members.Count);
    }

    [Fact]
    public void A_default_holds_for_every_fact_that_does_not_state_its_dimension_in_a_DRS_or_not()
    {
        var instance = Load("facts_valid.xml");
        var validity = instance.DimensionalValidity(Fact(instance, "headcount"));
        var member = Assert.Single(validity.Members);
        Assert.Equal("RegionAxis", member.Dimension.Name.LocalName);
        Assert.Equal("RegionDomain", member.Member!.Name.LocalName);
        Assert.True(member.IsDefault);
    }

    [Fact]
    public void The_valid_instance_has_no_dimensional_error_and_lists_every_item_as_valid()
    {
        var instance = Load("facts_valid.xml");
        Assert.Empty(DimensionErrors(instance));
        Assert.Equal(["stated", "defaulted", "headcount", "headcountEurope"], instance.DimensionallyValidFacts().Select(v => v.Fact.Id!));
    }

    [Fact]
    public void A_default_member_written_in_a_context_is_DefaultValueUsedInInstanceError()
    {
        var error = Assert.Single(Load("facts_invalid.xml").Diagnostics, d => d.Code == "xbrldie:DefaultValueUsedInInstanceError");
        Assert.Contains("'defaultWritten'", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Location);
    }

    [Theory]
    [InlineData("r_closedExtra")]        // the closed segment hypercube has no product axis
    [InlineData("r_excluded")]           // the notAll scenario hypercube holds
    [InlineData("r_unusable")]           // the member is reached by usable="false"
    [InlineData("r_noCustomer")]         // the customer axis has no default
    [InlineData("r_customerInScenario")] // the segment hypercube looks in the segment only
    public void A_fact_that_fails_its_hypercubes_is_PrimaryItemDimensionallyInvalidError(string id)
    {
        var instance = Load("facts_invalid.xml");
        var fact = Fact(instance, id);
        Assert.Equal(DimensionalValidityStatus.Invalid, instance.DimensionalValidity(fact).Status);
        Assert.Single(instance.Diagnostics, d => d.Code == "xbrldie:PrimaryItemDimensionallyInvalidError" && d.Location == fact.Location);
    }

    [Fact]
    public void No_invalid_fact_is_listed_as_dimensionally_valid()
    {
        Assert.Empty(Load("facts_invalid.xml").DimensionallyValidFacts());
    }

    [Theory]
    [InlineData("typedWrongElement", "xbrldie:IllegalTypedDimensionContentError")]
    [InlineData("explicitForTyped", "xbrldie:ExplicitMemberNotExplicitDimensionError")]
    [InlineData("typedForExplicit", "xbrldie:TypedMemberNotTypedDimensionError")]
    [InlineData("undefinedMember", "xbrldie:ExplicitMemberUndefinedQNameError")]
    public void A_context_whose_member_does_not_fit_its_dimension_has_the_specifications_code(string context, string code)
    {
        var errors = DimensionErrors(Load("facts_invalid.xml")).Where(d => d.Message.Contains($"'{context}'", StringComparison.Ordinal)).ToList();
        Assert.Equal(code, Assert.Single(errors).Code);
    }

    [Fact]
    public void Typed_content_invalid_against_its_typedDomainRef_is_an_error_when_the_schemas_are_at_hand()
    {
        var catalog = new TaxonomyCatalog();
        catalog.AddCacheFolder(Corpus.RequireCorpus("xbrl-conformance/core-schemas-cache"));
        var withSchemas = DimensionErrors(Load("facts_invalid.xml", new XbrlLoadOptions { Catalog = catalog }));
        Assert.Single(withSchemas, d => d.Code == "xbrldie:IllegalTypedDimensionContentError" && d.Message.Contains("'typedNotInteger'", StringComparison.Ordinal));
        var withoutSchemas = DimensionErrors(Load("facts_invalid.xml"));
        Assert.DoesNotContain(withoutSchemas, d => d.Message.Contains("'typedNotInteger'", StringComparison.Ordinal));
    }

    [Fact]
    public void Facts_of_a_partial_DTS_are_not_checked_and_give_no_dimensional_error()
    {
        var instance = XbrlInstance.Load(Corpus.RequireCorpus("xbrl-filings/edgartools/aapl_10k_2023"));
        Assert.Empty(DimensionErrors(instance));
        var assets = instance.AllFacts().First(f => f.PrefixedName == "us-gaap:Assets");
        var validity = instance.DimensionalValidity(assets);
        Assert.Equal(DimensionalValidityStatus.NotChecked, validity.Status);
        Assert.Contains("us-gaap:Assets", validity.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_EDGAR_instance_of_the_corpus_gives_no_xbrldie_error()
    {
        var roots = new[] { Corpus.RequireCorpus("xbrl-filings"), Corpus.RequireCorpus("ixbrl") };
        var instances = roots.SelectMany(r => Directory.EnumerateFiles(r, "*.xml", SearchOption.AllDirectories))
            .Where(f => EdgarSharp.Documents.DocumentKindDetector.DetectFile(f).Kind == EdgarSharp.Documents.DocumentKind.XbrlInstance).ToList();
        Assert.True(instances.Count >= 15, $"Only {instances.Count} instances found.");
        Assert.All(instances, file => Assert.Empty(DimensionErrors(XbrlInstance.Load(file))));
    }
}
