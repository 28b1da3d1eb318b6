using System.CommandLine;
using System.Globalization;
using EdgarSharp.Documents;
using EdgarSharp.Edgar;

namespace EdgarSharp.Cli.Commands;

/// <summary>
/// <c>edgar index PATH</c>: the filings an EDGAR list names: an index file (<c>form.idx</c>, <c>company.idx</c>,
/// <c>master.idx</c>, <c>xbrl.idx</c>, <c>crawler.idx</c>), the Atom latest-filings feed or a company's filings XML, or
/// the Current Events page; the kind is decided from the content. Output contracts:
/// <list type="bullet">
/// <item><c>--format tsv</c>: a header row <c>formType	companyName	cik	dateFiled	accessionNumber	fileName</c>, then
/// one row per filing (dates ISO 8601, CIK without leading zeros, empty for unknown).</item>
/// <item><c>--format json</c>: <c>{ "path", "kind", "description", "lastDataReceived", "entries": [{ "formType",
/// "companyName", "cik", "dateFiled", "accessionNumber", "fileName", "line" }], "diagnostics": [{ "severity", "code",
/// "message", "line" }] }</c> (<c>kind</c>: <c>form-index</c>, <c>company-index</c>, <c>master-index</c>,
/// <c>xbrl-index</c>, <c>crawler-index</c>, <c>atom-feed</c>, <c>current-events</c>; absent values null).</item>
/// <item><c>--format text</c> (default): the same columns aligned.</item>
/// </list>
/// Diagnostics go to standard error in text and TSV modes. Exit code 0; 1 when an error diagnostic was reported (a
/// malformed index still prints the rows it could read); 2 when the file cannot be read or is not a list of filings.
/// </summary>
internal static class IndexCommand
{
    public static Command Create(CliIO io)
    {
        var path = new Argument<string>("path") { Description = "An EDGAR index file, Atom feed, company filings XML or Current Events page." };
        var format = CommonOptions.Format(OutputFormat.Text, OutputFormat.Text, OutputFormat.Json, OutputFormat.Tsv);
        var command = new Command("index", "Lists the filings named by an EDGAR index file, feed or Current Events page.");
        command.Arguments.Add(path);
        command.Options.Add(format);
        command.SetAction(parse => Run(parse.GetValue(path)!, parse.GetValue(format), io));
        return command;
    }

    internal sealed record Row(string FormType, string CompanyName, long? Cik, DateOnly? DateFiled, string? AccessionNumber, string? FileName, long Line);

