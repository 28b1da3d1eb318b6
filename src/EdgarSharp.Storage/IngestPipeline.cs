using System.Diagnostics;
using System.Threading.Channels;
using EdgarSharp.Documents;
using EdgarSharp.Edgar;

namespace EdgarSharp.Storage;

/// <summary>How an ingest run reads, what it keeps and whom it tells.</summary>
public sealed record IngestOptions
{
    /// <summary>The defaults: a reader per core, 1,000 files and rejections listed in the report.</summary>
    public static IngestOptions Default { get; } = new();

    /// <summary>The reader threads (default: one per core); storing is always one writer.</summary>
    public int Readers { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// The most documents in flight between the sources and the store (default: four per reader): this bounds
    /// memory whatever the size of the sources.
    /// </summary>
    public int InFlight { get; init; }

    /// <summary>How many stored files and rejections <see cref="IngestReport"/> lists (default 1,000 each); its counts are always complete.</summary>
    public int Listed { get; init; } = 1000;

    /// <summary>Limits on archive entries (default: 128 MiB an entry, the rest as <see cref="ArchiveLimits.Default"/>).</summary>
    public ArchiveLimits ArchiveLimits { get; init; } = new() { MaxEntryBytes = 128L * 1024 * 1024 };

    /// <summary>Called on the writer thread after each filing's transaction committed (or found it unchanged).</summary>
    public Action<IngestedFile>? Ingested { get; init; }

    /// <summary>Called on the writer thread for each rejection, in source order.</summary>
    public Action<RejectedFile>? Rejected { get; init; }

    /// <summary>Called on the writer thread after each document; cheap callers throttle themselves.</summary>
    public Action<IngestProgress>? Progress { get; init; }
}

/// <summary>Where an ingest run is: documents done, their outcomes, bytes, and the sources' bytes accounted for.</summary>
/// <param name="Files">Documents done (stored, unchanged or rejected).</param>
/// <param name="Stored">Stored new or replaced.</param>
/// <param name="Unchanged">Found in the store with the same bytes.</param>
/// <param name="Rejected">Rejected.</param>
/// <param name="Bytes">Bytes of the documents read.</param>
/// <param name="SourceBytes">Bytes of the sources (files, archives as compressed) accounted for: the progress against <see cref="IngestPipeline.MeasureSources"/>.</param>
/// <param name="Elapsed">Time since the run started.</param>
public readonly record struct IngestProgress(long Files, long Stored, long Unchanged, long Rejected, long Bytes, long SourceBytes, TimeSpan Elapsed);

/// <summary>Filings of one kind and form that a run stored new, replaced or found unchanged.</summary>
public sealed record IngestKindCount(string Kind, string? Form, int Stored, int Replaced, int Unchanged);

/// <summary>Rejections with one kind and reason: how many, and the first file.</summary>
public sealed record IngestRejectionGroup(string Kind, string Reason, int Count, string Example);

/// <summary>
/// What one ingest run did: complete counts, the filings by kind and form, the rejections grouped by reason, and
/// the first <see cref="IngestOptions.Listed"/> files and rejections (the rest went to the callbacks only), so that
/// its size does not grow with the sources.
/// </summary>
public sealed class IngestReport
{
    /// <summary>The run's id in <c>ingest_runs</c>.</summary>
    public required long Run { get; init; }

    /// <summary>Filings stored new or replaced.</summary>
    public required int Stored { get; init; }

    /// <summary>Of <see cref="Stored"/>, those that replaced other bytes under the same accession number.</summary>
    public required int Replaced { get; init; }

    /// <summary>Filings already in the store with the same bytes.</summary>
    public required int Unchanged { get; init; }

    /// <summary>Documents rejected.</summary>
    public required int RejectedCount { get; init; }

    /// <summary>Bytes of the documents read.</summary>
    public required long Bytes { get; init; }

    /// <summary>Wall-clock time of the run.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>The first files stored or found unchanged, in source order.</summary>
    public required IReadOnlyList<IngestedFile> Files { get; init; }

    /// <summary>The first rejections, in source order.</summary>
    public required IReadOnlyList<RejectedFile> Rejected { get; init; }

    /// <summary>Filings by kind and form, by kind then form.</summary>
    public required IReadOnlyList<IngestKindCount> ByKind { get; init; }

    /// <summary>Rejections by kind and reason, most frequent first.</summary>
    public required IReadOnlyList<IngestRejectionGroup> ByReason { get; init; }

