using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EdgarSharp.Documents;

namespace EdgarSharp.Cli.Commands;

/// <summary>
/// <c>edgar samples</c>: the main job until the store exists: reads the samples the project ships
/// (<c>samples/manifest.json</c>) and says what is in each: company, form, date, the kind detected from the
/// content, and the size in bytes. Output contracts:
/// <list type="bullet">
/// <item><c>--format json</c>: an array of objects <c>{ "file", "company", "cik", "ticker", "form", "date",
/// "periodOfReport", "kind", "detail", "bytes" }</c> (<c>date</c> is the filing date, else the period of report;
/// absent values are null), plus <c>"summary"</c> once a reader summarises that kind.</item>
/// <item><c>--format text</c> (default): a header row and aligned columns FILE, COMPANY, FORM, DATE, KIND, BYTES.</item>
/// </list>
/// The samples folder is <c>--samples DIR</c>, else the first <c>samples/manifest.json</c> found walking up from the
/// executable's folder, then from the current directory. Exit code 0; 2 when the manifest or a sample cannot be read.
/// </summary>
internal static class SamplesCommand
{
    private const string ManifestName = "manifest.json";

    public static Command Create(CliIO io)
    {
        var samples = new Option<DirectoryInfo?>("--samples")
        {
            Description = "The samples folder (holding manifest.json). Default: the samples folder of the repository above the executable or the current directory.",
        };
        var format = CommonOptions.Format(OutputFormat.Text, OutputFormat.Text, OutputFormat.Json);
        var command = new Command("samples", "Reads the samples the project ships and prints what it finds in each.");
        command.Options.Add(samples);
        command.Options.Add(format);
        command.SetAction(parse => Run(parse.GetValue(samples)?.FullName, parse.GetValue(format), io));
        return command;
    }

    /// <summary>One entry of <c>samples/manifest.json</c> with what detection found.</summary>
    internal sealed record SampleReport(
        string File,
        string? Company,
        long? Cik,
        string? Ticker,
        string? Form,
        string? Date,
        string? PeriodOfReport,
        DocumentKindResult Kind,
        long Bytes,
        string? Summary);

