using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EdgarSharp.Storage;
using Microsoft.Data.Sqlite;
using Spectre.Console;

namespace EdgarSharp.Cli.Commands;

/// <summary>How ingest shows its progress on standard error.</summary>
internal enum IngestProgressMode
{
    /// <summary>A bar when standard error is a terminal, else nothing.</summary>
    Auto,

    /// <summary>A Spectre.Console bar with counts and rates.</summary>
    Bar,

    /// <summary>A plain line every two seconds (for logs).</summary>
    Lines,

    /// <summary>Nothing.</summary>
    None,
}

/// <summary>
/// <c>edgar ingest SOURCE... [--db PATH] [--format text|json] [--list] [--progress auto|bar|lines|none] [--quiet]</c>:
/// reads every document under the sources (files, folders recursively, EDGAR submissions, zip and tar/tar.gz
/// archives as streams) and stores each filing in the SQLite store, one transaction per filing; idempotent.
/// Output contracts:
/// <list type="bullet">
/// <item><c>--format json</c>: <c>{ "db", "files": [ { "file", "filing", "kind", "form", "outcome" } ],
/// "rejections": [ { "file", "kind", "reason" } ], "run", "stored", "replaced", "unchanged", "rejected", "bytes",
/// "seconds", "byKind": [ { "kind", "form", "stored", "replaced", "unchanged" } ], "byReason": [ { "kind",
/// "reason", "count", "example" } ] }</c>; <c>outcome</c> is <c>stored</c>, <c>unchanged</c> or <c>replaced</c>.
/// The file lists are streamed (rejections spooled to a temporary file), so memory stays flat.</item>
/// <item><c>--format text</c> (default): with <c>--list</c>, one line per file as it is committed; then the
/// filings by kind and form, the rejections grouped by reason, a line of totals and rates, and last
/// <c>N stored, N unchanged, N rejected into DB (run N)</c>. <c>--quiet</c>: that last line only.</item>
/// </list>
/// Exit code 0, also when files were rejected; 2 when the store cannot be opened or written.
/// </summary>
internal static class IngestCommand
{
    /// <summary>
    /// Test hook for the crash-safety test: <c>N</c> or <c>N,hold</c>. After N filings newly committed, a line
    /// <c>edgar-test-kill-point N</c> goes to standard error so that the test can SIGKILL the process at a seeded
    /// point; with <c>hold</c> the writer then waits (readers go on) so that the kill lands right after commit N,
    /// else ingest goes on and the kill lands wherever it finds the process, inside a transaction or not.
    /// </summary>
    internal const string KillAfterVariable = "EDGAR_TEST_KILL_AFTER";

    /// <summary>The default store: <c>.edgar/edgar.db</c> under the current directory.</summary>
    internal static string DefaultDb => Path.Combine(Environment.CurrentDirectory, ".edgar", "edgar.db");

    internal static Option<string?> DbOption() => new("--db")
    {
        Description = "The SQLite store (created when missing). Default: .edgar/edgar.db under the current directory.",
    };

