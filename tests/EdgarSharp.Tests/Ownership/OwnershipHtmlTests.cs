using EdgarSharp.Ownership;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Ownership;

/// <summary>
/// <see cref="OwnershipRendered.ReadHtml"/> on EDGAR's HTML renderings: each rendering with an XML twin gives the
/// same model as the XML on every field the rendering shows, and names the fields it cannot show.
/// </summary>
public class OwnershipHtmlTests
{
    public static TheoryData<string> CorpusTwins() => ["374WaterForm4", "form3.snow", "form5.snow"];

    [Theory]
    [MemberData(nameof(CorpusTwins))]
    public void A_corpus_rendering_gives_the_same_model_as_its_XML_on_every_field_it_shows(string name)
    {
        var html = Corpus.RequireCorpus($"ownership-text/edgartools/{name}.html");
        var xml = Corpus.RequireCorpus($"ownership-xml/edgartools/{name}.xml");

        var fromXml = OwnershipXml.Read(xml).Document;
        var fromHtml = OwnershipRendered.ReadHtml(File.ReadAllText(html), html);

        { var diffs = Twins.Differences(fromXml, fromHtml.Document); Assert.True(diffs.Count == 0, string.Join("\n", diffs)); }
        Assert.DoesNotContain(fromHtml.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("schemaVersion", fromHtml.Document.NotShown);
        Assert.Contains(fromHtml.Document.NotShown, f => f.StartsWith("transactionTimeliness", StringComparison.Ordinal));
    }

    [Fact]
    public void The_comparison_names_each_field_that_differs()
    {
        var xml = OwnershipXml.Read(Corpus.Fixture("Ownership/form4-exercise-and-sale.xml")).Document;
        var changed = xml with
        {
            Issuer = xml.Issuer with { TradingSymbol = "XXXX" },
            NonDerivativeTable = [xml.NonDerivativeTable![0] with { Shares = Footnoted<decimal>.Of(1251m) }, .. xml.NonDerivativeTable.Skip(1)],
        };

        var diffs = Twins.Differences(xml, changed);

        Assert.Equal(2, diffs.Count);
        Assert.Contains(diffs, d => d.StartsWith("issuer.issuerTradingSymbol", StringComparison.Ordinal));
        Assert.Contains(diffs, d => d.StartsWith("nonDerivativeTable[0].transactionShares:", StringComparison.Ordinal));
    }

    [Fact]
    public void Our_own_rendering_gives_the_same_model_as_its_XML_with_fractions_footnotes_and_a_holding()
    {
        var fromXml = OwnershipXml.Read(Corpus.Fixture("Ownership/form4-exercise-and-sale.xml")).Document;
        var result = OwnershipRendered.ReadHtml(File.ReadAllText(Corpus.Fixture("Ownership/form4-exercise-and-sale.html")), "form4-exercise-and-sale.html");

        { var diffs = Twins.Differences(fromXml, result.Document); Assert.True(diffs.Count == 0, string.Join("\n", diffs)); }
        var rows = result.Document.NonDerivativeTable!;
        Assert.Equal(271250.5m, rows[0].SharesOwnedFollowing.Value);
        Assert.True(rows[2].IsHolding);
        Assert.Equal(["F4"], rows[2].NatureOfOwnership.FootnoteIds);
        Assert.True(result.Document.DerivativeTable![0].ExerciseDate.IsFootnoteOnly);
        Assert.True(result.Document.Aff10b5One);
        Assert.Contains(result.Diagnostics, d => d.Code == OwnershipDiagnosticCodes.HoldingsChainHolds);
    }

    [Fact]
    public void A_rendering_with_a_missing_column_gives_the_other_columns_and_an_error_at_the_table()
    {
        var path = Corpus.Fixture("Ownership/form4-missing-price-column.html");

        var result = OwnershipRendered.ReadHtml(File.ReadAllText(path), path);

        var error = Assert.Single(result.Diagnostics, d => d.Code == OwnershipDiagnosticCodes.MissingColumn);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("Price", error.Message, StringComparison.Ordinal);
        Assert.True(error.Location!.Value.Line > 0);
        var rows = result.Document.NonDerivativeTable!;
        Assert.Equal(3, rows.Count);
        Assert.Equal(1250m, rows[1].Shares.Value);
        Assert.Equal(270000.5m, rows[1].SharesOwnedFollowing.Value);
        Assert.False(rows[1].PricePerShare.IsPresent);
        Assert.Equal("S", rows[1].Coding?.Code);
    }

    [Fact]
    public void A_joint_filing_lists_each_reporting_owner_once()
    {
        var path = Corpus.RequireCorpus("ownership-text/edgartools/form3.BAMPartners.html");

        var result = OwnershipRendered.ReadHtml(File.ReadAllText(path), path);

        Assert.True(result.Document.ReportingOwners.Count > 5);
        Assert.Equal(result.Document.ReportingOwners.Count, result.Document.ReportingOwners.Select(o => o.Cik).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("0001001085", result.Document.ReportingOwners[0].Cik);
        Assert.Equal("3", result.Document.DocumentType);
        Assert.Equal(101158891m, result.Document.NonDerivativeTable![0].SharesOwnedFollowing.Value);
        Assert.Equal(["F2", "F3"], result.Document.NonDerivativeTable[0].NatureOfOwnership.FootnoteIds);
    }

    [Fact]
    public void A_form_4_without_an_XML_twin_reads_without_errors()
    {
        var path = Corpus.RequireCorpus("ownership-text/edgartools/form4.Evans.html");

        var result = OwnershipRendered.ReadHtml(File.ReadAllText(path), path);

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal("SULLIVAN NORA B", result.Document.ReportingOwners[0].Name);
        Assert.Equal("0000842518", result.Document.Issuer.Cik);
        Assert.NotEmpty(result.Document.NonDerivativeTable!);
    }
}
