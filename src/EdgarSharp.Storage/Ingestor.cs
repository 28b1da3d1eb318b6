using EdgarSharp.Documents;

namespace EdgarSharp.Storage;

/// <summary>A file ingest stored (or found unchanged): the file, the filing id, its kind and form.</summary>
public sealed record IngestedFile(string File, string FilingId, string Kind, string? Form, StoreOutcome Outcome);

/// <summary>A file ingest did not store, with the reason.</summary>
public sealed record RejectedFile(string File, string Kind, string Reason);

/// <summary>What one ingest run did.</summary>
public sealed record IngestReport(long Run, IReadOnlyList<IngestedFile> Files, IReadOnlyList<RejectedFile> Rejected)
{
    /// <summary>Files stored new or replaced.</summary>
    public int Stored => Files.Count(f => f.Outcome is StoreOutcome.Stored or StoreOutcome.Replaced);

    /// <summary>Files already in the store with the same bytes.</summary>
    public int Unchanged => Files.Count(f => f.Outcome == StoreOutcome.Unchanged);
}

/// <summary>
/// Ingest: walks files and folders, detects each file's kind, reads it with the library's readers and stores it,
/// one transaction per filing. A <c>manifest.json</c> beside the files (as in <c>samples/</c>) gives the company,
/// form and dates the documents lack; it is metadata, not a filing.
/// </summary>
public static class Ingestor
{
    private const string ManifestName = Manifest.FileName;

    /// <summary>Ingests every file under <paramref name="sources"/> into <paramref name="store"/>.</summary>
    public static IngestReport Ingest(IEdgarStore store, IReadOnlyList<string> sources)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sources);
        var run = store.BeginRun(sources.Select(s => Path.GetFullPath(s)).ToList());
        var files = new List<IngestedFile>();
        var rejected = new List<RejectedFile>();
        var manifests = new Dictionary<string, Manifest?>(StringComparer.Ordinal);
        var suiteFolders = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (path, root) in Expand(sources, rejected))
        {
            if (string.Equals(Path.GetFileName(path), ManifestName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var segments = Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            if (segments.Length > 2 && segments[..^1].Any(x => x is "http" or "https"))
            {
                rejected.Add(new RejectedFile(path, "taxonomy-cache",
                    "part of a taxonomy cache (http/host/path folders): a published taxonomy file, not a filing"));
                continue;
            }
            if (SuiteFolder(path, root, suiteFolders) is { } suite)
            {
                rejected.Add(new RejectedFile(path, "conformance-suite",
                    $"part of the XBRL conformance suite in {suite}: a test of XBRL processors, not a filing"));
                continue;
            }
            var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            if (!manifests.TryGetValue(directory, out var manifest))
            {
                manifest = Manifest.Load(Path.Combine(directory, ManifestName));
                manifests[directory] = manifest;
            }
            try
            {
                var outcome = IngestFile(store, path, manifest);
                if (outcome.Ingested is { } ok)
                {
                    files.Add(ok);
                }
                else
                {
                    rejected.Add(outcome.Rejected!);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException or System.Xml.XmlException)
            {
                rejected.Add(new RejectedFile(path, "unknown", $"cannot be read: {ex.Message}"));
            }
        }
        var report = new IngestReport(run, files, rejected);
        store.EndRun(run, report.Stored, report.Unchanged, rejected.Count);
        return report;
    }

    /// <summary>
    /// The folder, between the file's own and <paramref name="root"/>, that holds an XBRL conformance-suite index
    /// or test case (so that the suite's schemas and instances are not taken for filings), or null. The file itself,
    /// when it is a test case, is left to detection.
    /// </summary>
    private static string? SuiteFolder(string path, string root, Dictionary<string, bool> cache)
    {
        var rootFull = Path.GetFullPath(root);
        for (var dir = Path.GetDirectoryName(Path.GetFullPath(path)); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (!cache.TryGetValue(dir, out var isSuite))
            {
                isSuite = Directory.EnumerateFiles(dir, "*.xml").Any(f =>
                    !string.Equals(Path.GetFullPath(f), Path.GetFullPath(path), StringComparison.Ordinal)
                    && DocumentKindDetector.DetectFile(f).Kind == DocumentKind.ConformanceSuite);
                cache[dir] = isSuite;
            }
            if (isSuite)
            {
                return dir;
            }
            if (string.Equals(dir, rootFull, StringComparison.Ordinal) || !dir.StartsWith(rootFull, StringComparison.Ordinal))
            {
                return null;
            }
        }
        return null;
    }

    private static IEnumerable<(string Path, string Root)> Expand(IReadOnlyList<string> sources, List<RejectedFile> rejected)
    {
        foreach (var source in sources)
        {
            if (Directory.Exists(source))
            {
                foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    yield return (file, source);
                }
            }
            else if (File.Exists(source))
            {
                yield return (source, Path.GetDirectoryName(Path.GetFullPath(source)) ?? ".");
            }
            else
            {
                rejected.Add(new RejectedFile(source, "missing", "no such file or folder"));
            }
        }
    }

    /// <summary>Reads one file with <see cref="FilingReader"/> and stores the filing in one transaction.</summary>
    internal static (IngestedFile? Ingested, RejectedFile? Rejected) IngestFile(IEdgarStore store, string path, Manifest? manifest)
    {
        var read = FilingReader.Read(path, manifest);
        if (read.Filing is not { } filing)
        {
            return (null, read.Rejected);
        }
        var outcome = store.Store(filing);
        return outcome == StoreOutcome.HeldByAnotherDocument
            ? (null, new RejectedFile(path, filing.Kind, $"filing {filing.Id} is already stored from another document; documents of one filing are stored together from its submission"))
            : (new IngestedFile(path, filing.Id, filing.Kind, filing.Form, outcome), null);
    }
}