    public static Command Create(CliIO io)
    {
        var sources = new Argument<string[]>("sources")
        {
            Description = "Files, folders (searched recursively), EDGAR submissions (.txt, .nc) and archives (.zip, .tar, .tar.gz, .tgz) to ingest.",
            Arity = ArgumentArity.OneOrMore,
        };
        var db = DbOption();
        var format = CommonOptions.Format(OutputFormat.Text, OutputFormat.Text, OutputFormat.Json);
        var list = new Option<bool>("--list") { Description = "Text: one line per file as it is committed, before the summary." };
        var progress = new Option<IngestProgressMode>("--progress")
        {
            Description = "Progress on standard error: auto (a bar on a terminal, else nothing), bar, lines (a plain line every 2 s) or none.",
            DefaultValueFactory = _ => IngestProgressMode.Auto,
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress; text prints the final summary line only." };
        var command = new Command("ingest", "Stores every filing under the sources in the SQLite store: detected, read, checked; idempotent.");
        command.Arguments.Add(sources);
        command.Options.Add(db);
        command.Options.Add(format);
        command.Options.Add(list);
        command.Options.Add(progress);
        command.Options.Add(quiet);
        command.SetAction(parse => Run(parse.GetValue(sources) ?? [], parse.GetValue(db) ?? DefaultDb, parse.GetValue(format),
            parse.GetValue(list), parse.GetValue(quiet) ? IngestProgressMode.None : parse.GetValue(progress), parse.GetValue(quiet), io));
        return command;
    }

    internal static int Run(IReadOnlyList<string> sources, string db, OutputFormat format, CliIO io) =>
        Run(sources, db, format, list: false, IngestProgressMode.Auto, quiet: false, io);

    internal static int Run(IReadOnlyList<string> sources, string db, OutputFormat format, bool list, IngestProgressMode progress, bool quiet, CliIO io)
    {
        var interactive = ReferenceEquals(io.Err, Console.Error) && !Console.IsErrorRedirected;
        if (progress == IngestProgressMode.Auto)
        {
            // A bar shares the terminal badly with lines on standard output.
            var listsToTerminal = list && format == OutputFormat.Text && ReferenceEquals(io.Out, Console.Out) && !Console.IsOutputRedirected;
            progress = interactive && !listsToTerminal ? IngestProgressMode.Bar : IngestProgressMode.None;
        }
        using var json = format == OutputFormat.Json ? new JsonStream(io.Out, db) : null;
        var killHook = (Environment.GetEnvironmentVariable(KillAfterVariable) ?? string.Empty).Split(',');
        var killAfter = int.TryParse(killHook[0], NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k > 0 ? k : 0;
        var killHold = killHook.Length > 1 && killHook[1] == "hold";
        var committed = 0;
        var options = new IngestOptions
        {
            Ingested = f =>
            {
                json?.File(f);
                if (json is null && list && !quiet)
                {
                    io.Out.WriteLine($"{Name(f.Outcome),-9} {f.File}: {f.Kind}, form {f.Form ?? "-"}, filing {f.FilingId}");
                }
                if (killAfter > 0 && f.Outcome != StoreOutcome.Unchanged && ++committed == killAfter)
                {
                    io.Err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"edgar-test-kill-point {committed}"));
                    io.Err.Flush();
                    if (killHold)
                    {
                        Thread.Sleep(Timeout.Infinite);
                    }
                }
            },
            Rejected = r =>
            {
                json?.Rejection(r);
                if (json is null && list && !quiet)
                {
                    io.Out.WriteLine($"{"rejected",-9} {r.File}: {r.Kind}: {r.Reason}");
                }
            },
        };
        IngestReport report;
        try
        {
            using var store = SqliteEdgarStore.Open(db);
            report = progress switch
            {
                IngestProgressMode.Bar => WithBar(store, sources, options),
                IngestProgressMode.Lines => WithLines(store, sources, options, io.Err),
                _ => IngestPipeline.Run(store, sources, options),
            };
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            io.Err.WriteLine($"edgar ingest: the store {db} cannot be opened or written ({ex.Message}).");
            return 2;
        }
        if (json is not null)
        {
            json.End(report);
        }
        else
        {
            if (!quiet)
            {
                Summary(report, io.Out);
            }
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{report.Stored} stored, {report.Unchanged} unchanged, {report.RejectedCount} rejected into {Path.GetFullPath(db)} (run {report.Run})"));
        }
        return 0;
    }

    /// <summary>The text summary: filings by kind and form, rejections by reason, totals and rates.</summary>
    private static void Summary(IngestReport report, TextWriter output)
    {
        if (report.ByKind.Count > 0)
        {
            output.WriteLine("filings by kind and form:");
            Output.Columns(output, report.ByKind.Select(k => (IReadOnlyList<string>)
            [
                "  " + k.Kind, k.Form ?? "-", Count(k.Stored) + " stored", Count(k.Replaced) + " replaced", Count(k.Unchanged) + " unchanged",
            ]).ToList());
        }
        if (report.ByReason.Count > 0)
        {
            output.WriteLine("rejected by reason:");
            foreach (var g in report.ByReason)
            {
                output.WriteLine($"  {Count(g.Count),7}  {g.Kind}: {g.Reason} (e.g. {g.Example})");
            }
        }
        var seconds = Math.Max(report.Elapsed.TotalSeconds, 1e-3);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Count(report.Total)} documents, {report.Bytes / 1e6:0.0} MB in {seconds:0.0} s: {report.Total / seconds:#,0} documents/s, {report.Bytes / 1e6 / seconds:0.0} MB/s"));
    }

