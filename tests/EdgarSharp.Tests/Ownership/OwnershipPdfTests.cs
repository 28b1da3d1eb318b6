using EdgarSharp.Ownership;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Ownership;

/// <summary>
/// <see cref="OwnershipRendered.ReadPdf"/> on PDFs we build ourselves in the layout of the SEC's Form 4 (numbers too
/// wide for their column wrap, as on the printed form), and the text extracted from them read again with
/// <see cref="OwnershipRendered.ReadText"/>: both give the model of the XML the PDF was drawn from.
/// </summary>
public class OwnershipPdfTests
{
    private static OwnershipDocument Fixture() => OwnershipXml.Read(Corpus.Fixture("Ownership/form4-exercise-and-sale.xml")).Document;

    [Fact]
    public void A_PDF_of_the_form_gives_the_model_it_was_drawn_from()
    {
        var xml = Fixture();
        var pdf = OwnershipPdfFixture.Build(xml);

        var result = OwnershipRendered.ReadPdf(pdf, "form4.pdf");

        Assert.Equal(OwnershipSourceFormat.Pdf, result.Document.Source.Format);
        { var diffs = Twins.Differences(xml, result.Document, textRendering: true); Assert.True(diffs.Count == 0, string.Join("\n", diffs)); }
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Contains(result.Diagnostics, d => d.Code == OwnershipDiagnosticCodes.HoldingsChainHolds);
    }

    [Fact]
    public void The_text_extracted_from_the_PDF_splits_wide_numbers_and_still_reads_back_to_the_same_model()
    {
        var xml = Fixture();
        var text = OwnershipRendered.ExtractPdfText(OwnershipPdfFixture.Build(xml));
        var folder = Directory.CreateTempSubdirectory("edgarsharp-pdf-");
        try
        {
            var path = Path.Combine(folder.FullName, "form4.txt");
            File.WriteAllText(path, text);

            var result = OwnershipReader.Read(path);

            // The holdings of 271,250.5 wrap in their narrow column: the text holds them in two pieces.
            Assert.Contains("271,25\t0.5(1)", text, StringComparison.Ordinal);
            Assert.Equal(OwnershipSourceFormat.Text, result.Document.Source.Format);
            { var diffs = Twins.Differences(xml, result.Document, textRendering: true); Assert.True(diffs.Count == 0, string.Join("\n", diffs)); }
            Assert.Equal(271250.5m, result.Document.NonDerivativeTable![0].SharesOwnedFollowing.Value);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_file_that_is_not_a_PDF_gives_an_error_not_an_exception()
    {
        var result = OwnershipRendered.ReadPdf("%PDF-1.7 not really"u8.ToArray(), "broken.pdf");

        Assert.True(result.HasErrors);
        Assert.Equal(OwnershipDiagnosticCodes.UnreadableRendering, result.Diagnostics[0].Code);
    }
}
