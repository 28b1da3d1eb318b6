using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace EdgarSharp.Edgar.Internal;

/// <summary>
/// Decodes a uuencoded body (<c>begin MODE NAME</c>, data lines, a zero-length line, <c>end</c>). EDGAR strips
/// trailing spaces from lines, so short lines are padded with spaces (value 0) and an empty line is a zero-length
/// line. Bad lines are reported once with their count and skipped; a missing <c>end</c> is reported; what decoded is
/// always returned.
/// </summary>
internal static class Uudecoder
{
    /// <summary>
    /// Finds a <c>begin</c> line among the first non-blank lines of <paramref name="body"/>: true with the name and the
    /// offset of the first data line.
    /// </summary>
    public static bool TryFindBegin(ReadOnlySpan<byte> body, out string name, out int dataStart)
    {
        name = string.Empty;
        dataStart = 0;
        var offset = 0;
        while (offset < body.Length)
        {
            var line = NextLine(body, offset, out var next);
            var trimmed = Trim(line);
            if (trimmed.Length == 0)
            {
                offset = next;
                continue;
            }
            // "begin 644 name": "begin", a space, three or four octal digits, a space, the name.
            if (!trimmed.StartsWith("begin "u8))
            {
                return false;
            }
            var rest = trimmed[6..];
            var digits = 0;
            while (digits < rest.Length && rest[digits] is >= (byte)'0' and <= (byte)'7')
            {
                digits++;
            }
            if (digits is < 3 or > 4 || digits >= rest.Length || rest[digits] != ' ')
            {
                return false;
            }
            name = System.Text.Encoding.Latin1.GetString(Trim(rest[(digits + 1)..]));
            dataStart = next;
            return true;
        }
        return false;
    }

    /// <summary>
    /// Decodes the data lines from <paramref name="data"/> (after the begin line) up to <c>end</c> into an array of
    /// exactly the decoded size: a first pass over the lines sizes it (and finds the bad lines), a second decodes.
    /// </summary>
    public static byte[] Decode(ReadOnlySpan<byte> data, out int badLines, out long firstBadLine, out bool sawEnd)
    {
        badLines = 0;
        firstBadLine = 0;
        sawEnd = false;
        var size = 0;
        var offset = 0;
        long lineIndex = 0;
        while (offset < data.Length)
        {
            var kind = Classify(NextLine(data, offset, out offset), out _, out var n);
            lineIndex++;
            if (kind == LineKind.End)
            {
                sawEnd = true;
                break;
            }
            if (kind == LineKind.Bad && badLines++ == 0)
            {
                firstBadLine = lineIndex;
            }
            size += kind == LineKind.Data ? n : 0;
        }
        // Every byte is written before it is read: no need to clear the array.
        var output = GC.AllocateUninitializedArray<byte>(size);
        var written = 0;
        offset = 0;
        while (offset < data.Length)
        {
            var kind = Classify(NextLine(data, offset, out offset), out var encoded, out var n);
            if (kind == LineKind.End)
            {
                break;
            }
            if (kind == LineKind.Data)
            {
                DecodeLine(encoded, output.AsSpan(written), n);
                written += n;
            }
        }
        return output;
    }

    private enum LineKind { Data, Blank, Bad, End }

    /// <summary>What a line of a uuencoded body is; for a data line, its encoded characters and decoded length.</summary>
    private static LineKind Classify(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> encoded, out int n)
    {
        encoded = default;
        n = 0;
        var content = line.TrimEnd((byte)' ');
        if (content.SequenceEqual("end"u8))
        {
            return LineKind.End;
        }
        if (content.Length == 0 || content[0] == '`')
        {
            // A zero-length line (a space EDGAR stripped, or a backtick) comes just before "end".
            return LineKind.Blank;
        }
        n = (content[0] - 32) & 63;
        var needed = (n + 2) / 3 * 4;
        encoded = content[1..];
        return IsUuChars(encoded) && encoded.Length <= needed + 4 ? LineKind.Data : LineKind.Bad;
    }

