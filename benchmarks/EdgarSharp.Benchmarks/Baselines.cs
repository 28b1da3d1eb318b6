using System.Xml;

namespace EdgarSharp.Benchmarks;

/// <summary>
/// The baselines every reader is measured beside, in one place so that each benchmark and the interleaved harness
/// run the same ceiling: a bare <see cref="XmlReader"/> pass (elements visited, attributes counted, no value
/// materialised) and a raw split of bytes into lines.
/// </summary>
internal static class Baselines
{
    private static readonly XmlReaderSettings Xml = new() { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreWhitespace = true, IgnoreComments = true };

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