    internal static int Run(string? samplesDirectory, OutputFormat format, CliIO io)
    {
        var directory = samplesDirectory ?? FindSamplesDirectory([AppContext.BaseDirectory, Environment.CurrentDirectory]);
        if (directory is null)
        {
            io.Err.WriteLine("edgar samples: no samples/manifest.json was found above the executable or the current directory; pass --samples DIR.");
            return 2;
        }
        var manifestPath = Path.Combine(directory, ManifestName);
        JsonDocument manifest;
        try
        {
            using var stream = File.OpenRead(manifestPath);
            manifest = JsonDocument.Parse(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            io.Err.WriteLine($"edgar samples: {manifestPath} cannot be read ({ex.Message}).");
            return 2;
        }

        var exit = 0;
        var reports = new List<SampleReport>();
        using (manifest)
        {
            var root = manifest.RootElement;
            var company = root.TryGetProperty("company", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
            var companyName = String(company, "name");
            long? cik = company.ValueKind == JsonValueKind.Object && company.TryGetProperty("cik", out var k) && k.TryGetInt64(out var n) ? n : null;
            var ticker = String(company, "ticker");
            if (!root.TryGetProperty("samples", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                io.Err.WriteLine($"edgar samples: {manifestPath} has no \"samples\" array.");
                return 2;
            }
            foreach (var entry in entries.EnumerateArray())
            {
                var file = String(entry, "file");
                if (string.IsNullOrEmpty(file))
                {
                    io.Err.WriteLine($"edgar samples: {manifestPath}: a sample has no \"file\"; it is skipped.");
                    exit = 2;
                    continue;
                }
                var path = Path.Combine(directory, file);
                try
                {
                    var kind = DocumentKindDetector.DetectFile(path);
                    foreach (var diagnostic in kind.Diagnostics)
                    {
                        io.Err.WriteLine(diagnostic.ToString());
                    }
                    var period = String(entry, "periodOfReport");
                    reports.Add(new SampleReport(
                        file, companyName, cik, ticker, String(entry, "form"), String(entry, "date") ?? period, period,
                        kind, new FileInfo(path).Length, Summarize(path, kind)));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    io.Err.WriteLine($"edgar samples: {path} cannot be read ({ex.Message}).");
                    exit = 2;
                }
            }
        }

        if (format == OutputFormat.Json)
        {
            WriteJson(io.Out, reports);
        }
        else
        {
            WriteText(io.Out, reports);
        }
        return exit;
    }

    /// <summary>
    /// The place where each kind's reader adds its one-line summary of a sample; null while none does (the letter
    /// reader comes with its issue). A definition linkbase is loaded offline as a DTS; a Form 3, 4 or 5 is read and checked.
    /// </summary>
    internal static string? Summarize(string path, DocumentKindResult kind) => kind.Kind switch
    {
        DocumentKind.DefinitionLinkbase or DocumentKind.XbrlSchema or DocumentKind.GenericLinkbase => SummarizeTaxonomy(path),
        DocumentKind.OwnershipXml or DocumentKind.OwnershipRendering => OwnershipCommand.Summarize(EdgarSharp.Ownership.OwnershipReader.Read(path)),
        DocumentKind.CommentLetter => SummarizeLetter(path),
        _ => null,
    };

    private static string SummarizeLetter(string path)
    {
        var letter = EdgarSharp.Correspondence.LetterReader.ReadFile(path);
        var date = letter.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "no date";
        return string.Create(CultureInfo.InvariantCulture,
            $"{EdgarSharp.Correspondence.LetterNames.ToName(letter.Kind)}, {date}, {letter.Company ?? "no company"}, file {letter.FileNumber ?? "-"}; {letter.Comments.Count} comments, {letter.Commitments.Count} commitments, {letter.Citations.Count} citations, {letter.Redactions.Count} redactions");
    }

    private static string SummarizeTaxonomy(string path)
    {
        var dts = EdgarSharp.Xbrl.Dts.Load(path);
        var roles = dts.LinkRoles();
        var byArcrole = dts.Relationships
            .GroupBy(r => r.Arcrole[(r.Arcrole.LastIndexOf('/') + 1)..], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Count()} {g.Key}");
        var missing = dts.Documents.Count(d => d.IsMissing);
        var errors = dts.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        return $"{roles.Count} roles, {dts.Relationships.Count} relationships ({string.Join(", ", byArcrole)}); "
            + $"{dts.Concepts.Count} concepts; {missing} referenced schemas not available offline; {errors} errors";
    }

    private static void WriteJson(TextWriter output, List<SampleReport> reports) => Output.Json(output, json =>
    {
        json.WriteStartArray();
        foreach (var r in reports)
        {
            json.WriteStartObject();
            json.WriteString("file", r.File);
            json.WriteString("company", r.Company);
            if (r.Cik is { } cik)
            {
                json.WriteNumber("cik", cik);
            }
            else
            {
                json.WriteNull("cik");
            }
            json.WriteString("ticker", r.Ticker);
            json.WriteString("form", r.Form);
            json.WriteString("date", r.Date);
            json.WriteString("periodOfReport", r.PeriodOfReport);
            json.WriteString("kind", r.Kind.KindName);
            json.WriteString("detail", r.Kind.Detail);
            json.WriteNumber("bytes", r.Bytes);
            if (r.Summary is not null)
            {
                json.WriteString("summary", r.Summary);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    });

    private static void WriteText(TextWriter output, List<SampleReport> reports)
    {
        var rows = new List<IReadOnlyList<string>> { new[] { "FILE", "COMPANY", "FORM", "DATE", "KIND", "BYTES" } };
        foreach (var r in reports)
        {
            rows.Add([r.File, r.Company ?? "-", r.Form ?? "-", r.Date ?? "-", r.Kind.KindName, r.Bytes.ToString(CultureInfo.InvariantCulture)]);
        }
        Output.Columns(output, rows, rightAligned: new HashSet<int> { 5 });
        foreach (var r in reports)
        {
            if (r.Summary is not null)
            {
                output.WriteLine($"{r.File}: {r.Summary}");
            }
        }
    }

    /// <summary>The first folder holding <c>samples/manifest.json</c> found walking up from each start in turn.</summary>
    internal static string? FindSamplesDirectory(IEnumerable<string> starts)
    {
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples");
                if (File.Exists(Path.Combine(candidate, ManifestName)))
                {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
