using System.Xml;

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
    /// Creates a reader over text already decoded (the encoding declaration is then ignored); the reader owns
    /// <paramref name="text"/>.
    /// </summary>
    public static XmlReader Create(TextReader text, string baseUri, XmlReaderSettings? settings = null) =>
        XmlReader.Create(text, settings ?? Settings(), baseUri);

    /// <summary>Line and column of the reader's current node, or zeros.</summary>
    public static (int Line, int Column) Position(XmlReader reader) =>
        reader is IXmlLineInfo info && info.HasLineInfo() ? (info.LineNumber, info.LinePosition) : (0, 0);
}
