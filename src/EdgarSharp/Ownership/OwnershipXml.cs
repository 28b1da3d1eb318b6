using EdgarSharp.Internal;
using EdgarSharp.Ownership.Internal;

namespace EdgarSharp.Ownership;

/// <summary>What a reader is told beside the document: what the caller knows about the filing, and whether to check it.</summary>
public sealed record OwnershipReadOptions
{
    /// <summary>The accession number, when known (printed in TSV output); default none.</summary>
    public string? AccessionNumber { get; init; }

    /// <summary>The filing date, when known; the late-filing check runs only with it. Default none.</summary>
    public DateOnly? FilingDate { get; init; }

    /// <summary>Whether to run <see cref="OwnershipChecks"/> after reading (default true).</summary>
    public bool Check { get; init; } = true;

    /// <summary>The defaults.</summary>
    public static OwnershipReadOptions Default { get; } = new();
}

/// <summary>
/// Reads and writes EDGAR's ownershipDocument XML (Forms 3, 4 and 5 and their amendments). Schema versions X0206,
/// X0306, X0407 and X0508 are read exactly; any other X02nn to X05nn by element name with a warning; other
/// versions by element name with an error. The input may be a standalone document or an EDGAR submission holding
/// the document in an <c>&lt;XML&gt;</c> block (then line numbers are the submission's). Bad input (truncated or
/// malformed XML, unknown elements, values that do not parse) never throws: the result holds what could be read and
/// an error diagnostic with its location. DOCTYPEs are ignored and nothing is resolved. One forward pass with an
/// <see cref="System.Xml.XmlReader"/>; thread-safe.
/// </summary>
public static class OwnershipXml
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static OwnershipReadResult Read(string path, OwnershipReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Read(File.ReadAllBytes(path), path, options);
    }

    /// <summary>Reads a document held in memory; <paramref name="document"/> names it in diagnostics.</summary>
    public static OwnershipReadResult Read(byte[] content, string document, OwnershipReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(document);
        options ??= OwnershipReadOptions.Default;
        var source = new OwnershipSource(document, OwnershipSourceFormat.Xml, options.AccessionNumber, options.FilingDate);
        var diagnostics = new DiagnosticBag();
        var start = 0;
        var length = content.Length;
        var lineOffset = 0;
        if (SubmissionXmlBlock.TryFind(content, out var blockStart, out var blockLength, out var linesBefore))
        {
            start = blockStart;
            length = blockLength;
            lineOffset = linesBefore;
        }
        OwnershipDocument model;
        using (var stream = new MemoryStream(content, start, length, writable: false))
        using (var reader = SafeXml.Create(stream, string.Empty, OwnershipXmlParser.ReaderSettings))
        {
            model = OwnershipXmlParser.Parse(reader, source, diagnostics, lineOffset);
        }
        if (options.Check)
        {
            OwnershipChecks.Run(model, diagnostics);
        }
        return new OwnershipReadResult(model, diagnostics.ToList());
    }

    /// <summary>Reads a document held as text (its encoding declaration is ignored).</summary>
    public static OwnershipReadResult ReadString(string xml, string document = "(string)", OwnershipReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        return Read(System.Text.Encoding.UTF8.GetBytes(xml), document, options);
    }

    /// <summary>
    /// Writes <paramref name="document"/> as ownershipDocument XML in the schema's element order: every field the
    /// model holds, empty fields as empty elements, decimals with their scale, dates as ISO 8601, flags as 1 or 0.
    /// </summary>
    public static string Write(OwnershipDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return OwnershipXmlWriter.Write(document);
    }
}
