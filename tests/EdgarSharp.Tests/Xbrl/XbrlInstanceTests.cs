using System.Globalization;
using EdgarSharp.Tests.Support;
using EdgarSharp.Xbrl;

namespace EdgarSharp.Tests.Xbrl;

/// <summary>Reading instances: contexts, units, facts with lexical and typed values, tuples, footnotes, and bad input.</summary>
public class XbrlInstanceTests
{
    private static XbrlInstance Load(string fixture) => XbrlInstance.Load(Corpus.Fixture(Path.Combine("Instance", fixture)));

    private static Diagnostic SingleError(XbrlInstance instance, string code)
    {
        var error = Assert.Single(instance.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Code == code);
        Assert.True(error.Location is { Line: > 0, Column: > 0 }, $"No line and column: {error}");
        return error;
    }

    [Fact]
    public void A_valid_instance_gives_every_fact_with_its_lexical_and_typed_value()
    {
        var instance = Load("good.xml");
        Assert.DoesNotContain(instance.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(4, instance.Contexts.Count);
        Assert.Equal(4, instance.Units.Count);
        var facts = instance.AllFacts().ToList();
        Assert.Equal(8, facts.Count);

        var revenue = facts.Single(f => f.Id == "r1");
        Assert.Equal("co:Revenue", revenue.PrefixedName);
        Assert.Equal(1234567000m, revenue.DecimalValue);
        Assert.Equal("-3", revenue.Decimals);
        Assert.Equal("2023-01-01/2023-12-31", revenue.Context!.Period.ToString());

        var retail = facts.Single(f => f.Id == "r2");
        Assert.Equal(1000.25m, retail.DecimalValue);
        var member = Assert.Single(retail.Context!.Dimensions);
        Assert.Equal("SegmentAxis", member.Dimension.LocalName);
        Assert.Equal("RetailMember", member.Member!.Value.LocalName);

        var cash = facts.First(f => f.Name.LocalName == "Cash");
        Assert.Equal("  42.50  ", cash.Lexical);
        Assert.Equal(42.50m, cash.DecimalValue);
        Assert.True(facts.Last(f => f.Name.LocalName == "Cash").IsNil);

        var ratio = facts.Single(f => f.Name.LocalName == "Ratio");
        Assert.Null(ratio.DecimalValue);
        Assert.Equal(0.015, ratio.DoubleValue);

        Assert.Equal(1234.5678m, facts.Single(f => f.Name.LocalName == "Shares").DecimalValue);
        Assert.Equal("iso4217:USD/xbrli:shares", instance.Units.Single(u => u.Id == "USDPerShare").ToString());

        var officer = facts.Single(f => f.IsTuple);
        var name = Assert.Single(officer.Children);
        Assert.Equal("Jane Doe", name.Lexical);
        Assert.Same(officer, name.Parent);

        var footnote = Assert.Single(instance.Footnotes);
        Assert.Equal(["r2"], footnote.FactIds);
        Assert.Equal("Retail includes franchise stores.", footnote.Text);
    }

    [Fact]
    public void A_date_only_instant_is_the_end_of_that_day()
    {
        var instance = Load("good.xml");
        var endOf2023 = instance.Contexts.Single(c => c.Id == "End2023").Period;
        var startOf2024 = instance.Contexts.Single(c => c.Id == "Start2024").Period;
        Assert.True(endOf2023.PeriodEquals(startOf2024));
        Assert.Equal("2023-12-31", startOf2024.ToString());
        Assert.True(XbrlDate.TryParse("2009-12-31", out var d));
        Assert.True(XbrlDate.TryParse("2010-01-01T00:00:00", out var dt));
        Assert.Equal(d.AsEnd, dt.AsEnd);
        Assert.True(d.IsDateOnly);
        Assert.False(dt.IsDateOnly);
    }

    [Fact]
    public void Units_are_equal_as_sets_of_measures()
    {
        var a = new XbrlUnit { Id = "a", Numerators = [new QName("x", "m"), new QName("x", "n")] };
        var b = new XbrlUnit { Id = "b", Numerators = [new QName("x", "n"), new QName("x", "m")] };
        var c = new XbrlUnit { Id = "c", Numerators = [new QName("x", "m")], Denominators = [new QName("x", "n")] };
        Assert.True(a.UnitEquals(b));
        Assert.False(a.UnitEquals(c));
    }

    [Fact]
    public void A_context_with_a_repeated_dimension_is_an_error()
    {
        var error = SingleError(Load("repeated_dimension.xml"), "xbrldie:RepeatedDimensionInInstanceError");
        Assert.Equal(10, error.Location!.Value.Line);
    }

    [Fact]
    public void A_malformed_number_is_an_error_at_the_fact()
    {
        var instance = Load("malformed_number.xml");
        var error = SingleError(instance, "sche:XmlSchemaError");
        Assert.Contains("1,234,567 thousand", error.Message, StringComparison.Ordinal);
        Assert.Equal(27, error.Location!.Value.Line);
        Assert.Equal(8, instance.AllFacts().Count());
    }

    [Fact]
    public void A_unit_that_does_not_exist_is_an_error()
    {
        var error = SingleError(Load("missing_unit.xml"), "xbrl.4.6.2");
        Assert.Contains("'euros'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fact_for_an_undefined_concept_is_an_error_when_its_schema_was_read()
    {
        var error = SingleError(Load("undefined_concept.xml"), "sche:XmlSchemaError");
        Assert.Contains("co:Profitability", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_xml_keeps_the_facts_before_the_break()
    {
        var instance = Load("truncated.xml");
        var error = SingleError(instance, "xml:notWellFormed");
        Assert.Equal(31, error.Location!.Value.Line);
        Assert.Equal(4, instance.AllFacts().Count());
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void Values_do_not_depend_on_the_culture(string culture)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo(culture);
            var facts = Load("good.xml").AllFacts().ToList();
            Assert.Equal(1000.25m, facts.Single(f => f.Id == "r2").DecimalValue);
            Assert.Equal(0.015, facts.Single(f => f.Name.LocalName == "Ratio").DoubleValue);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void The_aapl_10k_2023_instance_reads_offline_with_its_balance_sheet_values()
    {
        var folder = Corpus.RequireCorpus("xbrl-filings/edgartools/aapl_10k_2023");
        var instance = XbrlInstance.Load(folder);
        Assert.DoesNotContain(instance.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var incomplete = Assert.Single(instance.Diagnostics, d => d.Code == "edgar:incompleteDts");
        Assert.Contains("http://fasb.org/us-gaap/2023", incomplete.Message, StringComparison.Ordinal);
        var text = File.ReadAllText(Path.Combine(folder, "aapl-20230930_htm.xml"));
        Assert.Equal(System.Text.RegularExpressions.Regex.Matches(text, "contextRef=").Count, instance.AllFacts().Count());
        var assets = instance.AllFacts().Where(f => f.PrefixedName == "us-gaap:Assets" && f.Context!.Dimensions.Count == 0)
            .ToDictionary(f => f.Context!.Period.ToString(), f => f.DecimalValue);
        Assert.Equal(352583000000m, assets["2023-09-30"]);
        Assert.Equal(352755000000m, assets["2022-09-24"]);
    }

    [Fact]
    public void Every_instance_of_the_corpus_loads_with_located_diagnostics_only()
    {
        var roots = new[] { Corpus.RequireCorpus("xbrl-filings"), Corpus.RequireCorpus("ixbrl") };
        var instances = roots.SelectMany(r => Directory.EnumerateFiles(r, "*.xml", SearchOption.AllDirectories))
            .Where(f => EdgarSharp.Documents.DocumentKindDetector.DetectFile(f).Kind == EdgarSharp.Documents.DocumentKind.XbrlInstance).ToList();
        Assert.True(instances.Count >= 15, $"Only {instances.Count} instances found.");
        foreach (var file in instances)
        {
            var instance = XbrlInstance.Load(file);
            Assert.NotEmpty(instance.Facts);
            Assert.All(instance.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error), d => Assert.NotNull(d.Location));
        }
    }

    [Fact]
    public void An_attribute_declared_only_in_a_schema_the_instance_hints_at_is_validated_by_that_declaration()
    {
        // The schemas come from the fixture's own cache (a stand-in instance schema): the DTS is complete, so the
        // instance is validated; n:level is declared xs:integer in notes.xsd, which only the xsi:schemaLocation names.
        var catalog = new TaxonomyCatalog();
        catalog.AddCacheFolder(Corpus.Fixture(Path.Combine("Instance", "hints", "cache")));
        var options = new XbrlLoadOptions { Catalog = catalog };

        var hinted = XbrlInstance.Load(Corpus.Fixture(Path.Combine("Instance", "hints", "with_hint.xml")), options);
        var error = SingleError(hinted, "sche:XmlSchemaError");
        Assert.Contains("level", error.Message, StringComparison.Ordinal);
        Assert.Equal(9, error.Location!.Value.Line);

        var unhinted = XbrlInstance.Load(Corpus.Fixture(Path.Combine("Instance", "hints", "without_hint.xml")), options);
        Assert.DoesNotContain(unhinted.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }
}

/// <summary>An instance read from bytes that are not a file of their own.</summary>
public class XbrlInstanceFromBytesTests
{
    [Fact]
    public void An_instance_read_from_bytes_resolves_its_schema_beside_the_path_it_belongs_to()
    {
        var path = Corpus.Fixture("Instance/good.xml");
        var fromBytes = XbrlInstance.Load(File.ReadAllBytes(path), path);
        var fromFile = XbrlInstance.Load(path);
        Assert.Equal(fromFile.AllFacts().Select(f => f.ToString()), fromBytes.AllFacts().Select(f => f.ToString()));
        Assert.Equal(fromFile.Diagnostics.Select(d => d.ToString()), fromBytes.Diagnostics.Select(d => d.ToString()));
        Assert.True(fromBytes.AllFacts().First().Concept!.IsDeclared);
    }

    /// <summary>
    /// The QNames of members and measures resolve against the namespaces in scope on their own element (declared there,
    /// on the context, or on the root), read by the fast reader or (a DOCTYPE sends the document there) by System.Xml's.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Member_and_measure_QNames_resolve_against_the_namespaces_of_their_element(bool systemXml)
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            DOCTYPE
            <xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink"
                xmlns:co="http://example.com/co" xmlns:xbrldi="http://xbrl.org/2006/xbrldi" xmlns:m="http://example.com/outer">
              <link:schemaRef xlink:type="simple" xlink:href="company.xsd"/>
              <xbrli:context id="local" xmlns:d="http://example.com/co">
                <xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0001234567</xbrli:identifier>
                  <xbrli:segment><xbrldi:explicitMember dimension="d:SegmentAxis" xmlns:m="http://example.com/co">m:RetailMember</xbrldi:explicitMember></xbrli:segment></xbrli:entity>
                <xbrli:period><xbrli:instant>2023-12-31</xbrli:instant></xbrli:period>
              </xbrli:context>
              <xbrli:context id="outer">
                <xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0001234567</xbrli:identifier>
                  <xbrli:segment><xbrldi:explicitMember dimension="co:SegmentAxis">m:RetailMember</xbrldi:explicitMember></xbrli:segment></xbrli:entity>
                <xbrli:period><xbrli:instant>2023-12-31</xbrli:instant></xbrli:period>
              </xbrli:context>
              <xbrli:unit id="EUR"><xbrli:measure xmlns:cur="http://www.xbrl.org/2003/iso4217">cur:EUR</xbrli:measure></xbrli:unit>
              <co:Cash contextRef="local" unitRef="EUR" decimals="0">1</co:Cash>
              <co:Cash contextRef="outer" unitRef="EUR" decimals="0">2</co:Cash>
            </xbrli:xbrl>
            """;
        var path = Path.Combine(Path.GetDirectoryName(Corpus.Fixture("Instance/good.xml"))!, "scoped_prefixes.xml");
        var document = xml.Replace("DOCTYPE", systemXml ? "<!DOCTYPE xbrli:xbrl>" : "", StringComparison.Ordinal);
        var instance = XbrlInstance.Load(System.Text.Encoding.UTF8.GetBytes(document), path, new XbrlLoadOptions { Validate = false });
        var local = Assert.Single(instance.Contexts.Single(c => c.Id == "local").Dimensions);
        Assert.Equal(new QName("http://example.com/co", "SegmentAxis"), local.Dimension);
        Assert.Equal(new QName("http://example.com/co", "RetailMember"), local.Member);
        var outer = Assert.Single(instance.Contexts.Single(c => c.Id == "outer").Dimensions);
        Assert.Equal(new QName("http://example.com/outer", "RetailMember"), outer.Member);
        Assert.Equal([new QName("http://www.xbrl.org/2003/iso4217", "EUR")], instance.Units.Single().Numerators);
        Assert.DoesNotContain(instance.Diagnostics, d => d.Message.Contains("undeclared prefix", StringComparison.Ordinal));
    }
}
