using EdgarSharp.Correspondence;
using EdgarSharp.Tests.Support;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Writer;

namespace EdgarSharp.Tests.Correspondence;

/// <summary>Bad input to <see cref="LetterReader"/>: each gives a clear diagnostic and a letter, never an exception.</summary>
public class LetterBadInputTests
{
    private static string Fixture(string name) => Corpus.Fixture(Path.Combine("Correspondence", name));

    [Fact]
    public void An_empty_file_gives_letter_empty_and_no_comments()
    {
        var letter = LetterReader.ReadFile(Fixture("empty.txt"));

        Assert.Contains(letter.Diagnostics, d => d.Code == "letter:empty" && d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(letter.Comments);
        Assert.Equal(LetterKind.Other, letter.Kind);
    }

    [Fact]
    public void An_officers_certification_with_numbered_paragraphs_is_not_taken_for_a_comment_letter()
    {
        // Exhibit 31 of a periodic report: numbered paragraphs, no SEC addressee; EDGAR filing folders hold them beside letters.
        var letter = LetterReader.ReadFile(Fixture("certification-exhibit-31.htm"));

        Assert.Equal(LetterKind.Other, letter.Kind);
    }

    [Fact]
    public void A_letter_with_no_numbered_comments_is_classified_and_says_it_has_none()
    {
        var letter = LetterReader.ReadFile(Fixture("no-comments.txt"));

        Assert.Empty(letter.Comments);
        Assert.Equal(LetterSide.Company, letter.Side);
        Assert.Equal(new DateOnly(2021, 3, 3), letter.Date);
        Assert.Equal("001-12345", letter.FileNumber);
        Assert.Contains(letter.Diagnostics, d => d.Code == "letter:no-comments");
    }

    [Fact]
    public void A_pdf_with_a_blank_page_and_no_text_layer_gives_letter_no_text_layer()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.Letter);
        var pdf = builder.Build();

        var letter = LetterReader.ReadPdf(pdf, "scan.pdf");

        var d = Assert.Single(letter.Diagnostics, x => x.Code == "letter:no-text-layer");
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Contains("OCR", d.Message, StringComparison.Ordinal);
        Assert.Equal(1, letter.Pages);
        Assert.Empty(letter.Comments);
    }

    [Fact]
    public void Bytes_that_are_not_a_pdf_after_the_signature_give_letter_unreadable_pdf()
    {
        var letter = LetterReader.Read("%PDF-1.7\n garbage with no objects"u8.ToArray(), "broken.pdf");

        Assert.Contains(letter.Diagnostics, d => d.Code is "letter:unreadable-pdf" or "letter:no-text-layer");
        Assert.Empty(letter.Comments);
    }

    [Fact]
    public void Broken_html_is_read_as_far_as_it_goes_with_a_warning()
    {
        var letter = LetterReader.ReadFile(Fixture("broken.htm"));

        Assert.Equal("html", letter.SourceFormat);
        Assert.Contains(letter.Diagnostics, d => d.Code == "letter:truncated-html");
        Assert.Equal(new DateOnly(2021, 3, 3), letter.Date);
    }

    [Fact]
    public void A_submission_with_no_documents_gives_letter_no_letter_document()
    {
        var letter = LetterReader.ReadSubmission("<SEC-DOCUMENT>0000000000-24-000001.txt : 20240101\n<SEC-HEADER>\n</SEC-HEADER>\n</SEC-DOCUMENT>\n"u8.ToArray(), "empty-submission.txt");

        Assert.Contains(letter.Diagnostics, d => d.Code == "letter:no-letter-document");
    }
}
