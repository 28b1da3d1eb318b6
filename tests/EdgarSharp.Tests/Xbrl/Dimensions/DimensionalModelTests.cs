using EdgarSharp.Tests.Support;
using EdgarSharp.Xbrl;
using static EdgarSharp.Tests.Xbrl.Dimensions.DimensionsFixture;

namespace EdgarSharp.Tests.Xbrl.Dimensions;

/// <summary>
/// <see cref="DimensionalModel"/>: the DRS of each role built from the relationships, on the fixture (typed and
/// explicit dimensions, all and notAll, targetRole, unusable members, defaults in a role of their own) and on the
/// seed alone in a folder (a partial DTS: every concept's role inferred from the arcs).
/// </summary>
public class DimensionalModelTests
{
    private static HasHypercube SalesTable(DimensionalModel model) =>
        model.FindRelationshipSet(Sales)!.HasHypercubes.Single(h => h.Hypercube.Name.LocalName == "SalesTable");

    [Fact]
    public void The_fixture_has_one_set_for_the_one_role_holding_has_hypercube_relationships()
    {
        var dts = Load();
        var model = DimensionalModel.Build(dts);

        Assert.Empty(dts.Errors());
        Assert.Empty(model.Diagnostics);
        var set = Assert.Single(model.RelationshipSets);
        Assert.Equal(Sales, set.LinkRole);
        Assert.Equal(["SalesTable", "ExcludedTable"], set.HasHypercubes.Select(h => h.Hypercube.Name.LocalName));
        Assert.All(set.HasHypercubes, h => Assert.Equal("SalesLineItems", h.PrimaryItem.Name.LocalName));
        Assert.Null(model.FindRelationshipSet(SalesCube));
        Assert.Null(model.FindRelationshipSet(Regions));
    }

    [Fact]
    public void An_all_relationship_finds_its_dimensions_in_its_target_role()
    {
        var table = SalesTable(DimensionalModel.Build(Load()));

        Assert.True(table.IsAll);
        Assert.True(table.IsClosed);
        Assert.Equal(HypercubeContextElement.Segment, table.ContextElement);
        Assert.Equal(SalesCube, table.TargetRole);
        Assert.Equal(["RegionAxis", "CustomerAxis"], table.Dimensions.Select(d => d.Dimension.Name.LocalName));
        Assert.All(table.Dimensions, d => Assert.Equal(SalesCube, d.Relationship.LinkRole));
    }

    [Fact]
    public void A_hypercube_dimension_target_role_is_where_the_domain_is_found()
    {
        var region = SalesTable(DimensionalModel.Build(Load())).Dimensions[0];

        Assert.False(region.IsTyped);
        Assert.Equal(Regions, region.DomainRole);
        var domain = Assert.Single(region.Domains);
        Assert.Equal("RegionDomain", domain.Concept.Name.LocalName);
        Assert.Equal(["EuropeMember", "AmericasMember", "DiscontinuedRegionMember", "GermanyMember"], domain.Children.Select(c => c.Concept.Name.LocalName));
        Assert.Equal(["GermanyMember"], domain.Children[0].Children.Select(c => c.Concept.Name.LocalName));
        Assert.Equal(5, region.Members.Count);
    }

