using System.Diagnostics;
using System.Globalization;
using EdgarSharp.Storage;

namespace EdgarSharp.Tests.Store;

/// <summary>
/// Crash safety: the real <c>edgar</c> command, run as a child process over 200 synthetic Form 4 submissions, is
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
        var seed = int.TryParse(Environment.GetEnvironmentVariable("EDGAR_CRASH_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)
            ? s : Random.Shared.Next();
        TestContext.Current.SendDiagnosticMessage($"IngestCrashTests seed {seed} (EDGAR_CRASH_SEED={seed} replays it)");
        TestContext.Current.TestOutputHelper?.WriteLine($"seed {seed}");
        var random = new Random(seed);
        using var folder = new TempFolder();
        var input = Path.Combine(folder.Path, "in");
        var accessions = SyntheticForm4.WriteFolder(input, Documents);
        var db = Path.Combine(folder.Path, "crashed.db");

        var killed = 0;
        var log = new List<string>();
        for (var point = 0; point < Kills; point++)
        {
            // Kill after 1 to 10 more filings committed. The first 18 points hold the writer right after that commit
            // (readers still reading) so the kill lands at an exact, seeded place: 18 x 10 at most leaves filings for
            // the last two, which run on for a seeded 0-5 ms before the SIGKILL and so land wherever ingest is,
            // inside a transaction or between two.
            var after = random.Next(1, 11);
            var hold = point < Kills - 2;
            var delay = hold ? 0 : random.Next(0, 6);
            var before = Filings(db);
            var (exit, wasKilled) = RunEdgar(input, db, after, hold, delay);
            killed += wasKilled ? 1 : 0;
            var now = Filings(db);
            log.Add($"point {point + 1}: kill after {after}{(hold ? " (held)" : $" + {delay} ms")}: exit {exit}{(wasKilled ? " (SIGKILL)" : string.Empty)}; filings {before} -> {now}");
            if (hold && wasKilled)
            {
                Assert.Equal(before + after, now);
            }
            using var check = SqliteEdgarStore.Open(db);
            Assert.Equal("ok", check.Query("PRAGMA integrity_check", null) as string);
            // One transaction per filing: every filing stored has its insider report, and no report is left without its filing.
            Assert.Equal(check.Count("filings"), check.Count("insider_reports"));
        }
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
