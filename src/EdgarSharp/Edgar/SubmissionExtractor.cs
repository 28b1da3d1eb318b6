namespace EdgarSharp.Edgar;

/// <summary>One document written out by <see cref="SubmissionExtractor"/>.</summary>
/// <param name="Document">The document (its content released when <see cref="SubmissionExtractor.Extract"/> streams).</param>
/// <param name="Path">The full path written, always inside the target folder.</param>
public sealed record ExtractedDocument(SubmissionDocument Document, string Path);

/// <summary>What <see cref="SubmissionExtractor.Extract"/> did.</summary>
/// <param name="Header">The submission's header.</param>
/// <param name="Documents">The documents written, in file order.</param>
/// <param name="Diagnostics">The reader's diagnostics plus one per renamed or unsafe file name.</param>
public sealed record ExtractionResult(SubmissionHeader Header, IReadOnlyList<ExtractedDocument> Documents, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Writes the documents of a submission into a folder, one file each, streaming (one document in memory at a time).
/// Names come from <c>&lt;FILENAME&gt;</c> (else the uuencode name, else <c>document-SEQUENCE.txt</c>) through
/// <see cref="EdgarFileNames.Sanitize"/>, so no name can leave the folder (<c>../</c>, absolute paths, device names);
/// an unsafe name is reported. Two documents with the same name get <c>-2</c>, <c>-3</c>... before the extension.
/// Bad input is reported as by <see cref="SubmissionReader"/>; exceptions only for I/O failures.
/// </summary>
public static class SubmissionExtractor
{
    /// <summary>Extracts the submission in <paramref name="stream"/> into <paramref name="folder"/> (created when missing).</summary>
    /// <exception cref="IOException">The stream cannot be read or a file cannot be written.</exception>
    public static ExtractionResult Extract(Stream stream, string folder, string? document = null, SubmissionReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var root = Path.GetFullPath(folder);
        Directory.CreateDirectory(root);
        using var reader = SubmissionStreamReader.Open(stream, document, options, leaveOpen: true);
        var written = new List<ExtractedDocument>();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in reader.ReadDocuments())
        {
            var path = EdgarFileNames.PathUnder(root, d.FileName ?? d.UuencodedName, d.Sequence);
            path = Unique(path, used);
            using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                file.Write(d.Content.Span);
            }
            // Keep the metadata, release the body.
            written.Add(new ExtractedDocument(d with { Content = ReadOnlyMemory<byte>.Empty }, path));
        }
        return new ExtractionResult(reader.Header, written, reader.Diagnostics.ToList());
    }

    /// <summary>Extracts the submission file at <paramref name="path"/> into <paramref name="folder"/>.</summary>
    public static ExtractionResult ExtractFile(string path, string folder, SubmissionReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        return Extract(stream, folder, path, options);
    }

    private static string Unique(string path, HashSet<string> used)
    {
        if (used.Add(path))
        {
            return path;
        }
        var directory = Path.GetDirectoryName(path)!;
        var stem = Path.GetFileNameWithoutExtension(path);
        var extension = Path.GetExtension(path);
        for (var i = 2; ; i++)
        {
            var candidate = Path.Combine(directory, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{stem}-{i}{extension}"));
            if (used.Add(candidate))
            {
                return candidate;
            }
        }
    }
}
