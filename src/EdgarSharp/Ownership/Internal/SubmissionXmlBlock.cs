namespace EdgarSharp.Ownership.Internal;

/// <summary>
/// The seam to EDGAR submissions: finds the <c>&lt;XML&gt;...&lt;/XML&gt;</c> block that holds an ownershipDocument
/// in a submission (<c>.txt</c>, <c>.nc</c>) or a bare block, and nothing more. Splitting a submission into its
/// header and documents is the submission reader's job (issue 4); once it exists, callers hand its document text
/// to <see cref="OwnershipXml"/> instead.
/// </summary>
internal static class SubmissionXmlBlock
{
    private static ReadOnlySpan<byte> Open => "<XML>"u8;
    private static ReadOnlySpan<byte> Close => "</XML>"u8;
    private static ReadOnlySpan<byte> Root => "<ownershipDocument"u8;

    /// <summary>
    /// True when <paramref name="content"/> is not itself an XML document but carries an <c>&lt;XML&gt;</c> block
    /// with an ownershipDocument; then the block's content and the number of lines before it.
    /// </summary>
    public static bool TryFind(ReadOnlySpan<byte> content, out int start, out int length, out int linesBefore)
    {
        start = length = linesBefore = 0;
        var head = content.TrimStart(" \t\r\n\uFEFF"u8).TrimStart([(byte)0xEF, (byte)0xBB, (byte)0xBF]);
        if (head.StartsWith("<?xml"u8) || head.StartsWith(Root))
        {
            return false;
        }
        var from = 0;
        while (from < content.Length)
        {
            var open = content[from..].IndexOf(Open);
            if (open < 0)
            {
                return false;
            }
            open += from + Open.Length;
            var close = content[open..].IndexOf(Close);
            var end = close < 0 ? content.Length : open + close;
            if (content[open..end].IndexOf(Root) >= 0)
            {
                // Skip the line break after <XML> so that the block starts at its XML declaration.
                while (open < end && content[open] is (byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t')
                {
                    open++;
                }
                start = open;
                length = end - open;
                linesBefore = content[..open].Count((byte)'\n');
                return true;
            }
            from = end;
        }
        return false;
    }
}
