using EdgarSharp.Documents.Internal;

namespace EdgarSharp.Documents;

/// <summary>
/// Decides what a document is from its content, never from its file name. It reads only the head of the document
/// (<see cref="DefaultHeadLength"/> bytes; for a zip also its central directory), decodes it (UTF-8 with or without
/// a byte order mark, UTF-16 with or without one, Latin-1 when not UTF-8), skips leading white space, then looks for,
/// in order: binary signatures (PDF, zip, images, gzip, OLE2), EDGAR submission tags, JSON, EDGAR's
/// <c>&lt;XML&gt;</c> block (the wrapped document decides), markup (read with a safe
/// <see cref="System.Xml.XmlReader"/> that ignores DOCTYPEs and resolves nothing, up to the root element; linkbases
/// also have their extended links scanned), EDGAR index preambles; what is left is text, or other when binary.
/// Bad input (empty, truncated, malformed, binary) never throws: it yields a kind and, where useful, a diagnostic.
/// Only I/O failures throw. Thread-safe; each call costs one pass over at most the head.
/// </summary>
public static class DocumentKindDetector
{
    /// <summary>The number of leading bytes read by default: 64 KiB.</summary>
    public const int DefaultHeadLength = 64 * 1024;

    /// <summary>What may come before a document's first signature: white space, a stray byte order mark, NBSP.</summary>
    private const string LeadingSpace = " \t\r\n\f\v\uFEFF\u00A0";

    /// <summary>
    /// Detects the kind of a document from its first bytes. Pass <paramref name="isWholeDocument"/> true when
    /// <paramref name="head"/> is the entire document (default false: it is a prefix): then an early end is
    /// reported as truncation and a zip's central directory is read. At most <see cref="DefaultHeadLength"/> bytes
    /// are decoded whatever the length of <paramref name="head"/>.
    /// </summary>
    /// <param name="head">The document's first bytes, or all of them.</param>
    /// <param name="isWholeDocument">True when <paramref name="head"/> holds the entire document.</param>
    /// <param name="document">The document's name for diagnostics; defaults to <c>(bytes)</c>.</param>
    public static DocumentKindResult Detect(ReadOnlySpan<byte> head, bool isWholeDocument = false, string? document = null)
    {
        var name = document ?? "(bytes)";
        if (ZipSniffer.IsZip(head) && isWholeDocument)
        {
            using var memory = new MemoryStream(head.ToArray(), writable: false);
            return ZipSniffer.FromArchive(memory, new DetectionContext(name, true), head[..Math.Min(head.Length, DefaultHeadLength)]);
        }
        if (head.Length > DefaultHeadLength)
        {
            head = head[..DefaultHeadLength];
            isWholeDocument = false;
        }
        return DetectHead(head, new DetectionContext(name, isWholeDocument));
    }

