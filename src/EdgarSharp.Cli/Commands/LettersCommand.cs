using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EdgarSharp.Correspondence;

namespace EdgarSharp.Cli.Commands;

/// <summary>
/// <c>edgar letters thread FOLDER</c>: the letters of a folder grouped into review threads (one per folder holding a
/// <c>metadata.json</c>, else by file number and review), in date order, each response's comments matched to the staff
/// letter's. Output contracts:
/// <list type="bullet">
/// <item><c>--format json</c>: an array of threads <c>{ "id", "company", "fileNumber", "status" ("open" | "closed"),
/// "opened", "closed", "daysToClose", "letters": [{ "path", "kind", "side", "date", "comments", "answers" }],
/// "pairings": [{ "response", "number", "staffLetter", "similarity", "paired" }] }</c> (<c>response</c> and
/// <c>staffLetter</c> are indexes into <c>letters</c>).</item>
/// <item><c>--format text</c> (default): one block per thread: status, then one row per letter.</item>
/// </list>
/// Exit code 0; 2 when the folder does not exist.
/// </summary>
internal static class LettersCommand
{
    public static Command Create(CliIO io)
    {
        var folder = new Argument<string>("folder") { Description = "A thread folder, or a folder of thread folders." };
        var format = CommonOptions.Format(OutputFormat.Text, OutputFormat.Text, OutputFormat.Json);
        var thread = new Command("thread", "Groups the letters of a folder into review threads and pairs responses with comments.");
        thread.Arguments.Add(folder);
        thread.Options.Add(format);
        thread.SetAction(parse => Run(parse.GetValue(folder)!, parse.GetValue(format), io));
        var command = new Command("letters", "Works on sets of SEC comment letters.");
        command.Subcommands.Add(thread);
        return command;
    }

    internal static int Run(string folder, OutputFormat format, CliIO io)
    {
        if (!Directory.Exists(folder))
        {
            io.Err.WriteLine($"edgar letters thread: {folder}: no such folder.");
            return 2;
        }
        var threads = LetterThreads.ReadFolder(folder);
        if (format == OutputFormat.Json)
        {
            Output.Json(io.Out, w =>
            {
                w.WriteStartArray();
                foreach (var t in threads)
                {
                    WriteThread(w, t);
                }
                w.WriteEndArray();
            });
            return 0;
        }
        foreach (var t in threads)
        {
            var paired = t.Pairings.Count(p => p.Paired);
            io.Out.WriteLine($"{t.Id}: {t.Company ?? "-"}, file {t.FileNumber ?? "-"}, {(t.IsClosed ? "closed" : "open")}"
                + (t.DaysToClose is { } d ? string.Create(CultureInfo.InvariantCulture, $" after {d} days") : string.Empty)
                + string.Create(CultureInfo.InvariantCulture, $"; {paired} of {t.Pairings.Count} response comments paired"));
            var rows = new List<IReadOnlyList<string>> { new[] { "DATE", "KIND", "COMMENTS", "PATH" } };
            foreach (var l in t.Letters)
            {
                rows.Add([LetterCommand.Iso(l.Date) ?? "-", l.Kind.ToName(), l.Comments.Count.ToString(CultureInfo.InvariantCulture), l.Document]);
            }
            Output.Columns(io.Out, rows, rightAligned: new HashSet<int> { 2 });
        }
        return 0;
    }

    internal static void WriteThread(Utf8JsonWriter w, LetterThread t)
    {
        w.WriteStartObject();
        w.WriteString("id", t.Id);
        w.WriteString("company", t.Company);
        w.WriteString("fileNumber", t.FileNumber);
        w.WriteString("status", t.IsClosed ? "closed" : "open");
        w.WriteString("opened", LetterCommand.Iso(t.Opened));
        w.WriteString("closed", LetterCommand.Iso(t.Closed));
        if (t.DaysToClose is { } d)
        {
            w.WriteNumber("daysToClose", d);
        }
        else
        {
            w.WriteNull("daysToClose");
        }
        w.WriteStartArray("letters");
        foreach (var l in t.Letters)
        {
            w.WriteStartObject();
            w.WriteString("path", l.Document);
            w.WriteString("kind", l.Kind.ToName());
            w.WriteString("side", l.Side.ToName());
            w.WriteString("date", LetterCommand.Iso(l.Date));
            w.WriteNumber("comments", l.Comments.Count);
            w.WriteString("answers", LetterCommand.Iso(l.Answers));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("pairings");
        foreach (var p in t.Pairings)
        {
            w.WriteStartObject();
            w.WriteNumber("response", p.Response);
            w.WriteNumber("number", p.Number);
            if (p.StaffLetter is { } s)
            {
                w.WriteNumber("staffLetter", s);
            }
            else
            {
                w.WriteNull("staffLetter");
            }
            w.WriteNumber("similarity", p.Similarity);
            w.WriteBoolean("paired", p.Paired);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
