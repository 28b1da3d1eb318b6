using System.Formats.Tar;
using System.IO.Compression;

namespace EdgarSharp.Edgar;

/// <summary>Limits on an archive; immutable, shareable. Every limit is checked on the bytes actually read, never on sizes an archive declares.</summary>
public sealed record ArchiveLimits
{
    /// <summary>The default limits.</summary>
    public static ArchiveLimits Default { get; } = new();

    /// <summary>The most entries read (default 1,000,000; a daily feed archive holds a few thousand).</summary>
    public int MaxEntries { get; init; } = 1_000_000;

    /// <summary>The most uncompressed bytes of one entry (default 2 GiB).</summary>
    public long MaxEntryBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>The most uncompressed bytes of all entries together (default 64 GiB).</summary>
    public long MaxTotalBytes { get; init; } = 64L * 1024 * 1024 * 1024;

    /// <summary>
    /// The largest ratio of uncompressed to compressed bytes a zip entry may reach once past 1 MiB (default 200:
    /// XBRL text compresses about 10:1, a zip bomb a thousand to a million to one).
    /// </summary>
    public double MaxCompressionRatio { get; init; } = 200;
}

/// <summary>One entry of an archive as read: its name as written, the safe name it would be written under, its uncompressed length.</summary>
/// <param name="Name">The entry name as written in the archive (untrusted).</param>
/// <param name="SafeName">The name sanitised by <see cref="EdgarFileNames.Sanitize"/>: a plain file name that cannot leave a folder.</param>
/// <param name="Length">The uncompressed bytes read.</param>
/// <param name="CompressedLength">The compressed bytes (zip entries), or -1 (tar entries).</param>
public sealed record ArchiveEntry(string Name, string SafeName, long Length, long CompressedLength);

/// <summary>One submission of a daily feed archive: the tar entry and the submission read from it.</summary>
/// <param name="Entry">The tar entry.</param>
/// <param name="Submission">The submission read from the entry's bytes.</param>
public sealed record FeedArchiveItem(ArchiveEntry Entry, Submission Submission);

/// <summary>
/// Reads EDGAR daily dissemination-feed archives (<c>YYYYMMDD.nc.tar.gz</c>, or an uncompressed <c>.tar</c>): a tar of
/// <c>.nc</c> submissions, read forward-only through <see cref="GZipStream"/> and <see cref="TarReader"/> so memory
/// holds one submission at a time whatever the archive's size (bounded further by
/// <see cref="SubmissionReadOptions.MaxDocumentBytes"/>). Entry names are untrusted: each item carries a sanitised
/// name, and a name that would escape its folder is reported. A damaged archive (bad gzip, bad tar header) ends the
/// enumeration with an error diagnostic; limits (<see cref="ArchiveLimits"/>) end it likewise. Exceptions only for
/// I/O failures and misuse. Not thread-safe per enumeration.
/// </summary>
public static class FeedArchiveReader
{
    /// <summary>
    /// The submissions in <paramref name="stream"/>, one per regular tar entry, lazily. Diagnostics about the archive
    /// go to <paramref name="diagnostics"/>; each submission carries its own.
    /// </summary>
    public static IEnumerable<FeedArchiveItem> Read(Stream stream, DiagnosticBag diagnostics, string? document = null,
        ArchiveLimits? limits = null, SubmissionReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(diagnostics);
        return ReadIterator(stream, diagnostics, document ?? "(archive)", limits ?? ArchiveLimits.Default, options);
    }

