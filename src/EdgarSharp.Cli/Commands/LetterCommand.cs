using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EdgarSharp.Correspondence;

namespace EdgarSharp.Cli.Commands;

/// <summary>
/// <c>edgar letter PATH...</c>: SEC comment letters and responses (text, markdown, HTML, PDF or an EDGAR submission)
/// read into their comments, responses, citations, commitments and redactions. Output contracts:
/// <list type="bullet">
/// <item><c>--format json</c>: an array with one object per letter <c>{ "path", "sourceFormat", "kind", "side", "date",
/// "company", "fileNumber", "sender", "addressee" (each <c>{ "name", "title", "office" }</c> or null), "filings":
/// [{ "form", "fiscalPeriod", "filingDate", "fileNumber" }], "answers", "signatories", "pages", "comments": [{ "number",
/// "heading", "headings", "headingInherited", "page", "text", "response", "priorComments", "proposedDisclosure" }],
/// "citations": [{ "text", "id", "family", "comment" }], "commitments": [{ "text", "trigger", "filing", "period",
/// "comment" }], "redactions": [{ "marker", "context", "comment", "inResponse" }], "confidentialTreatmentRequests",
/// "annexes": [{ "title", "date", "signatories" }], "diagnostics": [{ "severity", "code", "message" }] }</c>. Dates
/// are ISO 8601; absent values are null.</item>
/// <item><c>--format text</c> (default): an outline: metadata, each comment beside its response, citations,
/// commitments, redactions.</item>
/// </list>
/// Exit code 0; 1 when a letter has an error diagnostic; 2 when a file cannot be read.
/// </summary>
internal static class LetterCommand
{
    public static Command Create(CliIO io)
    {
        var paths = new Argument<string[]>("path") { Description = "Letter files (.md, .txt, .htm, .pdf or an EDGAR submission .txt).", Arity = ArgumentArity.OneOrMore };
        var format = CommonOptions.Format(OutputFormat.Text, OutputFormat.Text, OutputFormat.Json);
        var command = new Command("letter", "Reads SEC comment letters and responses: comments, responses, citations, commitments, redactions.");
        command.Arguments.Add(paths);
        command.Options.Add(format);
        command.SetAction(parse => Run(parse.GetValue(paths)!, parse.GetValue(format), io));
        return command;
    }

