using EdgarSharp.Documents;
using EdgarSharp.Ownership;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Ownership;

/// <summary><see cref="OwnershipReader"/>: the kind decides the reader, never the file name.</summary>
public class OwnershipReaderTests
{
    private static string Fixture(string name) => Corpus.Fixture(Path.Combine("Ownership", name));

    public static TheoryData<string, OwnershipSourceFormat> Shapes() => new()
    {
        { "form4-exercise-and-sale.xml", OwnershipSourceFormat.Xml },
        { "submission-0009990002-24-000001.txt", OwnershipSourceFormat.Xml },
        { "form4-exercise-and-sale.html", OwnershipSourceFormat.Html },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Each_shape_is_read_by_its_reader_whatever_the_file_is_called(string name, OwnershipSourceFormat format)
    {
        var bytes = File.ReadAllBytes(Fixture(name));

        var result = OwnershipReader.Read(bytes, "no-extension");

        Assert.Equal(format, result.Document.Source.Format);
        Assert.Equal("DOE JANE Q", result.Document.ReportingOwners[0].Name);
        Assert.Equal(25.1234m, result.Document.NonDerivativeTable![1].PricePerShare.Value);
    }

    [Fact]
    public void The_seed_is_detected_as_a_rendered_form_and_read_as_extracted_text()
    {
        var kind = DocumentKindDetector.DetectFile(Corpus.Sample("lpsn-form4-2009-11-19.txt"));
        Assert.Equal(DocumentKind.OwnershipRendering, kind.Kind);
        Assert.Equal("text: form 4", kind.Detail);
        Assert.True(OwnershipReader.CanRead(kind));

        var result = OwnershipReader.Read(Corpus.Sample("lpsn-form4-2009-11-19.txt"));

        Assert.Equal(OwnershipSourceFormat.Text, result.Document.Source.Format);
        Assert.Equal("BIXBY TIMOTHY E", result.Document.ReportingOwners[0].Name);
    }

    [Fact]
    public void A_PDF_is_read_as_a_PDF_rendering()
    {
        var xml = OwnershipXml.Read(Fixture("form4-exercise-and-sale.xml")).Document;

        var result = OwnershipReader.Read(OwnershipPdfFixture.Build(xml), "form");

        Assert.Equal(OwnershipSourceFormat.Pdf, result.Document.Source.Format);
        Assert.Equal("EXWG", result.Document.Issuer.TradingSymbol);
    }

    [Fact]
    public void Options_carry_the_accession_number_and_filing_date_into_the_source()
    {
        var result = OwnershipReader.Read(Fixture("form4-exercise-and-sale.xml"), new OwnershipReadOptions { AccessionNumber = "0009990002-24-000001", FilingDate = new DateOnly(2024, 3, 15) });

        Assert.Equal("0009990002-24-000001", result.Document.Source.AccessionNumber);
        Assert.Equal(new DateOnly(2024, 3, 15), result.Document.Source.FilingDate);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == OwnershipDiagnosticCodes.LateFiling);
    }
}