    [Fact]
    public void A_notAll_relationship_is_exclusive_open_and_on_the_scenario_with_dimensions_in_its_own_role()
    {
        var set = DimensionalModel.Build(Load()).FindRelationshipSet(Sales)!;
        var excluded = set.HasHypercubes.Single(h => h.Hypercube.Name.LocalName == "ExcludedTable");

        Assert.False(excluded.IsAll);
        Assert.False(excluded.IsClosed);
        Assert.Equal(HypercubeContextElement.Scenario, excluded.ContextElement);
        Assert.Null(excluded.TargetRole);
        var product = Assert.Single(excluded.Dimensions);
        Assert.Equal("ProductAxis", product.Dimension.Name.LocalName);
        Assert.Equal(Sales, product.DomainRole);
        Assert.Equal(["ObsoleteProductMember", "ProductDomain"], product.Members.Select(m => m.Name.LocalName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_typed_dimension_has_the_element_its_typed_domain_ref_names_and_no_members()
    {
        var dts = Load();
        var customer = SalesTable(DimensionalModel.Build(dts)).Dimensions.Single(d => d.Dimension.Name.LocalName == "CustomerAxis");

        Assert.True(customer.IsTyped);
        Assert.Same(dts.Concept("CustomerId"), customer.TypedDomain);
        Assert.Empty(customer.Domains);
        Assert.Empty(customer.Members);
        Assert.Null(customer.Default);
    }

    [Fact]
    public void A_member_reached_by_any_unusable_relationship_is_unusable_whatever_other_path_says()
    {
        var dts = Load();
        var region = SalesTable(DimensionalModel.Build(dts)).Dimensions[0];

        Assert.True(region.IsUsable(dts.Concept("EuropeMember")));
        Assert.True(region.IsUsable(dts.Concept("AmericasMember")));
        Assert.False(region.IsUsable(dts.Concept("DiscontinuedRegionMember")));
        // Europe -> Germany is usable, RegionDomain -> Germany is not: Germany is unusable, on both paths.
        Assert.False(region.IsUsable(dts.Concept("GermanyMember")));
        Assert.True(region.IsMember(dts.Concept("GermanyMember")));
        var domain = region.Domains[0];
        Assert.False(domain.Children[0].Children[0].IsUsable);
        Assert.False(domain.Children[3].IsUsable);
        Assert.True(domain.Children[0].IsUsable);
        Assert.False(region.IsUsable(dts.Concept("Revenue")));
    }

    [Fact]
    public void Defaults_hold_for_the_whole_DTS_whatever_role_states_them()
    {
        var dts = Load();
        var model = DimensionalModel.Build(dts);

        Assert.Equal(2, model.Defaults.Count);
        Assert.Same(dts.Concept("RegionDomain"), model.DefaultOf(dts.Concept("RegionAxis")));
        Assert.Null(model.DefaultOf(dts.Concept("CustomerAxis")));
        var region = SalesTable(model).Dimensions[0];
        Assert.Same(dts.Concept("RegionDomain"), region.Default);
        Assert.True(region.Domains[0].IsDefault);
        Assert.DoesNotContain(region.Domains[0].Children, c => c.IsDefault);
    }

    [Fact]
    public void A_default_that_is_not_a_usable_member_of_the_domain_is_not_the_default_there()
    {
        var dts = LoadEdited(l => l.Replace(
            "xlink:from=\"regionAxis\" xlink:to=\"regionDomain\" order=\"1\" />\n    <link:definitionArc xlink:type=\"arc\" xlink:arcrole=\"http://xbrl.org/int/dim/arcrole/dimension-default\" xlink:from=\"productAxis\"",
            "xlink:from=\"regionAxis\" xlink:to=\"discontinued\" order=\"1\" />\n    <link:definitionArc xlink:type=\"arc\" xlink:arcrole=\"http://xbrl.org/int/dim/arcrole/dimension-default\" xlink:from=\"productAxis\"",
            StringComparison.Ordinal).Replace(
            "<link:loc xlink:type=\"locator\" xlink:href=\"ex.xsd#ex_RegionDomain\" xlink:label=\"regionDomain\" />\n    <link:loc xlink:type=\"locator\" xlink:href=\"ex.xsd#ex_ProductAxis\"",
            Loc("DiscontinuedRegionMember", "discontinued") + "\n    <link:loc xlink:type=\"locator\" xlink:href=\"ex.xsd#ex_ProductAxis\"",
            StringComparison.Ordinal));
        var model = DimensionalModel.Build(dts);
        var region = SalesTable(model).Dimensions[0];

        Assert.Empty(dts.Errors());
        Assert.Same(dts.Concept("DiscontinuedRegionMember"), model.DefaultOf(dts.Concept("RegionAxis")));
        Assert.Same(dts.Concept("DiscontinuedRegionMember"), region.DtsDefault);
        Assert.Null(region.Default);
        Assert.True(region.Domains[0].Children[2].IsDefault);
    }

    [Fact]
    public void Primary_items_inherit_the_hypercubes_of_their_ancestors_and_domain_members_do_not()
    {
        var dts = Load();
        var set = DimensionalModel.Build(dts).FindRelationshipSet(Sales)!;

        Assert.Equal(["SalesLineItems", "Revenue", "Cost"], set.PrimaryItems.Select(c => c.Name.LocalName));
        Assert.Equal(["SalesTable", "ExcludedTable"], set.HypercubesOf(dts.Concept("Revenue")).Select(h => h.Hypercube.Name.LocalName));
        Assert.Empty(set.HypercubesOf(dts.Concept("GermanyMember")));
        Assert.Equal(["Revenue", "Cost"], set.HasHypercubes[0].InheritingItems.Select(n => n.Concept.Name.LocalName));
    }

    [Fact]
    public void The_primary_items_of_a_set_built_on_first_use_agree_when_first_asked_from_many_threads()
    {
        var dts = Load();
        var revenue = dts.Concept("Revenue");
        var expected = DimensionalModel.Build(Load()).FindRelationshipSet(Sales)!;
        var expectedItems = expected.PrimaryItems.Select(c => c.Name.LocalName).ToArray();
        var expectedTables = expected.HypercubesOf(expected.PrimaryItems[1]).Select(h => h.Hypercube.Name.LocalName).ToArray();
        // A fresh model each round, its sets asked first by eight threads at once.
        for (var round = 0; round < 20; round++)
        {
            var set = DimensionalModel.Build(Load()).FindRelationshipSet(Sales)!;
            var seen = new string[8][];
            Parallel.For(0, 8, i =>
            {
                seen[i] = i % 2 == 0
                    ? set.PrimaryItems.Select(c => c.Name.LocalName).ToArray()
                    : set.HypercubesOf(set.PrimaryItems[1]).Select(h => h.Hypercube.Name.LocalName).ToArray();
            });
            for (var i = 0; i < 8; i++)
            {
                Assert.Equal(i % 2 == 0 ? expectedItems : expectedTables, seen[i]);
            }
        }
        Assert.Equal(["SalesTable", "ExcludedTable"], DimensionalModel.Build(dts).FindRelationshipSet(Sales)!.HypercubesOf(revenue).Select(h => h.Hypercube.Name.LocalName));
    }

    [Fact]
    public void Consecutive_relationships_are_not_looked_up_in_other_roles_without_a_target_role()
    {
        // Without its targetRole the all relationship looks for the sales table's dimensions in role Sales, where there are none.
        var dts = LoadEdited(l => l.Replace(" xbrldt:targetRole=\"http://example.com/role/SalesCube\"", "", StringComparison.Ordinal));
        var table = SalesTable(DimensionalModel.Build(dts));

        Assert.Empty(table.Dimensions);
        Assert.Empty(dts.Errors());
    }

    [Fact]
    public void Building_from_a_DTS_loaded_without_checks_gives_the_same_model()
    {
        var checkedModel = DimensionalModel.Build(Load());
        var plain = DimensionalModel.Build(Load(validate: false));

        Assert.Equal(
            checkedModel.RelationshipSets.SelectMany(s => s.HasHypercubes).SelectMany(h => h.Dimensions).Select(d => d.Dimension.PrefixedName + ":" + d.Members.Count),
            plain.RelationshipSets.SelectMany(s => s.HasHypercubes).SelectMany(h => h.Dimensions).Select(d => d.Dimension.PrefixedName + ":" + d.Members.Count));
        var customer = SalesTable(plain).Dimensions[1];
        Assert.Equal("CustomerId", customer.TypedDomain?.Name.LocalName);
    }

    [Fact]
    public void Finding_a_set_or_a_default_with_null_is_misuse()
    {
        var model = DimensionalModel.Build(Load());
        Assert.Throws<ArgumentNullException>(() => model.FindRelationshipSet(null!));
        Assert.Throws<ArgumentNullException>(() => model.DefaultOf(null!));
        Assert.Throws<ArgumentNullException>(() => DimensionalModel.Build(null!));
    }

    [Fact]
    public void A_pathologically_deep_domain_is_cut_short_with_a_warning_and_still_fully_checked()
    {
        const int depth = 3000;
        var chain = new System.Text.StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            chain.Append(System.Globalization.CultureInfo.InvariantCulture, $"<link:loc xlink:type=\"locator\" xlink:href=\"deep.xsd#deep_M{i}\" xlink:label=\"m{i}\" />");
            chain.Append(Arc("domain-member", i == 0 ? "americas" : "m" + (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "m" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        var dts = LoadEdited(l => AddToLink(l, Regions, chain.ToString()));
        var model = DimensionalModel.Build(dts);
        var region = SalesTable(model).Dimensions[0];

        Assert.Empty(dts.Errors());
        Assert.Contains(model.Diagnostics, d => d.Code == "edgar:dimensionTreeCut" && d.Severity == DiagnosticSeverity.Warning);
        Assert.Equal(5 + depth, region.Members.Count);
        var deepest = 0;
        void Depth(DomainMemberNode n, int level)
        {
            deepest = Math.Max(deepest, level);
            foreach (var c in n.Children)
            {
                Depth(c, level + 1);
            }
        }
        Depth(region.Domains[0], 1);
        Assert.InRange(deepest, 200, 300);
    }

    /// <summary>The seed alone in a folder, as a user would have it: no schema at all, so every role comes from the arcs.</summary>
    private static Dts SeedAlone()
    {
        var folder = Directory.CreateTempSubdirectory("edgarsharp-dims-seed-").FullName;
        File.Copy(Corpus.Sample("lpsn-20170331_def.xml"), Path.Combine(folder, "lpsn-20170331_def.xml"));
        return Dts.Load(folder);
    }

    [Fact]
    public void The_seed_alone_has_17_sets_in_52_roles_with_17_closed_segment_tables_over_12_hypercubes()
    {
        var dts = SeedAlone();
        var model = DimensionalModel.Build(dts);

        Assert.Empty(dts.Errors());
        Assert.Empty(model.Diagnostics);
        Assert.Equal(52, dts.LinkRoles().Count);
        Assert.Equal(17, model.RelationshipSets.Count);
        var hasHypercubes = model.RelationshipSets.SelectMany(s => s.HasHypercubes).ToList();
        Assert.Equal(17, hasHypercubes.Count);
        Assert.All(hasHypercubes, h =>
        {
            Assert.True(h.IsAll);
            Assert.True(h.IsClosed);
            Assert.Equal(HypercubeContextElement.Segment, h.ContextElement);
            Assert.False(h.PrimaryItem.IsDeclared);
            Assert.False(h.Hypercube.IsDeclared);
        });
        Assert.Equal(12, hasHypercubes.Select(h => h.Hypercube).Distinct().Count());
    }

    [Fact]
    public void The_seed_alone_has_24_axes_each_defaulting_to_its_domain()
    {
        var dts = SeedAlone();
        var model = DimensionalModel.Build(dts);
        var dimensions = model.RelationshipSets.SelectMany(s => s.HasHypercubes).SelectMany(h => h.Dimensions).ToList();

        Assert.Equal(34, dimensions.Count);
        Assert.Equal(24, dimensions.Select(d => d.Dimension).Distinct().Count());
        Assert.Equal(24, model.Defaults.Count);
        Assert.All(dimensions, d =>
        {
            Assert.False(d.IsTyped);
            var domain = Assert.Single(d.Domains);
            Assert.Same(domain.Concept, d.Default);
            Assert.True(domain.IsDefault);
            // The domain is the dimension-domain target, whatever its name (us-gaap:RangeAxis's is us-gaap:RangeMember).
            Assert.Equal(XbrlArcroles.DimensionDomain, domain.Relationship.Arcrole);
            Assert.Same(d.Dimension, domain.Relationship.From);
            Assert.All(d.Members, m => Assert.True(d.IsUsable(m)));
        });
    }

    [Fact]
    public void Every_domain_member_relationship_of_the_seed_is_in_a_tree()
    {
        // Each domain-member relationship of the seed is either under a line items concept or under a domain.
        var dts = SeedAlone();
        var model = DimensionalModel.Build(dts);
        var inTrees = new HashSet<Relationship>(ReferenceEqualityComparer.Instance);
        void Walk(IEnumerable<DomainMemberNode> nodes)
        {
            foreach (var n in nodes)
            {
                inTrees.Add(n.Relationship);
                Walk(n.Children);
            }
        }
        foreach (var h in model.RelationshipSets.SelectMany(s => s.HasHypercubes))
        {
            Walk(h.InheritingItems);
            foreach (var d in h.Dimensions)
            {
                Walk(d.Domains);
            }
        }
        var domainMember = dts.RelationshipSet(XbrlArcroles.DomainMember).Relationships;
        Assert.Equal(170, domainMember.Count);
        Assert.All(domainMember, r => Assert.Contains(r, inTrees));
    }
}

/// <summary>
/// The model the Dimensions checks build while a DTS loads is the one <see cref="DimensionalModel.Build"/> returns:
/// it must equal, part for part, a model built afresh from a DTS loaded without the checks.
/// </summary>
public class DimensionalModelReuseTests
{
    [Fact]
    public void The_model_built_while_loading_equals_one_built_afresh_on_the_fixture() =>
        Assert.Equal(Describe(DimensionalModel.Build(Load(validate: false))), Describe(DimensionalModel.Build(Load())));

    [Fact]
    public void The_model_built_while_loading_equals_one_built_afresh_on_the_seed()
    {
        var folder = Path.Combine(Path.GetTempPath(), "edgarsharp-tests-model-reuse-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        File.Copy(Corpus.Sample("lpsn-20170331_def.xml"), Path.Combine(folder, "lpsn-20170331_def.xml"), overwrite: true);
        var fresh = Describe(DimensionalModel.Build(Dts.Load(folder, new XbrlLoadOptions { Validate = false })));
        var reused = Describe(DimensionalModel.Build(Dts.Load(folder)));

        Assert.Equal(fresh, reused);
        Assert.Contains("has-hypercube", reused, StringComparison.Ordinal);
    }

    private static string Describe(DimensionalModel model)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var set in model.RelationshipSets)
        {
            sb.Append("set ").Append(set.LinkRole).Append(" items ").AppendJoin(',', set.PrimaryItems.Select(p => p.PrefixedName)).Append('\n');
            foreach (var h in set.HasHypercubes)
            {
                sb.Append(" has-hypercube ").Append(h.PrimaryItem.PrefixedName).Append(' ').Append(h.Hypercube.PrefixedName).Append(' ')
                  .Append(h.IsAll).Append(h.IsClosed).Append(h.ContextElement).Append(h.TargetRole).Append('\n');
                Nodes(sb, h.InheritingItems, "  item ");
                foreach (var d in h.Dimensions)
                {
                    sb.Append("  dimension ").Append(d.Dimension.PrefixedName).Append(' ').Append(d.IsTyped).Append(d.TypedDomain?.PrefixedName)
                      .Append(' ').Append(d.DomainRole).Append(" default ").Append(d.Default?.PrefixedName).Append(" members ")
                      .AppendJoin(',', d.Members.Select(m => m.PrefixedName + (d.IsUsable(m) ? "" : "!")).Order(StringComparer.Ordinal)).Append('\n');
                    Nodes(sb, d.Domains, "   ");
                }
            }
        }
        foreach (var (dimension, member) in model.Defaults.OrderBy(d => d.Key.PrefixedName, StringComparer.Ordinal))
        {
            sb.Append("default ").Append(dimension.PrefixedName).Append(' ').Append(member.PrefixedName).Append('\n');
        }
        foreach (var d in model.Diagnostics)
        {
            sb.Append(d).Append('\n');
        }
        return sb.ToString();
    }

    private static void Nodes(System.Text.StringBuilder sb, IReadOnlyList<DomainMemberNode> nodes, string indent)
    {
        foreach (var n in nodes)
        {
            sb.Append(indent).Append(n.Concept.PrefixedName).Append(n.IsUsable ? "" : " unusable").Append(n.IsDefault ? " default" : "").Append('\n');
            Nodes(sb, n.Children, indent + " ");
        }
    }
}