    internal static int Run(string[] paths, OutputFormat format, CliIO io)
    {
        var letters = new List<Letter>();
        var exit = 0;
        foreach (var path in paths)
        {
            try
            {
                letters.Add(LetterReader.ReadFile(path));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                io.Err.WriteLine($"edgar letter: {path}: {ex.Message}");
                exit = 2;
            }
        }
        if (format == OutputFormat.Json)
        {
            Output.Json(io.Out, w =>
            {
                w.WriteStartArray();
                foreach (var l in letters)
                {
                    WriteLetter(w, l);
                }
                w.WriteEndArray();
            });
        }
        else
        {
            foreach (var l in letters)
            {
                WriteOutline(io.Out, l);
                foreach (var d in l.Diagnostics)
                {
                    io.Err.WriteLine(d.ToString());
                }
            }
        }
        if (exit == 0 && letters.Any(l => l.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)))
        {
            exit = 1;
        }
        return exit;
    }

    internal static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Party(Utf8JsonWriter w, string name, LetterParty? p)
    {
        if (p is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        w.WriteString("name", p.Name);
        w.WriteString("title", p.Title);
        w.WriteString("office", p.Office);
        w.WriteEndObject();
    }

    internal static void WriteLetter(Utf8JsonWriter w, Letter l)
    {
        w.WriteStartObject();
        w.WriteString("path", l.Document);
        w.WriteString("sourceFormat", l.SourceFormat);
        w.WriteString("kind", l.Kind.ToName());
        w.WriteString("side", l.Side.ToName());
        w.WriteString("date", Iso(l.Date));
        w.WriteString("company", l.Company);
        w.WriteString("fileNumber", l.FileNumber);
        Party(w, "sender", l.Sender);
        Party(w, "addressee", l.Addressee);
        w.WriteStartArray("filings");
        foreach (var f in l.Filings)
        {
            w.WriteStartObject();
            w.WriteString("form", f.Form);
            w.WriteString("fiscalPeriod", f.FiscalPeriod);
            w.WriteString("filingDate", Iso(f.FilingDate));
            w.WriteString("fileNumber", f.FileNumber);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("answers", Iso(l.Answers));
        w.WriteStartArray("signatories");
        foreach (var s in l.Signatories)
        {
            w.WriteStartObject();
            w.WriteString("name", s.Name);
            w.WriteString("title", s.Title);
            w.WriteString("office", s.Office);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("pages", l.Pages);
        w.WriteStartArray("comments");
        foreach (var c in l.Comments)
        {
            w.WriteStartObject();
            w.WriteNumber("number", c.Number);
            w.WriteString("heading", c.Heading);
            w.WriteStartArray("headings");
            foreach (var h in c.Headings)
            {
                w.WriteStringValue(h);
            }
            w.WriteEndArray();
            w.WriteBoolean("headingInherited", c.HeadingInherited);
            Output.NumberOrNull(w, "page", c.Page);
            w.WriteString("text", c.Text);
            w.WriteString("response", c.Response);
            w.WriteStartArray("priorComments");
            foreach (var p in c.PriorComments)
            {
                w.WriteNumberValue(p);
            }
            w.WriteEndArray();
            w.WriteStartArray("proposedDisclosure");
            foreach (var p in c.ProposedDisclosure)
            {
                w.WriteStringValue(p);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("citations");
        foreach (var c in l.Citations)
        {
            w.WriteStartObject();
            w.WriteString("text", c.Text);
            w.WriteString("id", c.Id);
            w.WriteString("family", c.Family);
            Output.NumberOrNull(w, "comment", c.Comment);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("commitments");
        foreach (var c in l.Commitments)
        {
            w.WriteStartObject();
            w.WriteString("text", c.Text);
            w.WriteString("trigger", c.Trigger);
            w.WriteString("filing", c.Filing);
            w.WriteString("period", c.Period);
            Output.NumberOrNull(w, "comment", c.Comment);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("redactions");
        foreach (var r in l.Redactions)
        {
            w.WriteStartObject();
            w.WriteString("marker", r.Marker);
            w.WriteString("context", r.Context);
            Output.NumberOrNull(w, "comment", r.Comment);
            w.WriteBoolean("inResponse", r.InResponse);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("confidentialTreatmentRequests");
        foreach (var c in l.ConfidentialTreatmentRequests)
        {
            w.WriteStringValue(c);
        }
        w.WriteEndArray();
        w.WriteStartArray("annexes");
        foreach (var a in l.Annexes)
        {
            w.WriteStartObject();
            w.WriteString("title", a.Title);
            w.WriteString("date", Iso(a.Date));
            w.WriteStartArray("signatories");
            foreach (var s in a.Signatories)
            {
                w.WriteStringValue(s.Name);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("diagnostics");
        foreach (var d in l.Diagnostics)
        {
            w.WriteStartObject();
            w.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
            w.WriteString("code", d.Code);
            w.WriteString("message", d.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string Short(string? s, int max = 160)
    {
        if (string.IsNullOrEmpty(s))
        {
            return "-";
        }
        var one = s.Replace('\n', ' ');
        return one.Length <= max ? one : string.Concat(one.AsSpan(0, max - 1), "…");
    }

    private static string PartyText(LetterParty? p) => p is null ? "-" : string.Join(", ", new[] { p.Name, p.Title, p.Office }.Where(x => !string.IsNullOrEmpty(x)));

    internal static void WriteOutline(TextWriter o, Letter l)
    {
        o.WriteLine($"{l.Document}");
        o.WriteLine($"  kind: {l.Kind.ToName()} ({l.Side.ToName()})   date: {Iso(l.Date) ?? "-"}   company: {l.Company ?? "-"}   file: {l.FileNumber ?? "-"}");
        o.WriteLine($"  from: {PartyText(l.Sender)}");
        o.WriteLine($"  to: {PartyText(l.Addressee)}");
        foreach (var f in l.Filings)
        {
            o.WriteLine($"  filing: Form {f.Form}, {f.FiscalPeriod ?? "-"}, filed {Iso(f.FilingDate) ?? "-"}, file {f.FileNumber ?? "-"}");
        }
        if (l.Answers is { } a)
        {
            o.WriteLine($"  answers the staff letter of {Iso(a)}");
        }
        foreach (var c in l.Comments)
        {
            var page = c.Page is { } p ? string.Create(CultureInfo.InvariantCulture, $", page {p}") : string.Empty;
            o.WriteLine($"  {c.Number}. [{c.Heading ?? "-"}{(c.HeadingInherited ? " (inherited)" : string.Empty)}{page}]");
            o.WriteLine($"     comment: {Short(c.Text)}");
            if (c.Response is not null)
            {
                o.WriteLine($"     response: {Short(c.Response)}");
            }
        }
        foreach (var c in l.Citations)
        {
            o.WriteLine($"  cites: {c.Id}  ({c.Text}){(c.Comment is { } n ? string.Create(CultureInfo.InvariantCulture, $" in {n}") : string.Empty)}");
        }
        foreach (var c in l.Commitments)
        {
            o.WriteLine($"  commits ({c.Comment}): {Short(c.Text, 140)} [{c.Filing ?? "-"}; {c.Period ?? "-"}]");
        }
        foreach (var r in l.Redactions)
        {
            o.WriteLine($"  redaction {r.Marker} in {(r.InResponse ? "response" : "comment")} {r.Comment}: {Short(r.Context, 100)}");
        }
        foreach (var x in l.Annexes)
        {
            o.WriteLine($"  annex: {x.Title} ({Iso(x.Date) ?? "-"}) signed by {string.Join(", ", x.Signatories.Select(s => s.Name))}");
        }
    }
}
