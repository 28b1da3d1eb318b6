using System.Formats.Tar;
using System.IO.Compression;
using EdgarSharp.Documents;
using EdgarSharp.Edgar;
using ManifestFile = EdgarSharp.Storage.Manifest;

namespace EdgarSharp.Storage;

/// <summary>
/// One document to ingest, as the sources give it: a file on disk (read by a reader thread), an archive entry's
/// bytes (read from the archive stream), or a rejection found before reading (a taxonomy cache, a conformance
/// suite, an unsafe archive entry name). <paramref name="SourceBytes"/> is how many bytes of the sources it
/// accounts for (the file's length, or how far the archive stream moved), for progress.
/// </summary>
internal sealed record SourceItem(
    string Path, byte[]? Bytes, ManifestFile? Manifest, RejectedFile? Rejected, long SourceBytes, bool FromArchive)
{
    /// <summary>True for an item that only accounts for source bytes (the rest of an archive once read): no document.</summary>
    public bool AccountsOnly { get; init; }
}

/// <summary>
/// Turns ingest's sources (files, folders searched recursively, EDGAR submissions, <c>.zip</c>,
/// <c>.tar</c>, <c>.tar.gz</c> and <c>.tgz</c> archives such as EDGAR's daily feed) into a stream of
/// <see cref="SourceItem"/>s in a fixed order (folders: files by ordinal name, then sub-folders; archives: entry
/// order), holding one folder listing and one archive entry at a time. Archives are read as streams, never
/// extracted to disk; entry names that would leave the archive's folder are rejected, and the
/// <see cref="ArchiveLimits"/> (entry size, total size, compression ratio) stop zip and gzip bombs.
/// </summary>
internal static class SourceExpander
{
    private const string ManifestName = "manifest.json";
    private const long RatioFloor = 1024 * 1024;

    /// <summary>True when <paramref name="name"/> is an archive ingest opens (by its extension).</summary>
    public static bool IsArchive(string name) =>
        name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tar", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".tar.gz", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".tgz", StringComparison.OrdinalIgnoreCase);

    /// <summary>The total size of the files under <paramref name="sources"/> (archives at their compressed size), for a progress bar.</summary>
    public static long MeasureBytes(IReadOnlyList<string> sources)
    {
        long total = 0;
        foreach (var source in sources)
        {
            if (Directory.Exists(source))
            {
                foreach (var dir in Folders(source))
                {
                    foreach (var file in SafeList(() => Directory.GetFiles(dir)))
                    {
                        total += SafeLength(file);
                    }
                }
            }
            else if (File.Exists(source))
            {
                total += SafeLength(source);
            }
        }
        return total;
    }

