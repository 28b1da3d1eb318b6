using System.Globalization;
using EdgarSharp.Ownership;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Ownership;

/// <summary><see cref="OwnershipXml"/>: what the reader keeps, and what it does with bad input (never an exception).</summary>
public class OwnershipXmlTests
{
    private static string Fixture(string name) => Corpus.Fixture(Path.Combine("Ownership", name));

    private static OwnershipReadResult Read(string name) => OwnershipXml.Read(Fixture(name));

    [Fact]
    public void Shares_and_prices_keep_every_fraction_digit()
    {
        var d = Read("form4-exercise-and-sale.xml").Document;
        Assert.Equal(271250.5m, d.NonDerivativeTable![0].SharesOwnedFollowing.Value);
        Assert.Equal(25.1234m, d.NonDerivativeTable[1].PricePerShare.Value);
        Assert.Equal("25.1234", d.NonDerivativeTable[1].PricePerShare.Text);
    }

    [Fact]
    public void A_corpus_value_written_with_a_trailing_zero_keeps_its_scale()
    {
        var d = OwnershipXml.Read(Corpus.RequireCorpus("ownership-xml/edgartools/form3.snow.xml")).Document;
        var shares = d.DerivativeTable!.Select(r => r.UnderlyingSecurityShares.Value).First(v => v == 134018m);
        Assert.Equal("134018.0", shares!.Value.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_price_that_is_only_a_footnote_is_kept_as_a_footnote_with_no_value()
    {
        var d = OwnershipXml.Read(Corpus.RequireCorpus("ownership-xml/extracted-from-submissions/0001158463-25-000044.xml")).Document;
        var price = d.Rows.Select(r => r.PricePerShare).First(p => p.IsFootnoteOnly);
        Assert.Null(price.Value);
        Assert.NotEmpty(price.FootnoteIds);
        Assert.True(price.IsPresent);
    }

    [Fact]
    public void Footnotes_attach_to_the_exact_field_they_qualify()
    {
        var d = Read("form4-exercise-and-sale.xml").Document;
        var sale = d.NonDerivativeTable![1];
        Assert.Equal(["F2"], sale.Coding!.FootnoteIds);
        Assert.Equal(["F3"], sale.PricePerShare.FootnoteIds);
        Assert.Empty(sale.Shares.FootnoteIds);
        Assert.Equal(["F1"], sale.SharesOwnedFollowing.FootnoteIds);
        Assert.Equal(["F4"], d.NonDerivativeTable[2].NatureOfOwnership.FootnoteIds);
        Assert.Empty(d.NonDerivativeTable[2].DirectOrIndirect.FootnoteIds);
        Assert.True(d.DerivativeTable![0].ExerciseDate.IsFootnoteOnly);
    }

    [Fact]
    public void Every_SEC_transaction_code_is_decoded()
    {
        Assert.Equal(20, OwnershipCodes.TransactionCodes.Count);
        Assert.All(OwnershipCodes.TransactionCodes, c => Assert.False(string.IsNullOrEmpty(OwnershipCodes.DescribeTransaction(c))));
        Assert.Null(OwnershipCodes.DescribeTransaction("Q"));
        var d = Read("form4-exercise-and-sale.xml").Document;
        Assert.StartsWith("Exercise or conversion of derivative security", d.NonDerivativeTable![0].TransactionDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void An_amendment_is_linked_to_the_original_and_leaves_it_unchanged()
    {
        var original = Read("form4-exercise-and-sale.xml").Document;
        var amendment = Read("form4-amendment.xml").Document;

        Assert.True(amendment.IsAmendment);
        Assert.Equal("4", amendment.FormType);
        Assert.Equal(new DateOnly(2024, 3, 15), amendment.DateOfOriginalSubmission);
        Assert.True(amendment.Amends(original));
        Assert.False(original.Amends(amendment));
        Assert.Equal(25.1234m, original.NonDerivativeTable![1].PricePerShare.Value);
        Assert.Equal(25.1243m, amendment.NonDerivativeTable![1].PricePerShare.Value);
    }

    [Fact]
    public void Form_3_with_no_securities_owned_and_form_5_flags_are_read()
    {
        var form3 = OwnershipXml.Read(Corpus.RequireCorpus("ownership-xml/edgartools/form3.nosecurities.xml")).Document;
        Assert.True(form3.NoSecuritiesOwned);
        var form5 = OwnershipXml.Read(Corpus.RequireCorpus("ownership-xml/edgartools/form5.snow.xml")).Document;
        Assert.False(form5.Form3HoldingsReported);
        Assert.False(form5.Form4TransactionsReported);
        Assert.Equal("5", form5.FormType);
    }

    [Fact]
    public void Several_reporting_owners_are_kept_in_order()
    {
        var d = OwnershipXml.Read(Corpus.RequireCorpus("ownership-xml/extracted-from-submissions/0001493152-25-009612.xml")).Document;
        Assert.Equal(8, d.ReportingOwners.Count);
        Assert.All(d.ReportingOwners, o => Assert.False(string.IsNullOrEmpty(o.Cik)));
    }

    [Fact]
    public void The_XML_block_of_an_EDGAR_submission_reads_like_the_standalone_document_with_the_submission_line_numbers()
    {
        var standalone = Read("form4-exercise-and-sale.xml");
        var inSubmission = Read("submission-0009990002-24-000001.txt");

        Assert.Empty(Twins.Differences(standalone.Document, inSubmission.Document));
        Assert.Equal(OwnershipXml.Write(standalone.Document), OwnershipXml.Write(inSubmission.Document));
        Assert.Equal(standalone.Document.NonDerivativeTable![0].Location!.Value.Line + 11, inSubmission.Document.NonDerivativeTable![0].Location!.Value.Line);
    }

    [Fact]
    public void A_corpus_submission_gives_the_same_form_as_its_extracted_XML_block()
    {
        var submission = OwnershipXml.Read(Corpus.RequireCorpus("submissions/edgar-app/0001610717-23-000035.txt")).Document;
        var extracted = OwnershipXml.Read(Corpus.RequireCorpus("ownership-xml/extracted-from-submissions/0001610717-23-000035.xml")).Document;
        Assert.Equal(OwnershipXml.Write(extracted), OwnershipXml.Write(submission));
    }

    [Fact]
    public void Truncated_XML_gives_what_was_read_and_an_error_with_its_location()
    {
        var result = Read("bad-truncated.xml");

        var error = Assert.Single(result.Diagnostics, d => d.Code == OwnershipDiagnosticCodes.MalformedXml);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.True(error.Location!.Value.Line > 60);
        Assert.Equal("Example Widgets Inc.", result.Document.Issuer.Name);
        Assert.Equal("DOE JANE Q", result.Document.ReportingOwners[0].Name);
    }

    [Fact]
    public void An_unknown_schema_version_in_the_X02_to_X05_range_is_read_by_element_name_with_a_warning()
    {
        var result = Read("version-x0409.xml");

        var warning = Assert.Single(result.Diagnostics, d => d.Code == OwnershipDiagnosticCodes.UnknownSchemaVersion);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.False(result.HasErrors);
        Assert.Equal(3, result.Document.NonDerivativeTable!.Count);
    }

    [Fact]
    public void A_schema_version_outside_the_range_is_an_error_with_its_location_and_the_form_is_still_read()
    {
        var result = Read("bad-version-x0999.xml");

        var error = Assert.Single(result.Diagnostics, d => d.Code == OwnershipDiagnosticCodes.UnsupportedSchemaVersion);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(3, error.Location!.Value.Line);
        Assert.Equal(3, result.Document.NonDerivativeTable!.Count);
    }

    [Fact]
    public void A_non_numeric_amount_keeps_its_text_and_is_an_error_at_its_line()
    {
        var result = Read("bad-non-numeric-amount.xml");

        var error = Assert.Single(result.Diagnostics, d => d.Code == OwnershipDiagnosticCodes.BadNumber);
        Assert.Equal(64, error.Location!.Value.Line);
        var shares = result.Document.NonDerivativeTable![1].Shares;
        Assert.Null(shares.Value);
        Assert.Equal("1,25O", shares.Text);
        Assert.Equal(270000.5m, result.Document.NonDerivativeTable[1].SharesOwnedFollowing.Value);
    }

    [Fact]
    public void A_reference_to_a_missing_footnote_is_an_error_at_the_row_and_the_reference_is_kept()
    {
        var result = Read("bad-missing-footnote.xml");

        var error = Assert.Single(result.Diagnostics, d => d.Code == OwnershipDiagnosticCodes.MissingFootnote);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Contains("F9", error.Message, StringComparison.Ordinal);
        Assert.Equal(result.Document.NonDerivativeTable![2].Location, error.Location);
        Assert.Equal(["F9"], result.Document.NonDerivativeTable[2].NatureOfOwnership.FootnoteIds);
    }

    [Fact]
    public void An_unknown_element_is_skipped_with_a_warning()
    {
        var result = Read("with-unknown-element.xml");

        var warning = Assert.Single(result.Diagnostics, d => d.Code == OwnershipDiagnosticCodes.UnknownElement);
        Assert.Contains("extraThing", warning.Message, StringComparison.Ordinal);
        Assert.Equal("Example remarks for the rendered-form tests.", result.Document.Remarks);
    }

    [Fact]
    public void Input_that_is_not_XML_at_all_is_an_error_not_an_exception()
    {
        var result = OwnershipXml.ReadString("this is not xml", "junk.txt");
        Assert.True(result.HasErrors);
        var other = OwnershipXml.ReadString("<xbrl/>", "other.xml");
        Assert.Equal(OwnershipDiagnosticCodes.NotOwnershipDocument, other.Diagnostics[0].Code);
        Assert.Throws<ArgumentNullException>(() => OwnershipXml.Read((byte[])null!, "x"));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    [InlineData("fr-FR")]
    public void Reading_and_writing_do_not_depend_on_the_culture(string culture)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            var d = Read("form4-exercise-and-sale.xml").Document;
            Assert.Equal(25.1234m, d.NonDerivativeTable![1].PricePerShare.Value);
            Assert.Equal(new DateOnly(2030, 1, 15), d.DerivativeTable![0].ExpirationDate.Value);
            var written = OwnershipXml.Write(d);
            Assert.Contains("<value>25.1234</value>", written, StringComparison.Ordinal);
            Assert.Contains("<value>271250.5</value>", written, StringComparison.Ordinal);
            Assert.Contains("<value>2030-01-15</value>", written, StringComparison.Ordinal);
            var seed = OwnershipRendered.ReadText(File.ReadAllText(Corpus.Sample("lpsn-form4-2009-11-19.txt")), "seed");
            Assert.Equal(6.5m, seed.Document.NonDerivativeTable![2].PricePerShare.Value);
            Assert.Equal(311159m, seed.Document.NonDerivativeTable[1].SharesOwnedFollowing.Value);
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = saved;
        }
    }
}
