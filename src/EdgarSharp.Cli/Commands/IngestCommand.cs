using System.CommandLine;
using System.Globalization;
using EdgarSharp.Storage;
using Microsoft.Data.Sqlite;

namespace EdgarSharp.Cli.Commands;

/// <summary>
/// <c>edgar ingest SOURCE... [--db PATH]</c>: reads every file under the sources (files and folders, recursively)
/// and stores each filing in the SQLite store, one transaction per filing; idempotent. Output contracts:
/// <list type="bullet">
/// <item><c>--format json</c>: <c>{ "db", "run", "stored", "unchanged", "rejected", "files": [ { "file", "filing",
/// "kind", "form", "outcome" } ], "rejections": [ { "file", "kind", "reason" } ] }</c>; <c>outcome</c> is
/// <c>stored</c>, <c>unchanged</c> or <c>replaced</c>.</item>
/// <item><c>--format text</c> (default): one line per file (<c>stored</c>, <c>unchanged</c>, <c>replaced</c> or
/// <c>rejected</c>, then the file and the form or the reason), then a summary line.</item>
/// </list>
/// Exit code 0, also when files were rejected; 2 when the store cannot be opened.
/// </summary>
internal static class IngestCommand
{
    /// <summary>The default store: <c>.edgar/edgar.db</c> under the current directory.</summary>
    internal static string DefaultDb => Path.Combine(Environment.CurrentDirectory, ".edgar", "edgar.db");

    internal static Option<string?> DbOption() => new("--db")
    {
        Description = "The SQLite store (created when missing). Default: .edgar/edgar.db under the current directory.",
    };

    public static Command Create(CliIO io)
    {
        var sources = new Argument<string[]>("sources") { Description = "Files and folders (searched recursively) to ingest.", Arity = ArgumentArity.OneOrMore };
        var db = DbOption();
        var format = CommonOptions.Format(OutputFormat.Text, OutputFormat.Text, OutputFormat.Json);
        var command = new Command("ingest", "Stores every filing under the sources in the SQLite store: detected, read, checked; idempotent.");
        command.Arguments.Add(sources);
        command.Options.Add(db);
        command.Options.Add(format);
        command.SetAction(parse => Run(parse.GetValue(sources) ?? [], parse.GetValue(db) ?? DefaultDb, parse.GetValue(format), io));
        return command;
    }

    internal static int Run(IReadOnlyList<string> sources, string db, OutputFormat format, CliIO io)
    {
        IngestReport report;
        try
        {
            using var store = SqliteEdgarStore.Open(db);
            report = Ingestor.Ingest(store, sources);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            io.Err.WriteLine($"edgar ingest: the store {db} cannot be opened or written ({ex.Message}).");
            return 2;
        }
        if (format == OutputFormat.Json)
        {
            Output.Json(io.Out, json =>
            {
                json.WriteStartObject();
                json.WriteString("db", Path.GetFullPath(db));
                json.WriteNumber("run", report.Run);
                json.WriteNumber("stored", report.Stored);
                json.WriteNumber("unchanged", report.Unchanged);
                json.WriteNumber("rejected", report.Rejected.Count);
                json.WriteStartArray("files");
                foreach (var f in report.Files)
                {
                    json.WriteStartObject();
                    json.WriteString("file", f.File);
                    json.WriteString("filing", f.FilingId);
                    json.WriteString("kind", f.Kind);
                    json.WriteString("form", f.Form);
                    json.WriteString("outcome", Name(f.Outcome));
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteStartArray("rejections");
                foreach (var r in report.Rejected)
                {
                    json.WriteStartObject();
                    json.WriteString("file", r.File);
                    json.WriteString("kind", r.Kind);
                    json.WriteString("reason", r.Reason);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            });
        }
        else
        {
            foreach (var f in report.Files)
            {
                io.Out.WriteLine($"{Name(f.Outcome),-9} {f.File}: {f.Kind}, form {f.Form ?? "-"}, filing {f.FilingId}");
            }
            foreach (var r in report.Rejected)
            {
                io.Out.WriteLine($"{"rejected",-9} {r.File}: {r.Kind}: {r.Reason}");
            }
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{report.Stored} stored, {report.Unchanged} unchanged, {report.Rejected.Count} rejected into {Path.GetFullPath(db)} (run {report.Run})"));
        }
        return 0;
    }

    private static string Name(StoreOutcome outcome) => outcome switch
    {
        StoreOutcome.Stored => "stored",
        StoreOutcome.Replaced => "replaced",
        _ => "unchanged",
    };
}
