using System.Buffers;
using System.Text;

namespace EdgarSharp.Xbrl.Inline.Internal;

/// <summary>
/// Writes the numeric character references of an XML document (<c>&amp;#160;</c>, <c>&amp;#x2019;</c>) as the
/// characters themselves, in UTF-8, before the document is parsed. Filing agents write every non-ASCII character as
/// a reference (Workiva documents declare <c>encoding='ASCII'</c>), and <see cref="System.Xml.XmlReader"/> spends
/// more on each reference than on a kilobyte of text (it looks up an error message for every one). Only
/// references to characters from U+0080 up are replaced, so markup never changes meaning; a document that is
/// neither UTF-8 nor ASCII by its declaration, or that has a CDATA section (where a reference is plain text), is
/// left alone. Lines do not change; a column after a replaced reference on the same line is shorter by the reference
/// less its character, which <see cref="ReferenceColumns"/> gives back for diagnostics.
/// </summary>
internal static class CharacterReferences
{
    /// <summary>The UTF-8 byte order mark (a <c>u8</c> literal of "\xEF..." would encode those as characters).</summary>
    internal static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// The document with its references resolved: <paramref name="bytes"/> itself when there is nothing to do
    /// (<paramref name="columns"/> null), otherwise a copy in a pooled buffer (give it back with <see cref="Release"/>
    /// once parsed) and the map from its columns to those of the document.
    /// </summary>
    public static ArraySegment<byte> Resolve(byte[] bytes, out ReferenceColumns? columns)
    {
        columns = null;
        var span = bytes.AsSpan();
        var first = span.IndexOf("&#"u8);
        if (first < 0 || !IsUtf8OrAscii(span, out var encodingValue) || span.IndexOf("<![CDATA["u8) >= 0)
        {
            return bytes;
        }
        var output = ArrayPool<byte>.Shared.Rent(bytes.Length);
        var replaced = new List<(int Offset, int Shift)>();
        var written = 0;
        var from = 0;
        var at = first;
        while (at >= 0)
        {
            var end = at + 2;
            var hex = end < span.Length && span[end] is (byte)'x' or (byte)'X';
            if (hex)
            {
                end++;
            }
            var digitsStart = end;
            var code = 0;
            while (end < span.Length && end - digitsStart < 8 && Digit(span[end], hex) is var d && d >= 0)
            {
                code = code * (hex ? 16 : 10) + d;
                end++;
            }
            if (end > digitsStart && end < span.Length && span[end] == (byte)';' && IsReplaceable(code))
            {
                span[from..at].CopyTo(output.AsSpan(written));
                written += at - from;
                var rune = new Rune(code);
                // The reader counts columns in UTF-16 code units: the reference's characters against the character's.
                replaced.Add((at, end + 1 - at - rune.Utf16SequenceLength));
                written += rune.EncodeToUtf8(output.AsSpan(written));
                from = end + 1;
            }
            var next = span[(at + 2)..].IndexOf("&#"u8);
            at = next < 0 ? -1 : at + 2 + next;
        }
        span[from..].CopyTo(output.AsSpan(written));
        written += span.Length - from;
        if (encodingValue is { } value && value.Length >= 5)
        {
            // An ASCII declaration now describes UTF-8: say so, padding with spaces inside the declaration.
            var declared = output.AsSpan(value.Start, value.Length);
            declared.Fill((byte)' ');
            "UTF-8"u8.CopyTo(declared);
            output[value.Start + 5] = output[value.Start - 1];
            if (value.Length > 5)
            {
                output[value.Start + value.Length] = (byte)' ';
            }
        }
        if (replaced.Count > 0)
        {
            columns = new ReferenceColumns(bytes, replaced);
        }
        return new ArraySegment<byte>(output, 0, written);
    }

    /// <summary>Gives back the pooled buffer of a resolved document (nothing when it is the document itself).</summary>
    public static void Release(ArraySegment<byte> resolved, byte[] document)
    {
        if (!ReferenceEquals(resolved.Array, document) && resolved.Array is { } pooled)
        {
            ArrayPool<byte>.Shared.Return(pooled);
        }
    }