    /// <summary>Hands every document of <paramref name="sources"/> to <paramref name="emit"/>, in order.</summary>
    public static void Expand(IReadOnlyList<string> sources, ArchiveLimits limits, Action<SourceItem> emit)
    {
        var suiteFolders = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            if (Directory.Exists(source))
            {
                foreach (var dir in Folders(source))
                {
                    if (suiteFolders.Count > 10_000)
                    {
                        suiteFolders.Clear();
                    }
                    var manifest = ManifestFile.Load(Path.Combine(dir, ManifestName));
                    var files = SafeList(() => Directory.GetFiles(dir));
                    Array.Sort(files, StringComparer.Ordinal);
                    foreach (var file in files)
                    {
                        Document(file, source, manifest, limits, suiteFolders, emit);
                    }
                }
            }
            else if (System.IO.File.Exists(source))
            {
                var directory = Path.GetDirectoryName(Path.GetFullPath(source)) ?? ".";
                Document(source, directory, ManifestFile.Load(Path.Combine(directory, ManifestName)), limits, suiteFolders, emit);
            }
            else
            {
                emit(new SourceItem(source, null, null, new RejectedFile(source, "missing", "no such file or folder"), 0, false));
            }
        }
    }

    private static void Document(string path, string root, ManifestFile? manifest, ArchiveLimits limits,
        Dictionary<string, bool> suiteFolders, Action<SourceItem> emit)
    {
        var name = Path.GetFileName(path);
        if (string.Equals(name, ManifestName, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var length = SafeLength(path);
        var segments = Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (TaxonomyCache(segments) is { } cache)
        {
            emit(new SourceItem(path, null, null, new RejectedFile(path, "taxonomy-cache", cache), length, false));
            return;
        }
        if (SuiteFolder(path, root, suiteFolders))
        {
            emit(new SourceItem(path, null, null, new RejectedFile(path, "conformance-suite",
                "part of the XBRL conformance suite whose index or test case is in its folder or above: a test of XBRL processors, not a filing"), length, false));
            return;
        }
        if (IsArchive(name))
        {
            if (name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                Zip(path, limits, emit);
            }
            else
            {
                Tar(path, limits, emit);
            }
            return;
        }
        emit(new SourceItem(path, null, manifest, null, length, false));
    }

    private static string? TaxonomyCache(string[] segments) =>
        segments.Length > 2 && segments[..^1].Any(x => x is "http" or "https")
            ? "part of a taxonomy cache (http/host/path folders): a published taxonomy file, not a filing"
            : null;

    /// <summary>
    /// True when a folder between the file's own and <paramref name="root"/> holds an XBRL conformance-suite index
    /// or test case (so that the suite's schemas and instances are not taken for filings). The file itself, when it
    /// is a test case, is left to detection.
    /// </summary>
    private static bool SuiteFolder(string path, string root, Dictionary<string, bool> cache)
    {
        var rootFull = Path.GetFullPath(root);
        var self = Path.GetFullPath(path);
        for (var dir = Path.GetDirectoryName(self); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (!cache.TryGetValue(dir, out var isSuite))
            {
                isSuite = SafeList(() => Directory.GetFiles(dir, "*.xml")).Any(f =>
                    !string.Equals(Path.GetFullPath(f), self, StringComparison.Ordinal)
                    && DocumentKindDetector.DetectFile(f).Kind == DocumentKind.ConformanceSuite);
                cache[dir] = isSuite;
            }
            if (isSuite)
            {
                return true;
            }
            if (string.Equals(dir, rootFull, StringComparison.Ordinal) || !dir.StartsWith(rootFull, StringComparison.Ordinal))
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>The folders under <paramref name="root"/>, itself first, depth first, sub-folders by ordinal name; symbolic links are not followed.</summary>
    private static IEnumerable<string> Folders(string root)
    {
        var stack = new Stack<string>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var dir = stack.Pop();
            yield return dir;
            var subs = SafeList(() => Directory.GetDirectories(dir));
            Array.Sort(subs, StringComparer.Ordinal);
            for (var i = subs.Length - 1; i >= 0; i--)
            {
                if (new DirectoryInfo(subs[i]).LinkTarget is null)
                {
                    stack.Push(subs[i]);
                }
            }
        }
    }

    private static string[] SafeList(Func<string[]> list)
    {
        try
        {
            return list();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static long SafeLength(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>The reason an archive entry is not read because of its name (it would leave the archive's folder, or is itself an archive), or null.</summary>
    internal static string? EntryNameProblem(string entryName)
    {
        var normalized = entryName.Replace('\\', '/');
        if (normalized.StartsWith('/') || Path.IsPathRooted(entryName) || (normalized.Length > 1 && normalized[1] == ':')
            || normalized.Split('/').Any(s => s == ".."))
        {
            return $"the archive entry name '{entryName}' points outside the archive's folder; it is not read";
        }
        if (IsArchive(normalized))
        {
            return "an archive inside an archive is not opened; extract the outer archive and ingest the folder";
        }
        return TaxonomyCache(normalized.Split('/'));
    }

    private static SourceItem Entry(string archive, string entryName, byte[]? bytes, long sourceBytes)
    {
        var path = archive + "!" + entryName;
        var problem = EntryNameProblem(entryName);
        return problem is null
            ? new SourceItem(path, bytes, null, null, sourceBytes, true)
            : new SourceItem(path, null, null, new RejectedFile(path, problem.StartsWith("part of a taxonomy cache", StringComparison.Ordinal) ? "taxonomy-cache" : "archive-entry", problem), sourceBytes, true);
    }

    private static bool IsManifest(string entryName) =>
        string.Equals(Path.GetFileName(entryName.Replace('\\', '/')), ManifestName, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A zip, entry by entry through <see cref="XbrlZipReader"/> (inflated bytes counted against the limits). An
    /// entry is emitted once the reader has moved past it, so that one stopped by a limit (a zip bomb) is rejected,
    /// not ingested cut short.
    /// </summary>
    private static void Zip(string path, ArchiveLimits limits, Action<SourceItem> emit)
    {
        SourceItem? pending = null;
        ZipPackage package;
        var length = SafeLength(path);
        try
        {
            using var stream = System.IO.File.OpenRead(path);
            package = XbrlZipReader.Read(stream, (entry, data) =>
            {
                if (pending is not null)
                {
                    emit(pending);
                    pending = null;
                }
                if (IsManifest(entry.Name))
                {
                    return;
                }
                var bytes = EntryNameProblem(entry.Name) is null ? ReadAll(data, limits.MaxEntryBytes) : null;
                pending = Entry(path, entry.Name, bytes, 0);
            }, path, limits);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            emit(new SourceItem(path, null, null, new RejectedFile(path, "archive", $"cannot be read: {ex.Message}"), length, false));
            return;
        }
        var stopped = package.Diagnostics.FirstOrDefault(d => d.Code == EdgarCodes.ArchiveLimit);
        if (pending is not null)
        {
            emit(stopped is null
                ? pending
                : new SourceItem(pending.Path, null, null, new RejectedFile(pending.Path, "archive-entry", $"not read: {stopped.Message}"), 0, true));
        }
        foreach (var d in package.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d != stopped))
        {
            emit(new SourceItem(path, null, null, new RejectedFile(path, "archive", d.Message), 0, false));
        }
        if (stopped is not null && pending is null)
        {
            emit(new SourceItem(path, null, null, new RejectedFile(path, "archive", stopped.Message), 0, false));
        }
        // The zip's own bytes, for progress, are accounted once it is read.
        emit(new SourceItem(path, null, null, null, length, false) { AccountsOnly = true });
    }

    /// <summary>
    /// A tar, optionally gzipped (EDGAR's daily feed <c>YYYYMMDD.nc.tar.gz</c>), forward-only through
    /// <see cref="TarReader"/>: one entry in memory at a time; entry and total sizes and the gzip ratio checked on
    /// the bytes actually read.
    /// </summary>
    private static void Tar(string path, ArchiveLimits limits, Action<SourceItem> emit)
    {
        FileStream file;
        try
        {
            file = System.IO.File.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            emit(new SourceItem(path, null, null, new RejectedFile(path, "archive", $"cannot be read: {ex.Message}"), SafeLength(path), false));
            return;
        }
        using (file)
        {
            var gzip = file.ReadByte() == 0x1F && file.ReadByte() == 0x8B;
            file.Position = 0;
            using Stream source = gzip ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true) : new BufferedStream(file, 64 * 1024);
            using var tar = new TarReader(source, leaveOpen: true);
            long total = 0;
            long accounted = 0;
            var count = 0;
            while (true)
            {
                var (entry, error) = Next(tar);
                if (error is not null)
                {
                    emit(new SourceItem(path, null, null, new RejectedFile(path, "archive", $"the archive is damaged after {count} entries ({error}); the rest was not read"), 0, false));
                    break;
                }
                if (entry is null)
                {
                    break;
                }
                if (entry.EntryType is TarEntryType.Directory or TarEntryType.GlobalExtendedAttributes or TarEntryType.ExtendedAttributes)
                {
                    continue;
                }
                if (++count > limits.MaxEntries)
                {
                    emit(new SourceItem(path, null, null, new RejectedFile(path, "archive", $"more than {limits.MaxEntries} entries (ArchiveLimits.MaxEntries); the rest was not read"), 0, false));
                    break;
                }
                var entryPath = path + "!" + entry.Name;
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
                {
                    emit(new SourceItem(entryPath, null, null, new RejectedFile(entryPath, "archive-entry", $"a {entry.EntryType} entry, not a file; it is not read"), 0, true));
                    continue;
                }
                if (IsManifest(entry.Name))
                {
                    continue;
                }
                if (EntryNameProblem(entry.Name) is not null)
                {
                    emit(Entry(path, entry.Name, null, 0));
                    continue;
                }
                if (entry.Length > limits.MaxEntryBytes)
                {
                    emit(new SourceItem(entryPath, null, null, new RejectedFile(entryPath, "archive-entry",
                        $"{entry.Length} bytes, more than ArchiveLimits.MaxEntryBytes ({limits.MaxEntryBytes}); it is not read"), 0, true));
                    continue;
                }
                byte[] bytes;
                try
                {
                    bytes = ReadAll(entry.DataStream, limits.MaxEntryBytes);
                }
                catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
                {
                    emit(new SourceItem(path, null, null, new RejectedFile(path, "archive", $"the archive is damaged inside the entry '{entry.Name}' ({ex.Message}); the rest was not read"), 0, false));
                    break;
                }
                total += bytes.Length;
                if (total > limits.MaxTotalBytes)
                {
                    emit(new SourceItem(path, null, null, new RejectedFile(path, "archive", $"more than ArchiveLimits.MaxTotalBytes ({limits.MaxTotalBytes}) uncompressed; the rest was not read"), 0, false));
                    break;
                }
                if (gzip && total > RatioFloor && total > file.Position * limits.MaxCompressionRatio)
                {
                    emit(new SourceItem(path, null, null, new RejectedFile(path, "archive",
                        $"{file.Position} compressed bytes inflated past {limits.MaxCompressionRatio}:1 (ArchiveLimits.MaxCompressionRatio): it looks like a gzip bomb; the rest was not read"), 0, false));
                    break;
                }
                var moved = file.Position - accounted;
                accounted = file.Position;
                emit(Entry(path, entry.Name, bytes, moved));
            }
            emit(new SourceItem(path, null, null, null, Math.Max(0, SafeLength(path) - accounted), false) { AccountsOnly = true });
        }
    }

    private static (TarEntry? Entry, string? Error) Next(TarReader tar)
    {
        try
        {
            return (tar.GetNextEntry(), null);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException or ArgumentException)
        {
            return (null, ex.Message);
        }
    }

    /// <summary>Reads a stream to its end; more than <paramref name="max"/> bytes is <see cref="InvalidDataException"/>.</summary>
    private static byte[] ReadAll(Stream data, long max)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = data.Read(chunk)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > max)
            {
                throw new InvalidDataException($"the entry is larger than ArchiveLimits.MaxEntryBytes ({max})");
            }
        }
        return buffer.ToArray();
    }
}
