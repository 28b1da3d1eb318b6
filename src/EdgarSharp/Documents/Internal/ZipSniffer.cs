using System.Buffers.Binary;
using System.IO.Compression;

namespace EdgarSharp.Documents.Internal;

/// <summary>
/// Zip archives: lists the entry names (from the central directory when the stream can seek, else from the local
/// headers inside the head) and tells a taxonomy package (<c>TOP/META-INF/taxonomyPackage.xml</c>) from any other zip.
/// </summary>
internal static class ZipSniffer
{
    private const string PackageMetadata = "META-INF/taxonomyPackage.xml";
    private const int MaxEntries = 100_000;

    public static bool IsZip(ReadOnlySpan<byte> head) =>
        head.Length >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K'
        && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));

    /// <summary>Reads the central directory of a seekable stream positioned at the archive's start.</summary>
    public static DocumentKindResult FromArchive(Stream stream, DetectionContext context, ReadOnlySpan<byte> head)
    {
        List<string> names;
        try
        {
            using var archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            names = new List<string>(Math.Min(archive.Entries.Count, MaxEntries));
            foreach (var entry in archive.Entries)
            {
                if (names.Count == MaxEntries)
                {
                    break;
                }
                names.Add(entry.FullName);
            }
        }
        // A corrupt directory shows as InvalidDataException, or as these for some shapes of damage; a read that runs
        // off the end is EndOfStreamException. Other I/O failures propagate.
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or NotSupportedException or ArgumentOutOfRangeException)
        {
            context.Diagnostics.Error(
                DetectionCodes.BadZip,
                $"The document starts like a zip archive but its directory cannot be read ({ex.Message}); the entries are guessed from the first bytes. Check that the file is complete.",
                context.At());
            return Classify(LocalHeaderNames(head), complete: false, context);
        }
        return Classify(names, complete: true, context);
    }

    /// <summary>Lists the entries whose local headers lie inside the head (a stream that cannot seek, or bytes in memory).</summary>
    public static DocumentKindResult FromHead(ReadOnlySpan<byte> head, DetectionContext context) =>
        Classify(LocalHeaderNames(head), complete: false, context);

    private static List<string> LocalHeaderNames(ReadOnlySpan<byte> head)
    {
        var names = new List<string>();
        ReadOnlySpan<byte> signature = [(byte)'P', (byte)'K', 3, 4];
        var at = 0;
        while (at + 30 <= head.Length && names.Count < MaxEntries)
        {
            if (!head[at..].StartsWith(signature))
            {
                var next = head[(at + 1)..].IndexOf(signature);
                if (next < 0)
                {
                    break;
                }
                at += next + 1;
                continue;
            }
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(head[(at + 6)..]);
            var compressed = BinaryPrimitives.ReadUInt32LittleEndian(head[(at + 18)..]);
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(head[(at + 26)..]);
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(head[(at + 28)..]);
            if (at + 30 + nameLength > head.Length)
            {
                break;
            }
            var nameBytes = head.Slice(at + 30, nameLength);
            names.Add((flags & 0x800) != 0 ? System.Text.Encoding.UTF8.GetString(nameBytes) : System.Text.Encoding.Latin1.GetString(nameBytes));
            var dataStart = (long)at + 30 + nameLength + extraLength;
            // Bit 3: sizes follow the data in a descriptor; search for the next header instead of jumping.
            at = (flags & 0x8) != 0 || dataStart + compressed > int.MaxValue ? (int)Math.Min(dataStart, head.Length) : (int)(dataStart + compressed);
        }
        return names;
    }

    private static DocumentKindResult Classify(List<string> names, bool complete, DetectionContext context)
    {
        string? rooted = null;
        foreach (var name in names)
        {
            var normalized = name.Replace('\\', '/');
            if (!normalized.EndsWith(PackageMetadata, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var top = normalized[..^PackageMetadata.Length];
            if (top.Length > 1 && top.IndexOf('/', StringComparison.Ordinal) == top.Length - 1)
            {
                return context.Result(DocumentKind.TaxonomyPackage, normalized);
            }
            if (top.Length == 0)
            {
                rooted = normalized;
            }
        }
        if (rooted is not null)
        {
            context.Diagnostics.Warning(
                DetectionCodes.InvalidPackageDirectoryStructure,
                $"The taxonomy package keeps {rooted} at the top of the zip; the specification wants it inside one top-level directory (TOP/META-INF/taxonomyPackage.xml). It is read as a taxonomy package anyway.",
                context.At());
            return context.Result(DocumentKind.TaxonomyPackage, rooted);
        }
        var detail = OfficeFormat(names) ?? (complete
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"zip: {names.Count} entries")
            : "zip");
        return context.Result(DocumentKind.Zip, detail);
    }

    private static string? OfficeFormat(List<string> names)
    {
        if (!names.Contains("[Content_Types].xml", StringComparer.Ordinal))
        {
            return null;
        }
        foreach (var (folder, format) in new[] { ("xl/", "xlsx"), ("word/", "docx"), ("ppt/", "pptx") })
        {
            if (names.Exists(n => n.StartsWith(folder, StringComparison.Ordinal)))
            {
                return format;
            }
        }
        return "office open xml";
    }
}
