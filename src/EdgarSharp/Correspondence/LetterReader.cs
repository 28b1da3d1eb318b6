using System.Text;
using EdgarSharp.Correspondence.Internal;
using EdgarSharp.Edgar;

namespace EdgarSharp.Correspondence;

/// <summary>
/// Reads one piece of SEC correspondence (a staff letter, a company response, ...) from plain or markdown-like text,
/// HTML (AngleSharp; an EDGAR <c>&lt;DOCUMENT&gt;</c> envelope is skipped), PDF (PdfPig: words into lines by
/// baseline; no OCR) or a whole EDGAR submission (the letter's PDF or HTML is taken out with
/// <see cref="SubmissionReader"/>, and a PDF is cross-checked against SEC's <c>TEXT-EXTRACT</c>). Running headers,
/// page numbers, confidential-treatment legends and their page codes are removed before the letter is segmented.
/// Never throws on bad input: an empty file, a PDF with no text layer, broken HTML or a letter without numbered
/// comments give a <see cref="Letter"/> with what could be read and a diagnostic (<c>letter:empty</c>,
/// <c>letter:no-text-layer</c>, <c>letter:unreadable-pdf</c>, <c>letter:no-comments</c>, ...). Cost: linear in the
/// text; a PDF costs its PdfPig parse (milliseconds a page).
/// </summary>
public static class LetterReader
{
    /// <summary>Reads a file, choosing the format from its content. Throws only the I/O exceptions of opening it.</summary>
    public static Letter ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(File.ReadAllBytes(path), path);
    }

    /// <summary>Reads bytes, choosing the format from the content: PDF, EDGAR submission, HTML or text.</summary>
    public static Letter Read(byte[] bytes, string document)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(document);
        return SniffFormat(bytes) switch
        {
            "pdf" => ReadPdf(bytes, document),
            "submission" => ReadSubmission(bytes, document),
            "html" => ReadHtml(Decode(bytes), document),
            _ => ReadText(Decode(bytes), document),
        };
    }

    /// <summary>Reads plain or markdown-like text (emphasis marks, escapes and heading marks are dropped).</summary>
    public static Letter ReadText(string text, string document = "text")
    {
        ArgumentNullException.ThrowIfNull(text);
        return LetterParser.Parse(document, "text", LineSources.FromText(text), 0, []);
    }

    /// <summary>Reads HTML; block elements become lines, bold or italic blocks count as emphasised (quoted comments).</summary>
    public static Letter ReadHtml(string html, string document = "html")
    {
        ArgumentNullException.ThrowIfNull(html);
        var diagnostics = new List<Diagnostic>();
        List<SourceLine> lines;
        try
        {
            lines = LineSources.FromHtml(html);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
        {
            diagnostics.Add(Diagnostic.Error("letter:unreadable-html", $"The HTML could not be parsed ({ex.Message}); check that the file is a complete HTML document.", new SourceLocation(document)));
            lines = [];
        }
        if (!html.Contains("</html>", StringComparison.OrdinalIgnoreCase) && html.Contains("<html", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(Diagnostic.Warning("letter:truncated-html", "The HTML document has no closing </html> tag; it may be truncated, and the end of the letter may be missing.", new SourceLocation(document)));
        }
        return LetterParser.Parse(document, "html", lines, 0, diagnostics);
    }

    /// <summary>Reads a PDF's text layer. A PDF without one (a scan) gives <c>letter:no-text-layer</c>: there is no OCR.</summary>
    public static Letter ReadPdf(byte[] pdf, string document = "pdf")
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var diagnostics = new List<Diagnostic>();
        var (lines, pages, withText) = ExtractPdf(pdf, document, diagnostics);
        if (pages > 0 && withText == 0)
        {
            diagnostics.Add(Diagnostic.Error("letter:no-text-layer", $"The PDF has {pages} page(s) and no text layer (a scanned image?); EdgarSharp does no OCR. Read the submission's TEXT-EXTRACT instead, or OCR the file first.", new SourceLocation(document)));
            return new Letter { Document = document, SourceFormat = "pdf", Pages = pages, Diagnostics = diagnostics };
        }
        if (pages > 0 && withText < pages)
        {
            diagnostics.Add(Diagnostic.Warning("letter:pages-without-text", $"{pages - withText} of {pages} pages have no text layer; their text is missing.", new SourceLocation(document)));
        }
        return diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)
            ? new Letter { Document = document, SourceFormat = "pdf", Pages = pages, Diagnostics = diagnostics }
            : LetterParser.Parse(document, "pdf", lines, pages, diagnostics);
    }

    /// <summary>The lines of a PDF's text layer (words grouped by baseline), for benchmarks and cross-checks.</summary>
    public static IReadOnlyList<string> PdfLines(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        return ExtractPdf(pdf, "pdf", []).Lines.Select(l => l.Text).ToList();
    }

    internal static (List<SourceLine> Lines, int Pages, int WithText) ExtractPdf(byte[] pdf, string document, List<Diagnostic> diagnostics)
    {
        try
        {
            return LineSources.FromPdf(pdf);
        }
#pragma warning disable CA1031 // PdfPig throws many exception types on damaged files; each is a diagnostic here.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            diagnostics.Add(Diagnostic.Error("letter:unreadable-pdf", $"The PDF could not be read ({ex.GetType().Name}: {ex.Message}); check that the file is a complete PDF.", new SourceLocation(document)));
            return ([], 0, 0);
        }
    }

    /// <summary>
    /// Reads an EDGAR submission (CORRESP or UPLOAD): the letter document (a PDF, often uuencoded, or HTML/text) is
    /// read; a PDF is cross-checked against the <c>TEXT-EXTRACT</c> document (<c>letter:text-extract-mismatch</c>
    /// when their words differ), and when the PDF has no text layer the extract is read instead, with a warning.
    /// </summary>
    public static Letter ReadSubmission(byte[] bytes, string document = "submission")
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var submission = SubmissionReader.Read(bytes, document);
        var docs = submission.Documents;
        var extract = docs.FirstOrDefault(d => string.Equals(d.Type, "TEXT-EXTRACT", StringComparison.OrdinalIgnoreCase));
        var main = docs.FirstOrDefault(d => !string.Equals(d.Type, "TEXT-EXTRACT", StringComparison.OrdinalIgnoreCase) && d.Content.Length > 0
            && (d.Content.Span.StartsWith("%PDF"u8) || (d.FileName ?? string.Empty).EndsWith(".pdf", StringComparison.OrdinalIgnoreCase)))
            ?? docs.FirstOrDefault(d => !string.Equals(d.Type, "TEXT-EXTRACT", StringComparison.OrdinalIgnoreCase) && d.Content.Length > 0);
        var extra = submission.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Letter letter;
        if (main is null && extract is null)
        {
            return new Letter
            {
                Document = document,
                SourceFormat = "submission",
                Diagnostics = [.. extra, Diagnostic.Error("letter:no-letter-document", "The submission holds no document to read as a letter.", new SourceLocation(document))],
            };
        }
        var name = $"{document}#{main?.FileName ?? main?.Type ?? "TEXT-EXTRACT"}";
        if (main is not null && SniffFormat(main.Content.Span) == "pdf")
        {
            letter = ReadPdf(main.Content.ToArray(), name);
            if (extract is not null)
            {
                var extractText = Decode(extract.Content.ToArray());
                if (letter.Diagnostics.Any(d => d.Code is "letter:no-text-layer" or "letter:unreadable-pdf"))
                {
                    var fromExtract = ReadText(extractText, $"{document}#TEXT-EXTRACT");
                    letter = fromExtract with
                    {
                        Diagnostics = [.. letter.Diagnostics.Select(d => d with { Severity = DiagnosticSeverity.Warning }), .. fromExtract.Diagnostics,
                            Diagnostic.Warning("letter:read-from-text-extract", "The letter's PDF has no readable text; it was read from SEC's TEXT-EXTRACT instead.", new SourceLocation(document))],
                    };
                }
                else
                {
                    var similarity = TokenSimilarity.Dice(letter.Body, extractText);
                    if (similarity < 0.6)
                    {
                        letter = letter with { Diagnostics = [.. letter.Diagnostics, Diagnostic.Warning("letter:text-extract-mismatch", $"The PDF's words and SEC's TEXT-EXTRACT agree only {similarity:P0}; the text layer may be incomplete.", new SourceLocation(document))] };
                    }
                }
            }
        }
        else if (main is not null)
        {
            var text = Decode(main.Content.ToArray());
            letter = SniffFormat(main.Content.Span) == "html" ? ReadHtml(text, name) : ReadText(text, name);
        }
        else
        {
            letter = ReadText(Decode(extract!.Content.ToArray()), $"{document}#TEXT-EXTRACT");
        }
        return letter with { SourceFormat = "submission", Diagnostics = [.. extra, .. letter.Diagnostics] };
    }

    private static string SniffFormat(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 4096)];
        var start = head.TrimStart(" \t\r\n\uFEFF"u8);
        if (start.StartsWith("%PDF"u8) || head.IndexOf("%PDF-"u8) is >= 0 and < 1024)
        {
            return "pdf";
        }
        var text = Encoding.Latin1.GetString(head);
        var isHtml = text.Contains("<html", StringComparison.OrdinalIgnoreCase) || text.Contains("<body", StringComparison.OrdinalIgnoreCase)
            || text.Contains("<p", StringComparison.OrdinalIgnoreCase) && text.Contains("</p>", StringComparison.OrdinalIgnoreCase)
            || text.Contains("<div", StringComparison.OrdinalIgnoreCase);
        if (text.Contains("<SEC-DOCUMENT>", StringComparison.Ordinal) || text.Contains("<SEC-HEADER>", StringComparison.Ordinal) || text.Contains("<SUBMISSION>", StringComparison.Ordinal)
            || text.Contains("-----BEGIN PRIVACY-ENHANCED MESSAGE-----", StringComparison.Ordinal))
        {
            return "submission";
        }
        if (text.TrimStart().StartsWith("<DOCUMENT>", StringComparison.Ordinal) && !isHtml)
        {
            return "submission";
        }
        return isHtml ? "html" : "text";
    }

    private static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }
}
