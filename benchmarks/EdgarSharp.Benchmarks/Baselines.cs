using System.Buffers;
using System.Xml;
using EdgarSharp.Internal;

namespace EdgarSharp.Benchmarks;

/// <summary>
/// The baselines every reader is measured beside, in one place so that each benchmark and the interleaved harness
/// run the same ceiling: a bare <see cref="XmlReader"/> pass (elements visited, attributes counted, no value
/// materialised) and a raw split of bytes into lines.
/// </summary>
internal static class Baselines
{
    private static readonly XmlReaderSettings Xml = new() { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true };

    // The fast reader reads only with processing instructions ignored, as the project's SafeXml settings do (the bare
    // pass's documents have none, so both passes see the same nodes).
    private static readonly XmlReaderSettings XmlIgnoringPis = new() { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true, IgnoreProcessingInstructions = true };

    private static readonly XmlReaderSettings XmlKeepingWhitespace = new() { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true };

    /// <summary>A bare pass over each file.</summary>
    public static int BareXmlPass(IEnumerable<string> files)
    {
        var n = 0;
        foreach (var f in files)
        {
            using var reader = XmlReader.Create(f, Xml);
            n += BareXmlPass(reader);
        }
        return n;
    }

    /// <summary>A bare pass over each document's bytes; <paramref name="keepWhitespace"/> for XHTML, whose text matters.</summary>
    public static int BareXmlPass(IEnumerable<byte[]> documents, bool keepWhitespace = false)
    {
        var n = 0;
        foreach (var bytes in documents)
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), keepWhitespace ? XmlKeepingWhitespace : Xml);
            n += BareXmlPass(reader);
        }
        return n;
    }

    /// <summary>
    /// The same bare pass through <see cref="SafeXml.Create(ReadOnlyMemory{byte}, string, XmlReaderSettings?)"/>: each
    /// file read whole into a pooled buffer, then <c>Utf8XmlReader</c> (or System.Xml's reader where it bails out).
    /// </summary>
    public static int BareUtf8XmlPass(IEnumerable<string> files)
    {
        var n = 0;
        foreach (var f in files)
        {
            using var file = File.OpenHandle(f);
            var length = (int)RandomAccess.GetLength(file);
            var buffer = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                var read = 0;
                while (read < length)
                {
                    var got = RandomAccess.Read(file, buffer.AsSpan(read, length - read), read);
                    if (got == 0)
                    {
                        break;
                    }
                    read += got;
                }
                using var reader = SafeXml.Create(buffer.AsMemory(0, read), "", XmlIgnoringPis);
                n += BareXmlPass(reader);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        return n;
    }

    private static int BareXmlPass(XmlReader reader)
    {
        var n = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                n += reader.AttributeCount;
            }
        }
        return n;
    }

    /// <summary>The same split over the bytes where they lie, nothing copied: the floor of a reader that reads bytes in place.</summary>
    public static long SplitLinesInPlace(IEnumerable<byte[]> files)
    {
        long lines = 0;
        foreach (var bytes in files)
        {
            ReadOnlySpan<byte> span = bytes;
            int at;
            while ((at = span.IndexOfAny((byte)'\r', (byte)'\n')) >= 0)
            {
                lines += span[0] == (byte)'<' ? 2 : 1;
                span = span[(at + 1)..];
            }
        }
        return lines;
    }

    /// <summary>A raw read that splits the bytes into lines (LF, CRLF, CR) through a 256 KB buffer, as a reader of a stream would.</summary>
    public static long SplitLines(IEnumerable<byte[]> files)
    {
        long lines = 0;
        foreach (var bytes in files)
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var buffer = new byte[256 * 1024];
            int n;
            while ((n = stream.Read(buffer)) > 0)
            {
                var span = buffer.AsSpan(0, n);
                int at;
                while ((at = span.IndexOfAny((byte)'\r', (byte)'\n')) >= 0)
                {
                    lines += span[0] == (byte)'<' ? 2 : 1;
                    span = span[(at + 1)..];
                }
            }
        }
        return lines;
    }
}
