using System.Text;

namespace EdgarSharp.Xbrl.Inline.Internal;

/// <summary>
/// Writes the numeric character references of an XML document (<c>&amp;#160;</c>, <c>&amp;#x2019;</c>) as the
/// characters themselves, in UTF-8, before the document is parsed. Filing agents write every non-ASCII character as
/// a reference (Workiva documents declare <c>encoding='ASCII'</c>), and <see cref="System.Xml.XmlReader"/> spends
/// more on each reference than on a kilobyte of text (it looks up an error message for every one). Only
/// references to characters from U+0080 up are replaced, so markup never changes meaning; a document that is
/// neither UTF-8 nor ASCII by its declaration, or that has a CDATA section (where a reference is plain text), is
/// left alone. Columns of diagnostics after a replaced reference on the same line shift left; lines do not change.
/// </summary>
internal static class CharacterReferences
{
    /// <summary>The document with its references resolved: <paramref name="bytes"/> itself when there is nothing to do.</summary>
    public static ArraySegment<byte> Resolve(byte[] bytes)
    {
        var span = bytes.AsSpan();
        var first = span.IndexOf("&#"u8);
        if (first < 0 || !IsUtf8OrAscii(span, out var encodingValue) || span.IndexOf("<![CDATA["u8) >= 0)
        {
            return bytes;
        }
        var output = new byte[bytes.Length];
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
                written += new Rune(code).EncodeToUtf8(output.AsSpan(written));
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
        return new ArraySegment<byte>(output, 0, written);
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
        var offset = span.StartsWith("\xEF\xBB\xBF"u8) ? 3 : 0;
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
