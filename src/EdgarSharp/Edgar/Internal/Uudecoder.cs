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
                DecodeLine(encoded, output.AsSpan(written, n));
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

    /// <summary>Decodes one line's characters into <paramref name="dest"/> (its decoded length); characters EDGAR stripped are spaces (0).</summary>
    private static void DecodeLine(ReadOnlySpan<byte> encoded, Span<byte> dest)
    {
        var n = dest.Length;
        var needed = (n + 2) / 3 * 4;
        if (encoded.Length >= needed)
        {
            // Fast path: a whole line, no padding needed.
            var groups = needed / 4;
            var full = n / 3;
            for (var g = 0; g < full; g++)
            {
                var e = encoded.Slice(g * 4, 4);
                int c0 = (e[0] - 32) & 63, c1 = (e[1] - 32) & 63, c2 = (e[2] - 32) & 63, c3 = (e[3] - 32) & 63;
                dest[g * 3] = (byte)((c0 << 2) | (c1 >> 4));
                dest[(g * 3) + 1] = (byte)((c1 << 4) | (c2 >> 2));
                dest[(g * 3) + 2] = (byte)((c2 << 6) | c3);
            }
            if (full < groups)
            {
                var e = encoded.Slice(full * 4, 4);
                int c0 = (e[0] - 32) & 63, c1 = (e[1] - 32) & 63, c2 = (e[2] - 32) & 63;
                var rest = n - (full * 3);
                dest[full * 3] = (byte)((c0 << 2) | (c1 >> 4));
                if (rest > 1)
                {
                    dest[(full * 3) + 1] = (byte)((c1 << 4) | (c2 >> 2));
                }
            }
            return;
        }
        Span<byte> quad = stackalloc byte[4];
        var produced = 0;
        for (var i = 0; i < needed && produced < n; i += 4)
        {
            for (var k = 0; k < 4; k++)
            {
                var at = i + k;
                quad[k] = (byte)(at < encoded.Length ? (encoded[at] - 32) & 63 : 0);
            }
            var b0 = (byte)((quad[0] << 2) | (quad[1] >> 4));
            var b1 = (byte)((quad[1] << 4) | (quad[2] >> 2));
            var b2 = (byte)((quad[2] << 6) | quad[3]);
            if (produced < n) { dest[produced++] = b0; }
            if (produced < n) { dest[produced++] = b1; }
            if (produced < n) { dest[produced++] = b2; }
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
