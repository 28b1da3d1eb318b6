using System.Diagnostics;
using System.Globalization;
using EdgarSharp.Storage;
using EdgarSharp.Tests.Support;

namespace EdgarSharp.Tests.Store;

/// <summary>
/// Crash safety: the real <c>edgar</c> command, run as a child process over 200 synthetic Form 4 submissions (and, with
/// the corpus, over 200 of its documents of every kind the store keeps), is
/// killed with SIGKILL at 20 seeded points (after N filings committed: 18 held there, 2 running on) and run again each time; at the end the store must equal a clean run's,
/// every filing exactly once. The seed is printed; set <c>EDGAR_CRASH_SEED</c> to replay a run.
/// </summary>
public class IngestCrashTests
{
    private const int Documents = 200;
    private const int Kills = 20;

    [Fact]
    public void Ingest_killed_with_SIGKILL_at_20_seeded_points_and_run_again_stores_every_filing_exactly_once()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "SIGKILL is a Unix signal.");
        var (seed, random) = Seed("IngestCrashTests");
        using var folder = new TempFolder();
        var input = Path.Combine(folder.Path, "in");
        var accessions = SyntheticForm4.WriteFolder(input, Documents);
        var db = Path.Combine(folder.Path, "crashed.db");

        // Kill after 1 to 10 more filings committed. The first 18 points hold the writer right after that commit
        // (readers still reading) so the kill lands at an exact, seeded place: 18 x 10 at most leaves filings for
        // the last two, which run on for a seeded 0-5 ms before the SIGKILL and so land wherever ingest is,
        // inside a transaction or between two.
        var (killed, log) = KillRepeatedly(input, db, random, maxAfter: 10, (check, point) =>
        {
            if (point.Hold && point.WasKilled)
            {
                Assert.Equal(point.Before + point.After, point.Now);
            }
            // One transaction per filing: every filing stored has its insider report, and no report is left without its filing.
            Assert.Equal(check.Count("filings"), check.Count("insider_reports"));
        });
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join('\n', log));
        var (finalExit, finalKilled) = RunEdgar(input, db, killAfter: 0, hold: false, delayMs: 0);

        Assert.Equal((0, false), (finalExit, finalKilled));
        Assert.True(killed >= Kills - 2, $"seed {seed}: only {killed} of {Kills} runs were killed before they finished:\n{string.Join('\n', log)}");
        using var crashed = SqliteEdgarStore.Open(db);
        using var clean = SqliteEdgarStore.Open(Path.Combine(folder.Path, "clean.db"));
        IngestPipeline.Run(clean, [input]);
        Assert.Equal(Documents, crashed.Count("filings"));
        Assert.Equal(Documents, Convert.ToInt32(crashed.Query("SELECT COUNT(DISTINCT content_sha256) FROM filings", null), CultureInfo.InvariantCulture));
        Assert.Equal(accessions.Order(StringComparer.Ordinal),
            crashed.Dump().Split('\n').Where(l => l.StartsWith("filings\t", StringComparison.Ordinal)).Select(l => l.Split('\t')[1]));
        Assert.Equal(clean.Dump("ingest_runs"), crashed.Dump("ingest_runs"));
        Assert.Equal(Kills + 1L, crashed.Count("ingest_runs"));
    }

    [Fact]
    public void Ingest_of_200_corpus_documents_killed_with_SIGKILL_at_20_seeded_points_ends_equal_to_a_clean_run()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "SIGKILL is a Unix signal.");
        var corpus = Corpus.RequireCorpus();
        var (seed, random) = Seed("IngestCrashTests (corpus)");
        using var folder = new TempFolder();
        var input = Path.Combine(folder.Path, "in");
        var copied = CorpusSubset(corpus, input, Documents);
        Assert.Equal(Documents, copied);
        var db = Path.Combine(folder.Path, "crashed.db");
        using (var clean = SqliteEdgarStore.Open(Path.Combine(folder.Path, "clean.db")))
        {
            IngestPipeline.Run(clean, [input]);
        }

        // Every kind of filing the store keeps, so the kills land inside XBRL, letter and submission transactions too.
        var (killed, log) = KillRepeatedly(input, db, random, maxAfter: 7, (_, _) => { });
        TestContext.Current.TestOutputHelper?.WriteLine($"seed {seed}\n{string.Join('\n', log)}");
        var (finalExit, finalKilled) = RunEdgar(input, db, killAfter: 0, hold: false, delayMs: 0);

        Assert.Equal((0, false), (finalExit, finalKilled));
        Assert.True(killed >= Kills / 2, $"seed {seed}: only {killed} of {Kills} runs were killed before they finished:\n{string.Join('\n', log)}");
        using var crashed = SqliteEdgarStore.Open(db);
        using var reference = SqliteEdgarStore.Open(Path.Combine(folder.Path, "clean.db"));
        Assert.True(reference.Count("filings") >= 100, $"the subset stores {reference.Count("filings")} filings");
        Assert.Equal(reference.Dump("ingest_runs"), crashed.Dump("ingest_runs"));
    }

    private static (int Seed, Random Random) Seed(string test)
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("EDGAR_CRASH_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)
            ? s : Random.Shared.Next();
        TestContext.Current.SendDiagnosticMessage($"{test} seed {seed} (EDGAR_CRASH_SEED={seed} replays it)");
        TestContext.Current.TestOutputHelper?.WriteLine($"seed {seed}");
        return (seed, new Random(seed));
    }

    private readonly record struct KillPoint(int After, bool Hold, bool WasKilled, long Before, long Now);

    /// <summary>
    /// <see cref="Kills"/> runs of <c>edgar ingest</c>, each killed after 1 to <paramref name="maxAfter"/> more filings
    /// (the first all but two held right after that commit; the last two running on for 0 to 5 ms); after each, the
    /// store passes SQLite's integrity check and <paramref name="check"/>. How many were killed, and a line per run.
    /// </summary>
    private static (int Killed, List<string> Log) KillRepeatedly(string input, string db, Random random, int maxAfter, Action<SqliteEdgarStore, KillPoint> check)
    {
        var killed = 0;
        var log = new List<string>();
        for (var point = 0; point < Kills; point++)
        {
            var after = random.Next(1, maxAfter + 1);
            var hold = point < Kills - 2;
            var delay = hold ? 0 : random.Next(0, 6);
            var before = Filings(db);
            var (exit, wasKilled) = RunEdgar(input, db, after, hold, delay);
            killed += wasKilled ? 1 : 0;
            var now = Filings(db);
            log.Add($"point {point + 1}: kill after {after}{(hold ? " (held)" : $" + {delay} ms")}: exit {exit}{(wasKilled ? " (SIGKILL)" : string.Empty)}; filings {before} -> {now}");
            using var store = SqliteEdgarStore.Open(db);
            Assert.Equal("ok", store.Query("PRAGMA integrity_check", null) as string);
            check(store, new KillPoint(after, hold, wasKilled, before, now));
        }
        return (killed, log);
    }

    /// <summary>
    /// Copies <paramref name="count"/> documents of the corpus that the store keeps into <paramref name="target"/>: two
    /// XBRL filing folders whole (their DTS needs the folder), then Forms 3/4/5, full submissions, CORRESP/UPLOAD
    /// submissions and letters of the lehigh-sp500 threads, in ordinal order.
    /// </summary>
    private static int CorpusSubset(string corpus, string target, int count)
    {
        var files = new List<(string Source, string Relative)>();
        foreach (var filing in new[] { "xbrl-filings/edgartools/aapl_10k_2023", "xbrl-filings/edgartools/nflx_10q_2024" })
        {
            files.AddRange(Directory.EnumerateFiles(Path.Combine(corpus, filing)).Order(StringComparer.Ordinal).Select(f => (f, Path.Combine(filing, Path.GetFileName(f)))));
        }
        foreach (var (dir, pattern) in new[] { ("ownership-xml/edgartools", "*.xml"), ("ownership-xml/extracted-from-submissions", "*.xml"),
            ("submissions/edgartools", "*.txt"), ("correspondence/edgartools", "*.txt") })
        {
            var full = Path.Combine(corpus, dir);
            if (Directory.Exists(full))
            {
                files.AddRange(Directory.EnumerateFiles(full, pattern).Order(StringComparer.Ordinal).Select(f => (f, Path.Combine(dir, Path.GetFileName(f)))));
            }
        }
        var letters = Path.Combine(corpus, "correspondence/lehigh-sp500");
        files.AddRange(Directory.EnumerateFiles(letters, "*", SearchOption.AllDirectories)
            .Where(f => f.Contains("/filings/", StringComparison.Ordinal) || f.EndsWith("extraction_manifest.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).Select(f => (f, Path.GetRelativePath(corpus, f))));
        var documents = 0;
        foreach (var (source, relative) in files)
        {
            var isManifest = relative.EndsWith("extraction_manifest.json", StringComparison.Ordinal);
            if (!isManifest && documents == count)
            {
                continue;
            }
            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(source, destination);
            documents += isManifest ? 0 : 1;
        }
        return documents;
    }

    private static long Filings(string db)
    {
        if (!File.Exists(db))
        {
            return 0;
        }
        using var store = SqliteEdgarStore.Open(db);
        return store.Count("filings");
    }

    /// <summary>Runs <c>edgar ingest</c> as a child process; with <paramref name="killAfter"/>, SIGKILLs it once it reports that many commits (plus the delay).</summary>
    private static (int Exit, bool Killed) RunEdgar(string input, string db, int killAfter, bool hold, int delayMs)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "edgar.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "ingest", input, "--db", db, "--quiet" })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["EDGAR_TEST_KILL_AFTER"] = killAfter.ToString(CultureInfo.InvariantCulture) + (hold ? ",hold" : string.Empty);
        using var process = new Process { StartInfo = start };
        var killed = false;
        var gate = new object();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line && line.StartsWith("edgar-test-kill-point ", StringComparison.Ordinal))
            {
                if (delayMs > 0)
                {
                    Thread.Sleep(delayMs);
                }
                lock (gate)
                {
                    try
                    {
                        process.Kill(entireProcessTree: true);
                        killed = true;
                    }
                    catch (InvalidOperationException)
                    {
                        // it finished first
                    }
                }
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "edgar ingest did not finish within two minutes");
        process.WaitForExit();
        lock (gate)
        {
            // 137 = 128 + SIGKILL: the kernel ended it, no handler ran.
            var wasKilled = killed && process.ExitCode == 137;
            return (process.ExitCode, wasKilled);
        }
    }
}
