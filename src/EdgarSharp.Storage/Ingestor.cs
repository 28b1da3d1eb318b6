namespace EdgarSharp.Storage;

/// <summary>A file ingest stored (or found unchanged): the file, the filing id, its kind and form.</summary>
public sealed record IngestedFile(string File, string FilingId, string Kind, string? Form, StoreOutcome Outcome);

/// <summary>A file ingest did not store, with the reason.</summary>
public sealed record RejectedFile(string File, string Kind, string Reason);

/// <summary>
/// Ingest: walks files, folders, submissions and archives, detects each document's kind, reads it with the library's
/// readers (<see cref="FilingReader"/>) and stores it, one transaction per filing. A <c>manifest.json</c> beside the
/// files (as in <c>samples/</c>) gives the company, form and dates the documents lack; it is metadata, not a filing.
/// </summary>
public static class Ingestor
{
    /// <summary>
    /// Ingests every file under <paramref name="sources"/> into <paramref name="store"/> through the
    /// <see cref="IngestPipeline"/> with its default options.
    /// </summary>
    public static IngestReport Ingest(IEdgarStore store, IReadOnlyList<string> sources) => IngestPipeline.Run(store, sources);

    /// <summary>Reads one file with <see cref="FilingReader"/> and stores the filing in one transaction.</summary>
    internal static (IngestedFile? Ingested, RejectedFile? Rejected) IngestFile(IEdgarStore store, string path, Manifest? manifest) =>
        StoreFile(store, path, FilingReader.Read(path, manifest));

    /// <summary>Stores what <see cref="FilingReader"/> read (one transaction), or passes its rejection on.</summary>
    internal static (IngestedFile? Ingested, RejectedFile? Rejected) StoreFile(IEdgarStore store, string path, FilingRead read)
    {
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
