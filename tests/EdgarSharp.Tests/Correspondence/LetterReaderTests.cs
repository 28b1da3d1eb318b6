using EdgarSharp.Correspondence;
using EdgarSharp.Tests.Support;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace EdgarSharp.Tests.Correspondence;

/// <summary><see cref="LetterReader"/> on a staff letter in text, the same letter as a PDF, and EDGAR submissions.</summary>
public class LetterReaderTests
{
    private static string Fixture(string name) => Corpus.Fixture(Path.Combine("Correspondence", name));

    [Fact]
    public void A_staff_letter_is_split_into_its_comments_with_headings_and_pages()
    {
        var letter = LetterReader.ReadFile(Fixture("staff-letter.txt"));

        Assert.Equal(LetterKind.StaffCommentLetter, letter.Kind);
        Assert.Equal(LetterSide.Staff, letter.Side);
        Assert.Equal(new DateOnly(2020, 6, 1), letter.Date);
        Assert.Equal("Example Holdings Corp.", letter.Company);
        Assert.Equal("John Doe", letter.Addressee?.Name);
        Assert.Equal("Mary Roe", letter.Sender?.Name);
        Assert.Equal([1, 2, 3], letter.Comments.Select(c => c.Number));
        Assert.Equal(["Management's Discussion and Analysis"], letter.Comments[0].Headings);
        Assert.Equal(30, letter.Comments[0].Page);
        Assert.True(letter.Comments[1].HeadingInherited);
        Assert.Equal(["Notes to Consolidated Financial Statements", "Note 4. Revenue"], letter.Comments[2].Headings);
        Assert.Equal(12, letter.Comments[2].Page);
    }

    [Fact]
    public void The_running_header_and_the_closing_paragraphs_are_not_in_any_comment()
    {
        var letter = LetterReader.ReadFile(Fixture("staff-letter.txt"));

        Assert.All(letter.Comments, c =>
        {
            Assert.DoesNotContain("Page 2", c.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("John Doe", c.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("We remind you", c.Text, StringComparison.Ordinal);
            Assert.Null(c.Response);
        });
        Assert.EndsWith("Rule 13a-15(e) under the Exchange Act.", letter.Comments[2].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pdf_letter_is_read_by_baseline_into_the_same_comments()
    {
        var text = File.ReadAllLines(Fixture("staff-letter.txt"));
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.Letter);
        double y = 740;
        foreach (var line in text)
        {
            if (y < 60 || line == "John Doe" && y < 500)
            {
                page = builder.AddPage(PageSize.Letter);
                y = 740;
            }
            if (line.Length > 0)
            {
                // Two words set as separate runs on one baseline are one line.
                var cut = line.IndexOf(' ', StringComparison.Ordinal);
                if (cut > 0)
                {
                    page.AddText(line[..cut], 10, new PdfPoint(50, y), font);
                    page.AddText(line[(cut + 1)..], 10, new PdfPoint(50 + (cut + 1) * 6.2, y), font);
                }
                else
                {
                    page.AddText(line, 10, new PdfPoint(50, y), font);
                }
            }
            y -= 14;
        }

        var letter = LetterReader.ReadPdf(builder.Build(), "staff-letter.pdf");

        Assert.Equal(2, letter.Pages);
        Assert.Equal(LetterKind.StaffCommentLetter, letter.Kind);
        Assert.Equal([1, 2, 3], letter.Comments.Select(c => c.Number));
        Assert.All(letter.Comments, c => Assert.DoesNotContain("Page 2", c.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Pdf_lines_keep_words_of_one_baseline_together()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.Letter);
        page.AddText("second", 10, new PdfPoint(120, 700), font);
        page.AddText("first", 10, new PdfPoint(50, 700), font);
        page.AddText("below", 10, new PdfPoint(50, 686), font);

        var lines = LetterReader.PdfLines(builder.Build()).Where(l => l.Length > 0).ToList();

        Assert.Equal(["first second", "below"], lines);
    }

    [Fact]
    public void An_upload_submission_is_read_from_its_pdf_and_cross_checked_with_the_text_extract()
    {
        var path = Corpus.RequireCorpus(Path.Combine("correspondence", "edgartools", "0000000000-24-003505.txt"));

        var letter = LetterReader.ReadFile(path);

        Assert.Equal("submission", letter.SourceFormat);
        Assert.Equal(LetterSide.Staff, letter.Side);
        Assert.NotNull(letter.Date);
        Assert.DoesNotContain(letter.Diagnostics, d => d.Code == "letter:text-extract-mismatch");
    }

    [Fact]
    public void A_corresp_submission_is_read_from_its_document()
    {
        var path = Corpus.RequireCorpus(Path.Combine("correspondence", "edgartools", "0000065873-05-000060.txt"));

        var letter = LetterReader.ReadFile(path);

        Assert.Equal("submission", letter.SourceFormat);
        Assert.Equal(LetterSide.Company, letter.Side);
        Assert.NotNull(letter.Date);
    }

    private static string Uuencode(byte[] data, string name)
    {
        var sb = new System.Text.StringBuilder($"begin 644 {name}\n");
        static char C(int v) => v == 0 ? '`' : (char)(32 + v);
        for (var i = 0; i < data.Length; i += 45)
        {
            var n = Math.Min(45, data.Length - i);
            sb.Append(C(n));
            for (var j = 0; j < n; j += 3)
            {
                int b0 = data[i + j], b1 = j + 1 < n ? data[i + j + 1] : 0, b2 = j + 2 < n ? data[i + j + 2] : 0;
                sb.Append(C(b0 >> 2)).Append(C(((b0 << 4) | (b1 >> 4)) & 63)).Append(C(((b1 << 2) | (b2 >> 6)) & 63)).Append(C(b2 & 63));
            }
            sb.Append('\n');
        }
        return sb.Append("`\nend\n").ToString();
    }

    [Fact]
    public void An_upload_whose_pdf_has_no_text_layer_is_read_from_its_text_extract_with_a_warning()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.Letter);
        var extract = File.ReadAllText(Fixture("staff-letter.txt"));
        var submission = "<SEC-DOCUMENT>0000000000-20-000001.txt : 20200601\n<SEC-HEADER>0000000000-20-000001.hdr.sgml : 20200601\n"
            + "ACCESSION NUMBER:\t\t0000000000-20-000001\nCONFORMED SUBMISSION TYPE:\tUPLOAD\nPUBLIC DOCUMENT COUNT:\t\t2\n</SEC-HEADER>\n"
            + "<DOCUMENT>\n<TYPE>LETTER\n<SEQUENCE>1\n<FILENAME>filename1.pdf\n<TEXT>\n" + Uuencode(builder.Build(), "filename1.pdf") + "</TEXT>\n</DOCUMENT>\n"
            + "<DOCUMENT>\n<TYPE>TEXT-EXTRACT\n<SEQUENCE>2\n<FILENAME>filename2.txt\n<TEXT>\n" + extract + "</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n";

        var letter = LetterReader.Read(System.Text.Encoding.UTF8.GetBytes(submission), "upload.txt");

        Assert.Equal("submission", letter.SourceFormat);
        Assert.Contains(letter.Diagnostics, d => d.Code == "letter:read-from-text-extract" && d.Severity == DiagnosticSeverity.Warning);
        Assert.Contains(letter.Diagnostics, d => d.Code == "letter:no-text-layer" && d.Severity == DiagnosticSeverity.Warning);
        Assert.Equal([1, 2, 3], letter.Comments.Select(c => c.Number));
    }
}
