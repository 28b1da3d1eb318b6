using EdgarSharp.Documents;

namespace EdgarSharp.Ownership;

/// <summary>
/// Reads a Form 3, 4 or 5 from a file of any supported kind, decided from its content
/// (<see cref="DocumentKindDetector"/>): ownershipDocument XML (standalone or in an EDGAR submission), EDGAR's HTML
/// rendering, a PDF rendering, or text extracted from a PDF. Bad content is diagnostics; only I/O failures throw.
/// </summary>
public static class OwnershipReader
{
    /// <summary>True when <paramref name="kind"/> is a kind this reader reads as a form (it may still find no form in it).</summary>
    public static bool CanRead(DocumentKindResult kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return kind.Kind is DocumentKind.OwnershipXml or DocumentKind.OwnershipRendering or DocumentKind.Html or DocumentKind.Pdf
            or DocumentKind.Text or DocumentKind.EdgarSubmission;
    }

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static OwnershipReadResult Read(string path, OwnershipReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = File.ReadAllBytes(path);
        return Read(bytes, path, options);
    }

    /// <summary>Reads a document held in memory; <paramref name="document"/> names it in diagnostics.</summary>
    public static OwnershipReadResult Read(byte[] content, string document, OwnershipReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var kind = DocumentKindDetector.Detect(content, isWholeDocument: true, document);
        var format = kind.Kind switch
        {
            DocumentKind.Pdf => OwnershipSourceFormat.Pdf,
            DocumentKind.Html => OwnershipSourceFormat.Html,
            DocumentKind.OwnershipRendering when kind.Detail.StartsWith("html", StringComparison.Ordinal) => OwnershipSourceFormat.Html,
            DocumentKind.OwnershipRendering or DocumentKind.Text => OwnershipSourceFormat.Text,
            _ => OwnershipSourceFormat.Xml,
        };
        return format switch
        {
            OwnershipSourceFormat.Pdf => OwnershipRendered.ReadPdf(content, document, options),
            OwnershipSourceFormat.Html => OwnershipRendered.ReadHtml(Decode(content), document, options),
            OwnershipSourceFormat.Text => OwnershipRendered.ReadText(Decode(content), document, options),
            _ => OwnershipXml.Read(content, document, options),
        };
    }

    private static string Decode(byte[] content)
    {
        try
        {
            return new System.Text.UTF8Encoding(false, true).GetString(content).TrimStart('\uFEFF');
        }
        catch (System.Text.DecoderFallbackException)
        {
            return System.Text.Encoding.Latin1.GetString(content);
        }
    }
}