    private static int Digit(byte b, bool hex) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' when hex => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' when hex => b - 'A' + 10,
        _ => -1,
    };

    private static bool IsReplaceable(int code) =>
        code >= 0x80 && code <= 0x10FFFF && code is not (>= 0xD800 and <= 0xDFFF) && code is not (0xFFFE or 0xFFFF);

    /// <summary>
    /// True when the document starts with its XML declaration (or an element) and the declaration names UTF-8 or
    /// ASCII or no encoding; <paramref name="asciiValue"/> is where an ASCII encoding name stands (to be rewritten).
    /// </summary>
    private static bool IsUtf8OrAscii(ReadOnlySpan<byte> span, out (int Start, int Length)? asciiValue)
    {
        asciiValue = null;
        var offset = span.StartsWith(Bom) ? 3 : 0;
        if (!span[offset..].StartsWith("<?xml"u8))
        {
            return span[offset..].StartsWith("<"u8);
        }
        var close = span[offset..].IndexOf("?>"u8);
        if (close < 0)
        {
            return false;
        }
        var declaration = span.Slice(offset, close);
        var e = declaration.IndexOf("encoding"u8);
        if (e < 0)
        {
            return true;
        }
        var i = e + "encoding".Length;
        while (i < declaration.Length && declaration[i] is (byte)' ' or (byte)'=' or (byte)'\t')
        {
            i++;
        }
        if (i >= declaration.Length || declaration[i] is not ((byte)'"' or (byte)'\''))
        {
            return false;
        }
        var quote = declaration[i];
        var valueEnd = declaration[(i + 1)..].IndexOf(quote);
        if (valueEnd < 0)
        {
            return false;
        }
        var name = Encoding.ASCII.GetString(declaration.Slice(i + 1, valueEnd)).ToUpperInvariant();
        if (name is "UTF-8" or "UTF8")
        {
            return true;
        }
        if (name is "ASCII" or "US-ASCII")
        {
            asciiValue = (offset + i + 1, valueEnd);
            return true;
        }
        return false;
    }
}

/// <summary>
/// Gives back the columns a document had before its references were replaced: each replaced reference on a line
/// moves what follows it on that line left by its shift. Where each replaced character stands (line, column) is
/// found only when a diagnostic asks, by one scan of the document as written up to its last reference.
/// </summary>
internal sealed class ReferenceColumns(byte[] document, List<(int Offset, int Shift)> replaced)
{
    private (int Line, int Column, int Shift)[]? _positions;

    /// <summary>The column in the original document of <paramref name="column"/> on <paramref name="line"/> of the resolved one.</summary>
    public int Original(int line, int column)
    {
        if (line <= 0 || column <= 0)
        {
            return column;
        }
        _positions ??= Locate();
        int lo = 0, hi = _positions.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_positions[mid].Line < line)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        var original = column;
        for (var i = lo; i < _positions.Length && _positions[i].Line == line && _positions[i].Column < column; i++)
        {
            original += _positions[i].Shift;
        }
        return original;
    }

    /// <summary>
    /// Line and column in the resolved document (UTF-16 code units, as the reader counts them) of each replaced
    /// character: its column as written less the shifts of the references before it on its line.
    /// </summary>
    private (int Line, int Column, int Shift)[] Locate()
    {
        var positions = new (int Line, int Column, int Shift)[replaced.Count];
        var i = document.AsSpan().StartsWith(CharacterReferences.Bom) ? 3 : 0;
        var line = 1;
        var column = 1;
        var shiftedLine = 0;
        var shiftBefore = 0;
        for (var r = 0; r < replaced.Count; r++)
        {
            var (offset, shift) = replaced[r];
            for (; i < offset; i++)
            {
                var b = document[i];
                if (b == (byte)'\n' || (b == (byte)'\r' && (i + 1 >= document.Length || document[i + 1] != (byte)'\n')))
                {
                    line++;
                    column = 1;
                }
                else if (b == (byte)'\r')
                {
                    // The \n after it ends the line.
                }
                else if ((b & 0xC0) != 0x80)
                {
                    column += b >= 0xF0 ? 2 : 1;
                }
            }
            if (line != shiftedLine)
            {
                (shiftedLine, shiftBefore) = (line, 0);
            }
            positions[r] = (line, column - shiftBefore, shift);
            shiftBefore += shift;
        }
        return positions;
    }
}