    internal static int Run(string path, OutputFormat format, CliIO io)
    {
        if (!File.Exists(path))
        {
            io.Err.WriteLine($"edgar index: {path}: no such file.");
            return 2;
        }
        string kind;
        string? description = null, lastData = null;
        List<Row> rows;
        IReadOnlyList<Diagnostic> diagnostics;
        try
        {
            var detected = DocumentKindDetector.DetectFile(path);
            if (detected.Kind == DocumentKind.EdgarIndex)
            {
                var index = EdgarIndexReader.ReadFile(path);
                kind = index.Kind switch
                {
                    EdgarIndexKind.Form => "form-index",
                    EdgarIndexKind.Company => "company-index",
                    EdgarIndexKind.Master => "master-index",
                    EdgarIndexKind.Xbrl => "xbrl-index",
                    EdgarIndexKind.Crawler => "crawler-index",
                    _ => "index",
                };
                description = index.Description;
                lastData = index.LastDataReceived;
                rows = index.Entries.Select(e => new Row(e.FormType, e.CompanyName, e.Cik, e.DateFiled, e.AccessionNumber, e.FileName, e.Line)).ToList();
                diagnostics = index.Diagnostics;
            }
            else if (detected.Kind is DocumentKind.AtomFeed or DocumentKind.Xml || (detected.Kind == DocumentKind.Html && detected.Detail.Contains("companyfilings", StringComparison.OrdinalIgnoreCase)))
            {
                using var stream = File.OpenRead(path);
                var feed = EdgarPageReader.ReadFeed(stream, path);
                kind = "atom-feed";
                description = feed.Title;
                rows = feed.Entries.Select(e => new Row(e.FormType, e.CompanyName, e.Cik, e.FilingDate, e.AccessionNumber, e.Url, 0)).ToList();
                diagnostics = feed.Diagnostics;
            }
            else
            {
                var text = File.ReadAllText(path, System.Text.Encoding.Latin1);
                if (text.Contains("<companyfilings>", StringComparison.Ordinal))
                {
                    using var stream = File.OpenRead(path);
                    var feed = EdgarPageReader.ReadFeed(stream, path);
                    kind = "company-filings";
                    rows = feed.Entries.Select(e => new Row(e.FormType, e.CompanyName, e.Cik, e.FilingDate, e.AccessionNumber, e.Url, 0)).ToList();
                    diagnostics = feed.Diagnostics;
                }
                else if (text.Contains("EDGAR Current Events", StringComparison.Ordinal))
                {
                    var events = EdgarPageReader.ReadCurrentEvents(text, path);
                    kind = "current-events";
                    description = events.Title;
                    rows = events.Entries.Select(e => new Row(e.FormType, e.CompanyName, e.Cik, e.FilingDate, e.AccessionNumber, e.Url, 0)).ToList();
                    diagnostics = events.Diagnostics;
                }
                else
                {
                    io.Err.WriteLine($"edgar index: {path}: not an EDGAR index file, feed or Current Events page (detected {detected.KindName}: {detected.Detail}).");
                    return 2;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            io.Err.WriteLine($"edgar index: {path}: {ex.Message}");
            return 2;
        }

        string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        string Cik(long? c) => c?.ToString(CultureInfo.InvariantCulture) ?? "";
        switch (format)
        {
            case OutputFormat.Json:
                Output.Json(io.Out, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("path", path);
                    w.WriteString("kind", kind);
                    Nullable(w, "description", description);
                    Nullable(w, "lastDataReceived", lastData);
                    w.WriteStartArray("entries");
                    foreach (var r in rows)
                    {
                        w.WriteStartObject();
                        w.WriteString("formType", r.FormType);
                        w.WriteString("companyName", r.CompanyName);
                        if (r.Cik is { } cik)
                        {
                            w.WriteNumber("cik", cik);
                        }
                        else
                        {
                            w.WriteNull("cik");
                        }
                        Nullable(w, "dateFiled", r.DateFiled is null ? null : Date(r.DateFiled));
                        Nullable(w, "accessionNumber", r.AccessionNumber);
                        Nullable(w, "fileName", r.FileName);
                        w.WriteNumber("line", r.Line);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteStartArray("diagnostics");
                    foreach (var d in diagnostics)
                    {
                        w.WriteStartObject();
                        w.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
                        w.WriteString("code", d.Code);
                        w.WriteString("message", d.Message);
                        w.WriteNumber("line", d.Location?.Line ?? 0);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                break;
            case OutputFormat.Tsv:
                Output.Tsv(io.Out, ["formType", "companyName", "cik", "dateFiled", "accessionNumber", "fileName"],
                    rows.Select(r => (IReadOnlyList<string>)[r.FormType, r.CompanyName, Cik(r.Cik), Date(r.DateFiled), r.AccessionNumber ?? "", r.FileName ?? ""]));
                break;
            default:
                var table = new List<IReadOnlyList<string>> { new[] { "FORM", "COMPANY", "CIK", "DATE", "ACCESSION", "FILE" } };
                table.AddRange(rows.Select(r => (IReadOnlyList<string>)[r.FormType, r.CompanyName, Cik(r.Cik), Date(r.DateFiled), r.AccessionNumber ?? "", r.FileName ?? ""]));
                Output.Columns(io.Out, table, new HashSet<int> { 2 });
                break;
        }
        if (format != OutputFormat.Json)
        {
            foreach (var d in diagnostics)
            {
                io.Err.WriteLine(d.ToString());
            }
        }
        return diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? 1 : 0;
    }

    private static void Nullable(System.Text.Json.Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