    /// <summary>All documents done: stored, unchanged and rejected.</summary>
    public int Total => Stored + Unchanged + RejectedCount;
}

/// <summary>
/// The ingest pipeline: one producer expands the sources (<see cref="SourceExpander"/>) in a fixed order; reader
/// threads (<see cref="IngestOptions.Readers"/>) read each document into its filing (<see cref="DocumentSeam.Read"/>,
/// no store); one writer (the calling thread) stores the filings in source order, one transaction each
/// (<see cref="DocumentSeam.Store"/>), so that a run gives the same store whatever the threads' timing, and a run
/// after a crash picks up where the committed transactions end. Channels connect the stages; a window of
/// <see cref="IngestOptions.InFlight"/> documents bounds memory.
/// </summary>
public static class IngestPipeline
{
    private const int MaxGroups = 1000;

    /// <summary>The bytes of the sources (files, archives at their compressed size): the whole that <see cref="IngestProgress.SourceBytes"/> counts towards.</summary>
    public static long MeasureSources(IReadOnlyList<string> sources) => SourceExpander.MeasureBytes(sources);

    /// <summary>Ingests every document under <paramref name="sources"/> into <paramref name="store"/>.</summary>
    public static IngestReport Run(IEdgarStore store, IReadOnlyList<string> sources, IngestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(sources);
        options ??= IngestOptions.Default;
        var readers = Math.Max(1, options.Readers);
        var inFlight = options.InFlight > 0 ? options.InFlight : 4 * readers;
        var clock = Stopwatch.StartNew();
        var run = store.BeginRun(sources.Select(Path.GetFullPath).ToList());
        var tally = new Tally(options.Listed);

        using var cancel = new CancellationTokenSource();
        using var window = new SemaphoreSlim(inFlight, inFlight);
        var input = Channel.CreateUnbounded<(long Seq, SourceItem Item)>(new UnboundedChannelOptions { SingleWriter = true });
        var output = Channel.CreateUnbounded<Read>(new UnboundedChannelOptions { SingleReader = true });

        var producer = Task.Factory.StartNew(() =>
        {
            try
            {
                long seq = 0;
                SourceExpander.Expand(sources, options.ArchiveLimits, item =>
                {
                    window.Wait(cancel.Token);
                    input.Writer.TryWrite((seq++, item));
                });
                input.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                input.Writer.TryComplete(ex);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var readerTasks = Enumerable.Range(0, readers).Select(_ => Task.Run(async () =>
        {
            try
            {
                await foreach (var (seq, item) in input.Reader.ReadAllAsync(cancel.Token).ConfigureAwait(false))
                {
                    output.Writer.TryWrite(ReadItem(seq, item));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A reader's bug or the producer's failure: the writer, waiting for this document, must hear it now.
                output.Writer.TryComplete(ex);
                cancel.Cancel();
            }
        })).ToArray();
        _ = Task.WhenAll(readerTasks).ContinueWith(
            t => output.Writer.TryComplete(t.Exception?.InnerException), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        try
        {
            var waiting = new Dictionary<long, Read>();
            long next = 0;
            while (output.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (output.Reader.TryRead(out var read))
                {
                    waiting[read.Seq] = read;
                }
                while (waiting.Remove(next, out var read))
                {
                    Write(store, read, tally, options);
                    next++;
                    window.Release();
                    options.Progress?.Invoke(tally.Progress(clock.Elapsed));
                }
            }
        }
        catch
        {
            cancel.Cancel();
            try
            {
                Task.WaitAll([producer, .. readerTasks]);
            }
            catch (AggregateException)
            {
                // the first failure is the one reported
            }
            throw;
        }
        producer.GetAwaiter().GetResult();
        var report = tally.Report(run, clock.Elapsed);
        store.EndRun(run, report.Stored, report.Unchanged, report.RejectedCount);
        return report;
    }

    /// <summary>One document read (or rejected), waiting for the writer.</summary>
    private sealed record Read(long Seq, SourceItem Item, FilingRead? Reading, long Bytes);

    private static Read ReadItem(long seq, SourceItem item)
    {
        if (item.AccountsOnly)
        {
            return new Read(seq, item, null, 0);
        }
        if (item.Rejected is { } rejected)
        {
            return new Read(seq, item, new FilingRead(null, rejected), 0);
        }
        byte[] bytes = [];
        try
        {
            bytes = item.Bytes ?? File.ReadAllBytes(item.Path);
            if (item.FromArchive && DocumentKindDetector.Detect(bytes, isWholeDocument: true, document: item.Path) is { } kind && IsXbrl(kind.Kind))
            {
                return new Read(seq, item, new FilingRead(null, new RejectedFile(item.Path, kind.KindName,
                    "XBRL inside an archive is not read yet (its DTS needs the package's other files on disk): extract the archive and ingest the folder")), bytes.Length);
            }
            return new Read(seq, item, DocumentSeam.Read(bytes, item.Path, item.Manifest), bytes.Length);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException or System.Xml.XmlException)
        {
            return new Read(seq, item, new FilingRead(null, new RejectedFile(item.Path, "unknown", $"cannot be read: {ex.Message}")), bytes.Length);
        }
    }

    private static bool IsXbrl(DocumentKind kind) => kind is DocumentKind.XbrlSchema or DocumentKind.LabelLinkbase or DocumentKind.PresentationLinkbase
        or DocumentKind.CalculationLinkbase or DocumentKind.DefinitionLinkbase or DocumentKind.ReferenceLinkbase or DocumentKind.GenericLinkbase
        or DocumentKind.XbrlInstance;

    private static void Write(IEdgarStore store, Read read, Tally tally, IngestOptions options)
    {
        tally.SourceBytes += read.Item.SourceBytes;
        if (read.Reading is not { } reading)
        {
            return;
        }
        tally.Bytes += read.Bytes;
        var (ingested, rejected) = DocumentSeam.Store(store, read.Item.Path, reading);
        if (ingested is not null)
        {
            tally.Add(ingested);
            options.Ingested?.Invoke(ingested);
        }
        else if (rejected is not null)
        {
            tally.Add(rejected);
            options.Rejected?.Invoke(rejected);
        }
    }

    /// <summary>The writer's counts, groups and bounded lists.</summary>
    private sealed class Tally(int listed)
    {
        private readonly List<IngestedFile> _files = [];
        private readonly List<RejectedFile> _rejected = [];
        private readonly Dictionary<(string Kind, string? Form), (int Stored, int Replaced, int Unchanged)> _kinds = [];
        private readonly Dictionary<(string Kind, string Reason), (int Count, string Example)> _reasons = [];
        private int _stored;
        private int _replaced;
        private int _unchanged;
        private int _rejectedCount;

        public long Bytes { get; set; }

        public long SourceBytes { get; set; }

        public void Add(IngestedFile file)
        {
            if (_files.Count < listed)
            {
                _files.Add(file);
            }
            var key = (file.Kind, file.Form);
            if (!_kinds.ContainsKey(key) && _kinds.Count >= MaxGroups)
            {
                key = ("(other)", null);
            }
            var (s, r, u) = _kinds.GetValueOrDefault(key);
            switch (file.Outcome)
            {
                case StoreOutcome.Stored:
                    _stored++;
                    s++;
                    break;
                case StoreOutcome.Replaced:
                    _stored++;
                    _replaced++;
                    r++;
                    break;
                default:
                    _unchanged++;
                    u++;
                    break;
            }
            _kinds[key] = (s, r, u);
        }

        public void Add(RejectedFile rejected)
        {
            _rejectedCount++;
            if (_rejected.Count < listed)
            {
                _rejected.Add(rejected);
            }
            var key = (rejected.Kind, rejected.Reason);
            if (!_reasons.ContainsKey(key) && _reasons.Count >= MaxGroups)
            {
                key = ("(other)", "(more distinct reasons than the report keeps)");
            }
            _reasons[key] = _reasons.TryGetValue(key, out var g) ? (g.Count + 1, g.Example) : (1, rejected.File);
        }

        public IngestProgress Progress(TimeSpan elapsed) =>
            new(_stored + _unchanged + _rejectedCount, _stored, _unchanged, _rejectedCount, Bytes, SourceBytes, elapsed);

        public IngestReport Report(long run, TimeSpan elapsed) => new()
        {
            Run = run, Stored = _stored, Replaced = _replaced, Unchanged = _unchanged, RejectedCount = _rejectedCount,
            Bytes = Bytes, Elapsed = elapsed, Files = _files, Rejected = _rejected,
            ByKind = _kinds.Select(k => new IngestKindCount(k.Key.Kind, k.Key.Form, k.Value.Stored, k.Value.Replaced, k.Value.Unchanged))
                .OrderBy(k => k.Kind, StringComparer.Ordinal).ThenBy(k => k.Form, StringComparer.Ordinal).ToList(),
            ByReason = _reasons.Select(g => new IngestRejectionGroup(g.Key.Kind, g.Key.Reason, g.Value.Count, g.Value.Example))
                .OrderByDescending(g => g.Count).ThenBy(g => g.Kind, StringComparer.Ordinal).ThenBy(g => g.Reason, StringComparer.Ordinal).ToList(),
        };
    }
}

/// <summary>
/// The one seam between the pipeline and the per-document reading it schedules: <see cref="Read"/> turns a
/// document's bytes into its filing or rejection on any thread, without the store; <see cref="Store"/> stores it on
/// the writer, one transaction.
/// </summary>
internal static class DocumentSeam
{
    /// <summary>Reads a document (thread-safe, no store).</summary>
    public static FilingRead Read(byte[] bytes, string path, Manifest? manifest) => FilingReader.Read(bytes, path, manifest);

    /// <summary>Stores what <see cref="Read"/> gave, or passes its rejection on.</summary>
    public static (IngestedFile? Ingested, RejectedFile? Rejected) Store(IEdgarStore store, string path, FilingRead reading) =>
        Ingestor.StoreFile(store, path, reading);
}