    /// <summary>
    /// Decodes one line's characters into the first <paramref name="n"/> bytes of <paramref name="rest"/> (the output
    /// from this line on; the bytes after them may be written over, the lines after write their own); characters
    /// EDGAR stripped are spaces (0).
    /// </summary>
    private static void DecodeLine(ReadOnlySpan<byte> encoded, Span<byte> rest, int n)
    {
        var needed = (n + 2) / 3 * 4;
        var dest = rest[..n];
        if (encoded.Length < needed)
        {
            // EDGAR stripped trailing spaces: the missing characters are zeros.
            for (int i = 0, o = 0; o < n; i += 4)
            {
                var v = 0;
                for (var k = 0; k < 4; k++)
                {
                    v = (v << 6) | (i + k < encoded.Length ? (encoded[i + k] - 32) & 63 : 0);
                }
                for (var k = 2; k >= 0 && o < n; k--)
                {
                    dest[o++] = (byte)(v >> (8 * k));
                }
            }
            return;
        }
        var chars = encoded[..needed];
        var at = 0;
        if (Ssse3.IsSupported && chars.Length >= 16)
        {
            // Sixteen characters to twelve bytes a step: the 6-bit values of each group of four (a, b, c, d) multiplied
            // and added in pairs (a*64+b, c*64+d), then into one 24-bit word, whose three bytes are taken high to low.
            // The last step may go back over characters already decoded (to end on the line's last); each step writes
            // sixteen bytes, the last four of no use, so it runs while they fit in the output.
            var pairs = Vector128.Create(0x01400140).AsSByte();
            var words = Vector128.Create(0x00011000).AsInt16();
            var order = Vector128.Create((byte)2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, 255, 255, 255, 255);
            while (at < chars.Length)
            {
                var i = Math.Min(at, chars.Length - 16);
                var o = i / 4 * 3;
                if (o + 16 > rest.Length)
                {
                    break;
                }
                var v = (Vector128.Create(chars.Slice(i, 16)) - Vector128.Create((byte)32)) & Vector128.Create((byte)63);
                Ssse3.Shuffle(Sse2.MultiplyAddAdjacent(Ssse3.MultiplyAddAdjacent(v, pairs), words).AsByte(), order).CopyTo(rest[o..]);
                at = i + 16;
            }
        }
        // Four characters at a time, as one 32-bit word: every character is 32 to 96, so subtracting 32 from each byte
        // borrows nothing from the next. The last group may give fewer than three bytes.
        for (var o = at / 4 * 3; at < chars.Length; at += 4, o += 3)
        {
            var w = (System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(chars[at..]) - 0x20202020u) & 0x3F3F3F3Fu;
            var bits = ((w & 0xFF) << 18) | (((w >> 8) & 0xFF) << 12) | (((w >> 16) & 0xFF) << 6) | (w >> 24);
            dest[o] = (byte)(bits >> 16);
            if (o + 1 < n)
            {
                dest[o + 1] = (byte)(bits >> 8);
            }
            if (o + 2 < n)
            {
                dest[o + 2] = (byte)bits;
            }
        }
    }

    private static bool IsUuChars(ReadOnlySpan<byte> encoded) => !encoded.ContainsAnyExceptInRange((byte)32, (byte)96);

    private static ReadOnlySpan<byte> NextLine(ReadOnlySpan<byte> text, int offset, out int next)
    {
        var rest = text[offset..];
        var at = rest.IndexOfAny((byte)'\n', (byte)'\r');
        if (at < 0)
        {
            next = text.Length;
            return rest;
        }
        var terminator = rest[at] == '\r' && at + 1 < rest.Length && rest[at + 1] == '\n' ? 2 : 1;
        next = offset + at + terminator;
        return rest[..at];
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> s) => s.Trim(" \t"u8);
}
