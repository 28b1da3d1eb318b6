using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace EdgarSharp.Documents.Internal;

/// <summary>The head of a document decoded to text, or the finding that it is binary.</summary>
/// <param name="Text">The decoded text without its byte order mark; empty when binary.</param>
/// <param name="EncodingName">ascii, utf-8, latin-1 (8-bit text that is not UTF-8), utf-16le, utf-16be, or binary.</param>
internal readonly record struct HeadText(string Text, string EncodingName)
{
    public bool IsBinary => EncodingName == HeadDecoder.Binary;
}

/// <summary>
/// Decodes the first bytes of a document: byte order marks (UTF-8, UTF-16), UTF-16 without one (by the pattern of
/// zero bytes), UTF-8 when valid, Latin-1 otherwise; NUL bytes or many control characters mean binary.
/// </summary>
internal static class HeadDecoder
{
    public const string Binary = "binary";

    /// <summary>How many leading bytes the binary test looks at.</summary>
    private const int BinarySample = 8192;

    public static HeadText Decode(ReadOnlySpan<byte> head, bool isWholeDocument)
    {
        if (head is [0xEF, 0xBB, 0xBF, ..])
        {
            return DecodeUtf8OrLatin1(head[3..], isWholeDocument, bom: true);
        }
        if (head is [0xFF, 0xFE, ..])
        {
            return new HeadText(DecodeUtf16(head[2..], bigEndian: false), "utf-16le");
        }
        if (head is [0xFE, 0xFF, ..])
        {
            return new HeadText(DecodeUtf16(head[2..], bigEndian: true), "utf-16be");
        }
        switch (GuessUtf16WithoutBom(head))
        {
            case false:
                return new HeadText(DecodeUtf16(head, bigEndian: false), "utf-16le");
            case true:
                return new HeadText(DecodeUtf16(head, bigEndian: true), "utf-16be");
        }
        if (LooksBinary(head[..Math.Min(head.Length, BinarySample)]))
        {
            return new HeadText(string.Empty, Binary);
        }
        return DecodeUtf8OrLatin1(head, isWholeDocument, bom: false);
    }

    private static HeadText DecodeUtf8OrLatin1(ReadOnlySpan<byte> bytes, bool isWholeDocument, bool bom)
    {
        if (Ascii.IsValid(bytes))
        {
            return new HeadText(Encoding.ASCII.GetString(bytes), bom ? "utf-8" : "ascii");
        }
        var buffer = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            var status = Utf8.ToUtf16(bytes, buffer, out _, out var written, replaceInvalidSequences: false, isFinalBlock: isWholeDocument);
            if (status is System.Buffers.OperationStatus.Done or System.Buffers.OperationStatus.NeedMoreData)
            {
                return new HeadText(new string(buffer, 0, written), "utf-8");
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
        return new HeadText(Encoding.Latin1.GetString(bytes), "latin-1");
    }

    private static string DecodeUtf16(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        var even = bytes[..(bytes.Length & ~1)];
        var encoding = bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode;
        return encoding.GetString(even);
    }

    /// <summary>
    /// UTF-16 without a byte order mark shows as a zero byte in every other position for ASCII characters:
    /// returns false for little-endian, true for big-endian, null for neither.
    /// </summary>
    private static bool? GuessUtf16WithoutBom(ReadOnlySpan<byte> head)
    {
        var sample = head[..(Math.Min(head.Length, 512) & ~1)];
        if (sample.Length < 4)
        {
            return null;
        }
        int zeroEven = 0, zeroOdd = 0;
        for (var i = 0; i < sample.Length; i += 2)
        {
            if (sample[i] == 0)
            {
                zeroEven++;
            }
            if (sample[i + 1] == 0)
            {
                zeroOdd++;
            }
        }
        var pairs = sample.Length / 2;
        if (zeroOdd * 4 >= pairs * 3 && zeroEven == 0)
        {
            return false;
        }
        if (zeroEven * 4 >= pairs * 3 && zeroOdd == 0)
        {
            return true;
        }
        return null;
    }

    /// <summary>A NUL byte, or more than one control character in twenty (tabs, line and page breaks, SUB and ESC aside).</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> sample)
    {
        if (sample.Contains((byte)0))
        {
            return true;
        }
        var controls = 0;
        foreach (var b in sample)
        {
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1A && b != 0x1B) || b == 0x7F)
            {
                controls++;
            }
        }
        return controls * 20 > sample.Length;
    }
}
