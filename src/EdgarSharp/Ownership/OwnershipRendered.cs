using EdgarSharp.Ownership.Internal;

namespace EdgarSharp.Ownership;

/// <summary>
/// Reads Forms 3, 4 and 5 from renderings: EDGAR's HTML rendering of the XML (read by the table headers, so a
/// missing column is an error and the others are still read), a PDF rendering (the words and their positions, read
/// with PdfPig, laid out as lines of cells) and text extracted from a PDF (cells separated by tabs, columns
/// scrambled, numbers split). In extracted text the form's arithmetic decides between readings: the amount, code
/// and price of each row, the holdings after it, and the derivative securities left after an exercise. Footnote
/// marks (1), (2) are read as ids <c>F1</c>, <c>F2</c>. The result names what was inferred
/// (<see cref="OwnershipDocument.Inferred"/>) and what the rendering cannot show
/// (<see cref="OwnershipDocument.NotShown"/>). Never throws for bad input; the checks run after reading unless
/// <see cref="OwnershipReadOptions.Check"/> is false.
/// </summary>
public static class OwnershipRendered
{
    /// <summary>Fields that no rendering shows: the schema's bookkeeping and codes the XSL style sheets drop.</summary>
    public static IReadOnlyList<string> NeverShown { get; } =
    [
        "schemaVersion",
        "reportingOwnerId.rptOwnerCcc",
        "reportingOwnerAddress.rptOwnerStateDescription",
        "transactionCoding.transactionFormType",
        "transactionCoding.equitySwapInvolved (shown only when true)",
        "notSubjectToSection16 (a box, shown only when checked)",
        "footnote ids as written (rendered as (1), (2), ...; read back as F1, F2, ...)",
        "empty elements (an empty element and an absent one render alike)",
    ];

    /// <summary>Fields that text extracted from a PDF cannot show, beside <see cref="NeverShown"/>.</summary>
    public static IReadOnlyList<string> NotShownInText { get; } =
    [
        "issuer.issuerCik",
        "reportingOwnerId.rptOwnerCik",
        "reportingOwnerAddress.rptOwnerStreet2",
        "reportingOwnerRelationship boxes when the check marks are lost (officer inferred from the title)",
        "transactionTimeliness",
        "aff10b5One (the box is a check mark)",
    ];

    /// <summary>Fields that EDGAR's HTML rendering cannot show, beside <see cref="NeverShown"/>.</summary>
    public static IReadOnlyList<string> NotShownInHtml { get; } =
    [
        "transactionTimeliness L (late; only E shows, as the V column)",
        "the relationship and the Form 5 boxes as written (an unchecked box renders the same for 0 and absent)",
        "valueOwnedFollowingTransaction, transactionTotalValue, underlyingSecurityValue (they share their columns with the share counts)",
        "the relationships of the second and later reporting owners",
    ];

    /// <summary>Reads EDGAR's HTML rendering of a form; <paramref name="document"/> names it in diagnostics.</summary>
    public static OwnershipReadResult ReadHtml(string html, string document, OwnershipReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(document);
        options ??= OwnershipReadOptions.Default;
        var diagnostics = new DiagnosticBag();
        var source = new OwnershipSource(document, OwnershipSourceFormat.Html, options.AccessionNumber, options.FilingDate);
        var model = RenderedHtmlParser.Parse(html, source, diagnostics) with { NotShown = [.. NeverShown, .. NotShownInHtml] };
        if (options.Check)
        {
            OwnershipChecks.Run(model, diagnostics);
        }
        return new OwnershipReadResult(model, diagnostics.ToList());
    }

    /// <summary>
    /// Reads a PDF rendering: its words, laid out as lines of cells by position, are read like extracted text.
    /// A PDF that cannot be opened is an error diagnostic, not an exception.
    /// </summary>
    public static OwnershipReadResult ReadPdf(byte[] pdf, string document, OwnershipReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(document);
        string text;
        try
        {
            text = PdfText.Extract(pdf);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var source = new OwnershipSource(document, OwnershipSourceFormat.Pdf, options?.AccessionNumber, options?.FilingDate);
            return new OwnershipReadResult(new OwnershipDocument { Source = source },
                [Diagnostic.Error(OwnershipDiagnosticCodes.UnreadableRendering, $"The PDF cannot be read ({ex.Message}); nothing was read.", new SourceLocation(document))]);
        }
        return ReadText(text, document, OwnershipSourceFormat.Pdf, options);
    }

    /// <summary>The text lines (cells separated by tabs) that <see cref="ReadPdf"/> reads from a PDF rendering.</summary>
    /// <exception cref="InvalidOperationException">The PDF cannot be opened.</exception>
    public static string ExtractPdfText(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        try
        {
            return PdfText.Extract(pdf);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not InvalidOperationException)
        {
            throw new InvalidOperationException($"The PDF cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>Reads text extracted from a PDF rendering; <paramref name="document"/> names it in diagnostics.</summary>
    public static OwnershipReadResult ReadText(string text, string document, OwnershipReadOptions? options = null) =>
        ReadText(text, document, OwnershipSourceFormat.Text, options);

    internal static OwnershipReadResult ReadText(string text, string document, OwnershipSourceFormat format, OwnershipReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(document);
        options ??= OwnershipReadOptions.Default;
        var diagnostics = new DiagnosticBag();
        var source = new OwnershipSource(document, format, options.AccessionNumber, options.FilingDate);
        var (model, _) = RenderedTextParser.Parse(text, source, diagnostics);
        model = model with { NotShown = [.. NeverShown, .. NotShownInText] };
        if (options.Check)
        {
            OwnershipChecks.Run(model, diagnostics);
        }
        return new OwnershipReadResult(model, diagnostics.ToList());
    }
}