    private static IEnumerable<FeedArchiveItem> ReadIterator(Stream stream, DiagnosticBag diagnostics, string document,
        ArchiveLimits limits, SubmissionReadOptions? options)
    {
        var buffered = new BufferedStream(stream, 64 * 1024);
        var first = buffered.ReadByte();
        var second = first < 0 ? -1 : buffered.ReadByte();
        Stream source = new PrefixedStream([.. new[] { first, second }.Where(b => b >= 0).Select(b => (byte)b)], buffered);
        if (first == 0x1F && second == 0x8B)
        {
            source = new GZipStream(source, CompressionMode.Decompress);
        }
        using var tar = new TarReader(source, leaveOpen: true);
        var count = 0;
        long total = 0;
        while (true)
        {
            TarEntry? entry;
            try
            {
                entry = tar.GetNextEntry();
            }
            catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or FormatException or ArgumentException)
            {
                diagnostics.Error(EdgarCodes.BadArchive, $"The archive is damaged after {count} entries ({ex.Message}); the rest was not read.", new SourceLocation(document));
                yield break;
            }
            if (entry is null)
            {
                yield break;
            }
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
            {
                continue;
            }
            if (++count > limits.MaxEntries)
            {
                diagnostics.Error(EdgarCodes.ArchiveLimit, $"The archive has more than {limits.MaxEntries} entries (ArchiveLimits.MaxEntries); the rest was not read.", new SourceLocation(document));
                yield break;
            }
            if (entry.Length > limits.MaxEntryBytes || total + entry.Length > limits.MaxTotalBytes)
            {
                diagnostics.Error(EdgarCodes.ArchiveLimit,
                    $"The entry '{entry.Name}' ({entry.Length} bytes) exceeds ArchiveLimits.MaxEntryBytes or MaxTotalBytes; reading stopped.", new SourceLocation(document));
                yield break;
            }
            total += entry.Length;
            var safe = EdgarFileNames.Sanitize(entry.Name);
            if (!string.Equals(safe, entry.Name, StringComparison.Ordinal) && (entry.Name.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(entry.Name) || entry.Name.Contains('\\', StringComparison.Ordinal)))
            {
                diagnostics.Warning(EdgarCodes.UnsafeFileName, $"The archive entry '{entry.Name}' points outside its folder; it is named '{safe}'.", new SourceLocation(document));
            }
            Submission submission;
            try
            {
                submission = SubmissionReader.Read(entry.DataStream, $"{document}!{entry.Name}", options);
            }
            catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException)
            {
                diagnostics.Error(EdgarCodes.BadArchive, $"The archive is damaged inside the entry '{entry.Name}' ({ex.Message}); the rest was not read.", new SourceLocation(document));
                yield break;
            }
            yield return new FeedArchiveItem(new ArchiveEntry(entry.Name, safe, entry.Length, -1), submission);
        }
    }

    /// <summary>A stream that yields a few bytes already read, then the rest of another stream.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream rest) : Stream
    {
        private int _offset;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_offset < prefix.Length)
            {
                var n = Math.Min(buffer.Length, prefix.Length - _offset);
                prefix.AsSpan(_offset, n).CopyTo(buffer);
                _offset += n;
                return n;
            }
            return rest.Read(buffer);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>What <see cref="XbrlZipReader"/> read: the entries (metadata) and the problems found.</summary>