    private static string Count(int n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Rates(IngestProgress p)
    {
        var seconds = Math.Max(p.Elapsed.TotalSeconds, 1e-3);
        return string.Create(CultureInfo.InvariantCulture,
            $"{p.Files:#,0} documents: {p.Stored:#,0} stored, {p.Unchanged:#,0} unchanged, {p.Rejected:#,0} rejected; {p.Files / seconds:#,0}/s, {p.Bytes / 1e6 / seconds:0.0} MB/s");
    }

    private static string ShortRates(IngestProgress p)
    {
        var seconds = Math.Max(p.Elapsed.TotalSeconds, 1e-3);
        return string.Create(CultureInfo.InvariantCulture,
            $"{p.Stored:#,0} stored, {p.Unchanged:#,0} same, {p.Rejected:#,0} rejected; {p.Files / seconds:#,0}/s {p.Bytes / 1e6 / seconds:0.0} MB/s");
    }

    private static IngestReport WithBar(SqliteEdgarStore store, IReadOnlyList<string> sources, IngestOptions options)
    {
        var total = Math.Max(1, IngestPipeline.MeasureSources(sources));
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        IngestReport? report = null;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 20 }, new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("ingest", maxValue: total);
                var last = TimeSpan.Zero;
                report = IngestPipeline.Run(store, sources, options with
                {
                    Progress = p =>
                    {
                        if (p.Elapsed - last >= TimeSpan.FromMilliseconds(100))
                        {
                            last = p.Elapsed;
                            task.Value = Math.Min(total, p.SourceBytes);
                            task.Description = Markup.Escape(ShortRates(p));
                        }
                    },
                });
                task.Value = total;
                task.Description = Markup.Escape(ShortRates(new IngestProgress(
                    report.Total, report.Stored, report.Unchanged, report.RejectedCount, report.Bytes, total, report.Elapsed)));
            });
        return report!;
    }

    private static IngestReport WithLines(SqliteEdgarStore store, IReadOnlyList<string> sources, IngestOptions options, TextWriter err)
    {
        var total = Math.Max(1, IngestPipeline.MeasureSources(sources));
        var last = TimeSpan.Zero;
        return IngestPipeline.Run(store, sources, options with
        {
            Progress = p =>
            {
                if (p.Elapsed - last >= TimeSpan.FromSeconds(2))
                {
                    last = p.Elapsed;
                    err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ingest: {100.0 * Math.Min(total, p.SourceBytes) / total:0.0}% of the sources, {Rates(p)}"));
                }
            },
        });
    }

    private static string Name(StoreOutcome outcome) => outcome switch
    {
        StoreOutcome.Stored => "stored",
        StoreOutcome.Replaced => "replaced",
        _ => "unchanged",
    };

    /// <summary>
    /// The JSON output written as the run goes: the <c>files</c> array streamed to the output, the rejections
    /// spooled to a temporary file and copied after it, then the counts and groups.
    /// </summary>
    private sealed class JsonStream : IDisposable
    {
        private static readonly JsonWriterOptions Options = new()
        {
            Indented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        private readonly TextWriter _output;
        private readonly MemoryStream _buffer = new();
        private readonly Utf8JsonWriter _json;
        private readonly FileStream _spool;
        private readonly Utf8JsonWriter _rejections;

        public JsonStream(TextWriter output, string db)
        {
            _output = output;
            _json = new Utf8JsonWriter(_buffer, Options);
            _spool = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
            _rejections = new Utf8JsonWriter(_spool, new JsonWriterOptions { Encoder = Options.Encoder });
            _json.WriteStartObject();
            _json.WriteString("db", Path.GetFullPath(db));
            _json.WriteStartArray("files");
        }

        public void File(IngestedFile f)
        {
            _json.WriteStartObject();
            _json.WriteString("file", f.File);
            _json.WriteString("filing", f.FilingId);
            _json.WriteString("kind", f.Kind);
            _json.WriteString("form", f.Form);
            _json.WriteString("outcome", Name(f.Outcome));
            _json.WriteEndObject();
            if (_json.BytesPending + _buffer.Length > 64 * 1024)
            {
                Flush();
            }
        }

        public void Rejection(RejectedFile r)
        {
            _rejections.WriteStartObject();
            _rejections.WriteString("file", r.File);
            _rejections.WriteString("kind", r.Kind);
            _rejections.WriteString("reason", r.Reason);
            _rejections.WriteEndObject();
            _rejections.Flush();
            _rejections.Reset();
            _spool.WriteByte((byte)'\n');
        }

        public void End(IngestReport report)
        {
            _json.WriteEndArray();
            _json.WriteStartArray("rejections");
            _rejections.Flush();
            _spool.Position = 0;
            using (var reader = new StreamReader(_spool, Encoding.UTF8, leaveOpen: true))
            {
                while (reader.ReadLine() is { } line)
                {
                    if (line.Length > 0)
                    {
                        _json.WriteRawValue(line);
                        if (_json.BytesPending + _buffer.Length > 64 * 1024)
                        {
                            Flush();
                        }
                    }
                }
            }
            _json.WriteEndArray();
            _json.WriteNumber("run", report.Run);
            _json.WriteNumber("stored", report.Stored);
            _json.WriteNumber("replaced", report.Replaced);
            _json.WriteNumber("unchanged", report.Unchanged);
            _json.WriteNumber("rejected", report.RejectedCount);
            _json.WriteNumber("bytes", report.Bytes);
            _json.WriteNumber("seconds", Math.Round(report.Elapsed.TotalSeconds, 3));
            _json.WriteStartArray("byKind");
            foreach (var k in report.ByKind)
            {
                _json.WriteStartObject();
                _json.WriteString("kind", k.Kind);
                _json.WriteString("form", k.Form);
                _json.WriteNumber("stored", k.Stored);
                _json.WriteNumber("replaced", k.Replaced);
                _json.WriteNumber("unchanged", k.Unchanged);
                _json.WriteEndObject();
            }
            _json.WriteEndArray();
            _json.WriteStartArray("byReason");
            foreach (var g in report.ByReason)
            {
                _json.WriteStartObject();
                _json.WriteString("kind", g.Kind);
                _json.WriteString("reason", g.Reason);
                _json.WriteNumber("count", g.Count);
                _json.WriteString("example", g.Example);
                _json.WriteEndObject();
            }
            _json.WriteEndArray();
            _json.WriteEndObject();
            Flush();
            _output.WriteLine();
        }

        private void Flush()
        {
            _json.Flush();
            _output.Write(Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length));
            _buffer.SetLength(0);
        }

        public void Dispose()
        {
            _json.Dispose();
            _rejections.Dispose();
            _spool.Dispose();
            _buffer.Dispose();
        }
    }
}
