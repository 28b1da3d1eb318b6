using System.Buffers;
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
        if (UseFastReader && Utf8XmlReader.TryCreate(document, s, baseUri) is { } fast)
        {
            return fast;
        }
        return XmlReader.Create(AsStream(document), s, baseUri);
    }

    /// <summary>
    /// The whole of <paramref name="stream"/> (which it disposes) in a pooled buffer, or a null buffer when it holds
    /// more than <paramref name="limit"/> bytes. The caller gives the buffer back to <see cref="ArrayPool{T}.Shared"/>.
    /// </summary>
    public static (byte[]? Buffer, int Length) ReadWhole(Stream stream, long limit)
    {
        using (stream)
        {
            var cap = (int)Math.Min(limit, Array.MaxLength - 1);
            var size = 64 * 1024;
            if (stream.CanSeek)
            {
                var known = stream.Length - stream.Position;
                if (known > cap)
                {
                    return (null, 0);
                }
                size = (int)known + 1;
            }
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(size, cap + 1));
            var length = 0;
            try
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        if (length > cap)
                        {
                            ArrayPool<byte>.Shared.Return(buffer);
                            return (null, 0);
                        }
                        var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, (long)cap + 1));
                        buffer.AsSpan(0, length).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }
                    var read = stream.Read(buffer, length, buffer.Length - length);
                    if (read == 0)
                    {
                        break;
                    }
                    length += read;
                }
            }
            catch
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw;
            }
            if (length > cap)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return (null, 0);
            }
            return (buffer, length);
        }
    }

    /// <summary>
    /// Whether <see cref="Create(ReadOnlyMemory{byte}, string, XmlReaderSettings?)"/> may use the fast reader (default
    /// true). Only the benchmarks turn it off, to time the same load through System.Xml's reader in the same run.
    /// </summary>
    internal static bool UseFastReader { get; set; } = true;

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