    /// <summary>
    /// Detects the kind of the document in <paramref name="stream"/>, reading at most <paramref name="headLength"/>
    /// bytes from its current position (plus, for a zip in a seekable stream, its central directory). The stream is
    /// left open and its position is unspecified afterwards.
    /// </summary>
    /// <param name="stream">A readable stream positioned at the start of the document.</param>
    /// <param name="document">The document's name for diagnostics; defaults to <c>(stream)</c>.</param>
    /// <param name="headLength">How many bytes to read at most; default <see cref="DefaultHeadLength"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="headLength"/> is less than 1 or not less than <see cref="Array.MaxLength"/>.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static DocumentKindResult Detect(Stream stream, string? document = null, int headLength = DefaultHeadLength)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(headLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(headLength, Array.MaxLength - 1);
        var start = stream.CanSeek ? stream.Position : 0;
        // One byte more than the head tells whether the head is the whole document.
        var buffer = new byte[headLength + 1];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var isWhole = read <= headLength;
        var head = buffer.AsSpan(0, Math.Min(read, headLength));
        var context = new DetectionContext(document ?? "(stream)", isWhole);
        if (ZipSniffer.IsZip(head) && stream.CanSeek)
        {
            stream.Position = start;
            return ZipSniffer.FromArchive(stream, context, head);
        }
        return DetectHead(head, context);
    }

    /// <summary>Detects the kind of the file at <paramref name="path"/>, reading only its head (see <see cref="Detect(Stream, string?, int)"/>).</summary>
    /// <param name="path">The file's path; it names the document in diagnostics.</param>
    /// <param name="headLength">How many bytes to read at most; default <see cref="DefaultHeadLength"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be opened or read (missing, a directory, no permission).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static DocumentKindResult DetectFile(string path, int headLength = DefaultHeadLength)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096);
        return Detect(stream, path, headLength);
    }

    private static DocumentKindResult DetectHead(ReadOnlySpan<byte> head, DetectionContext context)
    {
        if (head.IsEmpty)
        {
            context.Diagnostics.Warning(DetectionCodes.Empty, "The document is empty; there is nothing to read.", context.At());
            return context.Result(DocumentKind.Other, "empty");
        }
        if (ZipSniffer.IsZip(head))
        {
            return ZipSniffer.FromHead(head, context);
        }
        if (BinarySignature(head, context) is { } binary)
        {
            return binary;
        }

        var decoded = HeadDecoder.Decode(head, context.IsWholeDocument);
        if (decoded.IsBinary)
        {
            return context.Result(DocumentKind.Other, "binary");
        }
        var text = decoded.Text.AsSpan().TrimStart(LeadingSpace);
        if (text.IsEmpty)
        {
            return context.Result(DocumentKind.Text, "blank");
        }
        if (text.StartsWith("%PDF-", StringComparison.Ordinal))
        {
            return context.Result(DocumentKind.Pdf, PdfVersion(text));
        }
        if (TextSniffer.Submission(text, context) is { } submission)
        {
            return submission;
        }
        if (text[0] is '{' or '[')
        {
            return JsonSniffer.Sniff(text.ToString(), context);
        }
        if (text.StartsWith("<XML>", StringComparison.Ordinal))
        {
            // EDGAR wraps an XML document inside a submission in <XML>...</XML>: the kind is the wrapped document's.
            var inner = text["<XML>".Length..].TrimStart(LeadingSpace);
            if (!inner.IsEmpty && inner[0] == '<')
            {
                var wrapped = XmlSniffer.Sniff(inner.ToString(), context);
                return wrapped with { Detail = $"XML: {wrapped.Detail}" };
            }
        }
        if (text[0] == '<')
        {
            var markup = XmlSniffer.Sniff(text.ToString(), context);
            // EDGAR's HTML rendering of a Form 3, 4 or 5 (its title and statement heading name it).
            return markup.Kind == DocumentKind.Html && TextSniffer.OwnershipForm(text) is { } rendered
                ? markup with { Kind = DocumentKind.OwnershipRendering, Detail = $"html: {rendered}" }
                : markup;
        }
        if (TextSniffer.Index(text, context) is { } index)
        {
            return index;
        }
        if (TextSniffer.OwnershipForm(text) is { } form)
        {
            // A Form 3, 4 or 5 as text extracted from a PDF of the form.
            return context.Result(DocumentKind.OwnershipRendering, $"text: {form}");
        }
        if (CommentLetter(text) is { } letter)
        {
            return context.Result(DocumentKind.CommentLetter, letter);
        }
        return context.Result(DocumentKind.Text, decoded.EncodingName);
    }

    /// <summary>
    /// SEC correspondence in text: a line starting <c>Re:</c> followed by a salutation line, with the SEC named before
    /// the <c>Re:</c> line (the addressee: to the SEC) or at the top (the letterhead: from the SEC); null otherwise.
    /// </summary>
    private static string? CommentLetter(ReadOnlySpan<char> text)
    {
        var s = text.ToString();
        var lines = s.Split('\n', 80);
        var re = Array.FindIndex(lines, l => l.TrimStart().StartsWith("Re:", StringComparison.OrdinalIgnoreCase) || l.TrimStart().StartsWith("**Re:", StringComparison.OrdinalIgnoreCase));
        if (re < 0 || !lines.Skip(re).Take(15).Any(l => l.TrimStart().StartsWith("Dear ", StringComparison.Ordinal) || l.TrimStart().StartsWith("Ladies and Gentlemen", StringComparison.Ordinal)))
        {
            return null;
        }
        var top = lines.Take(Math.Min(4, re)).Any(l => l.Contains("SECURITIES AND EXCHANGE COMMISSION", StringComparison.OrdinalIgnoreCase));
        var named = lines.Take(re).Any(l => l.Contains("Securities and Exchange Commission", StringComparison.OrdinalIgnoreCase) || l.Contains("Division of Corporation Finance", StringComparison.OrdinalIgnoreCase));
        return top ? "from the SEC" : named ? "to the SEC" : null;
    }

    /// <summary>Formats named by their first bytes: PDF (anywhere in the first KiB, as readers allow), gzip, OLE2, images.</summary>
    private static DocumentKindResult? BinarySignature(ReadOnlySpan<byte> head, DetectionContext context)
    {
        var pdf = head[..Math.Min(head.Length, 1024)].IndexOf("%PDF-"u8);
        if (pdf >= 0)
        {
            var version = head[pdf..Math.Min(head.Length, pdf + 8)];
            return context.Result(DocumentKind.Pdf, PdfVersion(System.Text.Encoding.Latin1.GetString(version)));
        }
        string? format = head switch
        {
            [0x1F, 0x8B, ..] => "gzip",
            [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, ..] => "ole2",
            [0xFF, 0xD8, 0xFF, ..] => "jpeg",
            [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "png",
            [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => "gif",
            _ => null,
        };
        return format is null ? null : context.Result(DocumentKind.Other, format);
    }

    private static string PdfVersion(ReadOnlySpan<char> text)
    {
        // "%PDF-1.5": keep "PDF-" and the version digits.
        var end = 5;
        while (end < text.Length && end < 9 && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
        {
            end++;
        }
        return end > 5 ? text[1..end].ToString() : "PDF";
    }
}
