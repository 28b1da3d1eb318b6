using System.Diagnostics;
using System.Text.RegularExpressions;
using EdgarSharp.Storage;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Store;

/// <summary>
/// The whole shared corpus (6,790 files, about 10 to 20 s a run on two busy cores) ingested twice: every document is
/// stored or rejected with a reason of the kinds below, and the second run leaves <c>sqlite3 .dump</c> unchanged
/// except for <c>ingest_runs</c>.
/// </summary>
public class IngestCorpusTests
{
    /// <summary>
    /// The reasons a person would accept for not storing a document, one pattern each, reviewed by reading the
    /// corpus run's groups. A new reason fails the test until someone has read it and added it here. (The second
    /// group of each pair is the wording of the store's <c>FilingReader</c>, which stores more kinds.)
    /// </summary>
    private static readonly Regex[] AcceptedReasons =
    [
        new(@"^[a-z0-9-]+ files are not stored yet \(Forms 3/4/5, comment letters, XBRL linkbases, schemas and instances are\)$"),
        new(@"^[a-z0-9-]+ files are not filings the store keeps \(it keeps "),
        new(@"^submissions of form [A-Z0-9 /-]+ are not stored yet \(Forms 3/4/5, CORRESP and UPLOAD are\)$"),
        new(@"^an? [a-z]+ document the letter reader does not recognise as SEC correspondence \(a staff letter or a company response\)"),
        new(@"^part of the XBRL conformance suite whose index or test case is in its folder or above: a test of XBRL processors, not a filing$"),
        new(@"^an XBRL conformance-suite file tests processors; it is not a filing$"),
        new(@"^part of a taxonomy cache \(http/host/path folders\): a published taxonomy file, not a filing$"),
        new(@"^XBRL inside an archive is not read yet \(its DTS needs the package's other files on disk\): extract the archive and ingest the folder$"),
        new(@"^filing [0-9]{10}-[0-9]{2}-[0-9]{6} is already stored from another document; documents of one filing are stored together from its submission$"),
        new(@"^EDGAR's text extraction of a filing whose own documents \(PDF or HTML\) are beside it, in the filings/ACCESSION folder of its thread: the filing is read from them$"),
    ];

    [Fact]
    public void Every_corpus_document_is_stored_or_rejected_with_a_reason_and_a_second_run_leaves_the_dump_unchanged_but_for_ingest_runs()
    {
        var corpus = Corpus.RequireCorpus();
        using var folder = new TempFolder();
        IngestReport first;
        IngestReport second;
        string dumpBefore;
        using (var store = SqliteEdgarStore.Open(folder.Db))
        {
            first = IngestPipeline.Run(store, [corpus]);
        }
        dumpBefore = Dump(folder.Db);
        using (var store = SqliteEdgarStore.Open(folder.Db))
        {
            second = IngestPipeline.Run(store, [corpus]);
        }
        var dumpAfter = Dump(folder.Db);

        TestContext.Current.SendDiagnosticMessage(
            $"corpus ingest: {first.Total} documents, {first.Stored} stored, {first.Unchanged} unchanged, {first.RejectedCount} rejected in {first.Elapsed.TotalSeconds:0.0} s; again in {second.Elapsed.TotalSeconds:0.0} s");
        Assert.DoesNotContain(first.ByReason, g => g.Kind == "unknown" || g.Reason.StartsWith("cannot be read", StringComparison.Ordinal));
        var unexplained = first.ByReason.Where(g => !AcceptedReasons.Any(r => r.IsMatch(g.Reason))).Select(g => $"{g.Count} {g.Kind}: {g.Reason} (e.g. {g.Example})").ToList();
        Assert.Empty(unexplained);
        Assert.Contains(first.ByKind, k => k.Kind == "ownership-xml" && k.Stored > 0);
        Assert.Contains(first.ByKind, k => k.Kind == "edgar-submission" && k.Form == "CORRESP" && k.Stored > 0);
        Assert.Contains(first.ByKind, k => k.Kind == "xbrl-instance" && k.Stored > 0);
        Assert.Equal(0, second.Stored);
        Assert.Equal(first.Total, second.Total);
        Assert.Equal(Without(dumpBefore, "ingest_runs"), Without(dumpAfter, "ingest_runs"));
        Assert.NotEqual(dumpBefore, dumpAfter);
    }

    /// <summary><c>sqlite3 DB .dump</c> when the binary is there, else every table's rows in key order (<see cref="SqliteEdgarStore.Dump"/>).</summary>
    private static string Dump(string db)
    {
        var sqlite3 = new[] { "/usr/bin/sqlite3", "/usr/local/bin/sqlite3" }.FirstOrDefault(File.Exists);
        if (sqlite3 is null)
        {
            using var store = SqliteEdgarStore.Open(db);
            return store.Dump();
        }
        var start = new ProcessStartInfo(sqlite3) { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(db);
        start.ArgumentList.Add(".dump");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return output;
    }

    /// <summary>The dump without the lines of <paramref name="table"/> (its rows, and its row in <c>sqlite_sequence</c>).</summary>
    private static string Without(string dump, string table) =>
        string.Join('\n', dump.Split('\n').Where(l =>
            !l.StartsWith($"INSERT INTO {table} ", StringComparison.Ordinal) && !l.StartsWith($"INSERT INTO \"{table}\"", StringComparison.Ordinal)
            && !l.StartsWith($"{table}\t", StringComparison.Ordinal)
            && !(l.Contains("sqlite_sequence", StringComparison.Ordinal) && l.Contains($"'{table}'", StringComparison.Ordinal))));
}