/// <param name="Entries">The entries read, in archive order.</param>
/// <param name="Diagnostics">Unsafe names, exceeded limits (zip bombs), a damaged archive.</param>
public sealed record ZipPackage(IReadOnlyList<ArchiveEntry> Entries, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Reads EDGAR's <c>-xbrl.zip</c> packages (and any zip) entry by entry: each entry is decompressed as a stream through
/// a counting guard, so memory stays constant (a seekable stream is read in place; any other stream is first copied to
/// a temporary file that is deleted afterwards). Limits (<see cref="ArchiveLimits"/>) are checked on the bytes actually
/// inflated, so a zip bomb or an entry lying about its size stops with an error diagnostic. Entry names are untrusted:
/// <see cref="ExtractTo"/> writes only under sanitised names inside the target folder. Exceptions only for I/O
/// failures and misuse.
/// </summary>
public static class XbrlZipReader
{
    /// <summary>
    /// Reads every entry of the zip in <paramref name="stream"/>, handing each one's bytes to
    /// <paramref name="onEntry"/> (which may read part or all of the guarded stream; the rest is drained to check it)
    /// or just counting them when null.
    /// </summary>
    public static ZipPackage Read(Stream stream, Action<ArchiveEntry, Stream>? onEntry = null, string? document = null, ArchiveLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= ArchiveLimits.Default;
        var name = document ?? "(zip)";
        var diagnostics = new DiagnosticBag();
        var entries = new List<ArchiveEntry>();
        Stream? spool = null;
        try
        {
            var source = stream;
            if (!stream.CanSeek)
            {
                spool = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
                stream.CopyTo(spool);
                spool.Position = 0;
                source = spool;
            }
            ZipArchive archive;
            try
            {
                archive = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
            }
            catch (InvalidDataException ex)
            {
                diagnostics.Error(EdgarCodes.BadArchive, $"The zip cannot be read ({ex.Message}).", new SourceLocation(name));
                return new ZipPackage(entries, diagnostics.ToList());
            }
            using (archive)
            {
                if (archive.Entries.Count > limits.MaxEntries)
                {
                    diagnostics.Error(EdgarCodes.ArchiveLimit, $"The zip has {archive.Entries.Count} entries, more than ArchiveLimits.MaxEntries ({limits.MaxEntries}); none was read.", new SourceLocation(name));
                    return new ZipPackage(entries, diagnostics.ToList());
                }
                long total = 0;
                foreach (var zipEntry in archive.Entries)
                {
                    if (zipEntry.FullName.EndsWith('/'))
                    {
                        continue;
                    }
                    var safe = EdgarFileNames.Sanitize(zipEntry.FullName);
                    if (zipEntry.FullName.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(zipEntry.FullName) || zipEntry.FullName.StartsWith('/'))
                    {
                        diagnostics.Warning(EdgarCodes.UnsafeFileName, $"The zip entry '{zipEntry.FullName}' points outside its folder; it is named '{safe}'.", new SourceLocation(name));
                    }
                    GuardedStream guard;
                    try
                    {
                        guard = new GuardedStream(zipEntry.Open(), zipEntry.CompressedLength, limits, limits.MaxTotalBytes - total);
                    }
                    catch (InvalidDataException ex)
                    {
                        diagnostics.Error(EdgarCodes.BadArchive, $"The zip entry '{zipEntry.FullName}' cannot be read ({ex.Message}).", new SourceLocation(name));
                        continue;
                    }
                    using (guard)
                    {
                        try
                        {
                            var entry = new ArchiveEntry(zipEntry.FullName, safe, zipEntry.Length, zipEntry.CompressedLength);
                            onEntry?.Invoke(entry, guard);
                            guard.Drain();
                        }
                        catch (InvalidDataException ex)
                        {
                            diagnostics.Error(EdgarCodes.BadArchive, $"The zip entry '{zipEntry.FullName}' is damaged ({ex.Message}).", new SourceLocation(name));
                        }
                        total += guard.Count;
                        entries.Add(new ArchiveEntry(zipEntry.FullName, safe, guard.Count, zipEntry.CompressedLength));
                        if (guard.Stopped is { } reason)
                        {
                            diagnostics.Error(EdgarCodes.ArchiveLimit,
                                $"The zip entry '{zipEntry.FullName}' stopped at {guard.Count} bytes: {reason} It looks like a zip bomb; the rest of the archive was not read.",
                                new SourceLocation(name));
                            break;
                        }
                    }
                }
            }
        }
        finally
        {
            spool?.Dispose();
        }
        return new ZipPackage(entries, diagnostics.ToList());
    }

    /// <summary>
    /// Writes every entry into <paramref name="folder"/> (created when missing) under its sanitised name (a second
    /// entry with the same name gets <c>-2</c>, ...); nothing is ever written outside the folder. A limit reached
    /// deletes the partial file of that entry.
    /// </summary>
    public static ZipPackage ExtractTo(Stream stream, string folder, string? document = null, ArchiveLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var root = Path.GetFullPath(folder);
        Directory.CreateDirectory(root);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        var result = Read(stream, (entry, data) =>
        {
            var path = EdgarFileNames.PathUnder(root, entry.Name);
            for (var i = 2; !used.Add(path); i++)
            {
                path = Path.Combine(root, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{Path.GetFileNameWithoutExtension(entry.SafeName)}-{i}{Path.GetExtension(entry.SafeName)}"));
            }
            last = path;
            using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
            data.CopyTo(file);
        }, document, limits);
        if (last is not null && result.Diagnostics.Any(d => d.Code == EdgarCodes.ArchiveLimit))
        {
            File.Delete(last);
        }
        return result;
    }

    /// <summary>Counts inflated bytes and stops (returns end of stream) at a limit, recording why.</summary>
    private sealed class GuardedStream(Stream inner, long compressed, ArchiveLimits limits, long totalRoom) : Stream
    {
        private const long RatioFloor = 1024 * 1024;

        public long Count { get; private set; }

        public string? Stopped { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Count; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (Stopped is not null)
            {
                return 0;
            }
            var n = inner.Read(buffer);
            Count += n;
            if (Count > limits.MaxEntryBytes)
            {
                Stopped = $"more than ArchiveLimits.MaxEntryBytes ({limits.MaxEntryBytes}) uncompressed.";
            }
            else if (Count > totalRoom)
            {
                Stopped = $"the archive passed ArchiveLimits.MaxTotalBytes ({limits.MaxTotalBytes}) uncompressed.";
            }
            else if (Count > RatioFloor && Count > compressed * limits.MaxCompressionRatio)
            {
                Stopped = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{compressed} compressed bytes inflated past {limits.MaxCompressionRatio}:1 (ArchiveLimits.MaxCompressionRatio).");
            }
            return n;
        }

        public void Drain()
        {
            var buffer = new byte[16 * 1024];
            while (Read(buffer) > 0)
            {
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
