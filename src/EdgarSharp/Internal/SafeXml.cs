using System.Xml;
using EdgarSharp.Internal.Xml;

namespace EdgarSharp.Internal;

/// <summary>
/// The one place XML readers are created: DOCTYPEs are ignored (never fetched, never expanded, so an entity
/// they declare is undeclared and its reference is an error), no resolver, bounded size.
/// </summary>
internal static class SafeXml
{
    /// <summary>The default limit on one XML document, in characters: 256 MiB.</summary>
    public const long DefaultMaxCharacters = 256L * 1024 * 1024;

    public static XmlReaderSettings Settings(long maxCharacters = DefaultMaxCharacters, bool ignoreWhitespace = true) => new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersInDocument = maxCharacters,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = ignoreWhitespace,
        CloseInput = true,
        ValidationType = ValidationType.None,
    };

    /// <summary>Creates a reader over <paramref name="stream"/>; the reader owns the stream.</summary>
    public static XmlReader Create(Stream stream, string baseUri, XmlReaderSettings? settings = null, XmlNameTable? nameTable = null)
    {
        var s = settings ?? Settings();
        if (nameTable is not null)
        {
            s = s.Clone();
            s.NameTable = nameTable;
        }
        return XmlReader.Create(stream, s, baseUri);
    }

    /// <summary>
    /// Creates a reader over a whole document held as bytes: <see cref="Utf8XmlReader"/> when the document is in the
    /// plain subset it reads (nearly every XBRL file), else System.Xml's reader over the same bytes from the start, so
    /// that anything unusual, and every error, is read and reported exactly as System.Xml does. The caller must keep
    /// <paramref name="document"/> unchanged until the reader is disposed.
    /// </summary>
    public static XmlReader Create(ReadOnlyMemory<byte> document, string baseUri, XmlReaderSettings? settings = null)
    {
        var s = settings ?? Settings();
        if (Utf8XmlReader.TryCreate(document, s, baseUri) is { } fast)
        {
            return fast;
        }
        return XmlReader.Create(AsStream(document), s, baseUri);
    }

    /// <summary>System.Xml's reader over the bytes, never the fast one (the baseline the fast reader is compared with).</summary>
    public static XmlReader CreateStandard(ReadOnlyMemory<byte> document, string baseUri, XmlReaderSettings? settings = null) =>
        XmlReader.Create(AsStream(document), settings ?? Settings(), baseUri);

    private static MemoryStream AsStream(ReadOnlyMemory<byte> document) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(document, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(document.ToArray(), writable: false);

    /// <summary>
    /// Creates a reader over text already decoded (the encoding declaration is then ignored); the reader owns
    /// <paramref name="text"/>.
    /// </summary>
    public static XmlReader Create(TextReader text, string baseUri, XmlReaderSettings? settings = null) =>
        XmlReader.Create(text, settings ?? Settings(), baseUri);

    /// <summary>Line and column of the reader's current node, or zeros.</summary>
    public static (int Line, int Column) Position(XmlReader reader) =>
        reader is IXmlLineInfo info && info.HasLineInfo() ? (info.LineNumber, info.LinePosition) : (0, 0);
}
