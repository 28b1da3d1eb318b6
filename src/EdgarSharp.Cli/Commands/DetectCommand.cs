using System.CommandLine;
using EdgarSharp.Documents;

namespace EdgarSharp.Cli.Commands;

/// <summary>
/// <c>edgar detect FILE...</c>: the kind of each document, decided from its content. A directory means every file
/// under it, recursively, in ordinal path order. Output contracts:
/// <list type="bullet">
/// <item><c>--format tsv</c>: a header row <c>path	kind	detail</c>, then one row per file; with <c>--inside</c>, after
/// each EDGAR submission one row per document whose path is <c>FILE#SEQUENCE:FILENAME</c>.</item>
/// <item><c>--format json</c>: an array of objects <c>{ "path", "kind", "detail" }</c>; an EDGAR submission also has
/// <c>"documents": [{ "sequence", "type", "filename", "kind", "detail", "size" }]</c>, each document's kind detected
/// from its decoded content.</item>
/// <item><c>--format text</c> (default): the same three fields in aligned columns, a submission's documents indented
/// below it.</item>
/// </list>
/// Diagnostics go to standard error. Exit code 0, or 2 when a path does not exist or a file cannot be read (the
/// other files are still reported).
/// </summary>
internal static class DetectCommand
{
    public static Command Create(CliIO io)
    {
        var files = new Argument<string[]>("files") { Description = "Files or directories (searched recursively) to inspect.", Arity = ArgumentArity.OneOrMore };
        var format = CommonOptions.Format(OutputFormat.Text, OutputFormat.Text, OutputFormat.Json, OutputFormat.Tsv);
        var inside = new Option<bool>("--inside") { Description = "In TSV, also list the documents inside each EDGAR submission (JSON and text always do)." };
        var command = new Command("detect", "Names the kind of each document from its content, never from its file name; for an EDGAR submission, of each document inside it.");
        command.Arguments.Add(files);
        command.Options.Add(format);
        command.Options.Add(inside);
        command.SetAction(parse => Run(parse.GetValue(files) ?? [], parse.GetValue(format), io, parse.GetValue(inside)));
        return command;
    }

    /// <summary>A document inside a submission and its detected kind.</summary>
    internal sealed record Inner(int? Sequence, string Type, string? FileName, DocumentKindResult Result, long Size);

    /// <summary>The documents inside the submission at <paramref name="path"/>, one in memory at a time.</summary>
    internal static List<Inner> Inside(string path)
    {
        var list = new List<Inner>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        using var reader = EdgarSharp.Edgar.SubmissionStreamReader.Open(stream, path);
        foreach (var d in reader.ReadDocuments())
        {
            var result = DocumentKindDetector.Detect(d.Content.Span, isWholeDocument: !d.IsTruncated, document: $"{path}#{d.Sequence}");
            list.Add(new Inner(d.Sequence, d.Type, d.FileName ?? d.UuencodedName, result, d.Size));
        }
        return list;
    }

    private static string InnerPath(string path, Inner d) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{path}#{d.Sequence?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}:{d.FileName ?? d.Type}");

    internal static int Run(IReadOnlyList<string> arguments, OutputFormat format, CliIO io, bool inside = false)
    {
        var exit = 0;
        var rows = new List<(string Path, DocumentKindResult Result)>();
        var documents = new Dictionary<string, List<Inner>>(StringComparer.Ordinal);
        foreach (var path in ExpandPaths(arguments, io, ref exit))
        {
            try
            {
                var result = DocumentKindDetector.DetectFile(path);
                rows.Add((path, result));
                if (result.Kind == DocumentKind.EdgarSubmission && (format != OutputFormat.Tsv || inside))
                {
                    documents[path] = Inside(path);
                }
                foreach (var diagnostic in result.Diagnostics)
                {
                    io.Err.WriteLine(diagnostic.ToString());
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                io.Err.WriteLine($"edgar detect: {path}: cannot be read ({ex.Message}).");
                exit = 2;
            }
        }

        switch (format)
        {
            case OutputFormat.Json:
                Output.Json(io.Out, json =>
                {
                    json.WriteStartArray();
                    foreach (var (path, result) in rows)
                    {
                        json.WriteStartObject();
                        json.WriteString("path", path);
                        json.WriteString("kind", result.KindName);
                        json.WriteString("detail", result.Detail);
                        if (documents.TryGetValue(path, out var inner))
                        {
                            json.WriteStartArray("documents");
                            foreach (var d in inner)
                            {
                                json.WriteStartObject();
                                if (d.Sequence is { } seq)
                                {
                                    json.WriteNumber("sequence", seq);
                                }
                                else
                                {
                                    json.WriteNull("sequence");
                                }
                                json.WriteString("type", d.Type);
                                Output.OptionalString(json, "filename", d.FileName);
                                json.WriteString("kind", d.Result.KindName);
                                json.WriteString("detail", d.Result.Detail);
                                json.WriteNumber("size", d.Size);
                                json.WriteEndObject();
                            }
                            json.WriteEndArray();
                        }
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                });
                break;
            case OutputFormat.Tsv:
                Output.Tsv(io.Out, ["path", "kind", "detail"], rows.SelectMany(r =>
                    new[] { (IReadOnlyList<string>)[r.Path, r.Result.KindName, r.Result.Detail] }.Concat(
                        documents.TryGetValue(r.Path, out var inner)
                            ? inner.Select(d => (IReadOnlyList<string>)[InnerPath(r.Path, d), d.Result.KindName, d.Result.Detail])
                            : [])));
                break;
            default:
                Output.Columns(io.Out, rows.SelectMany(r =>
                    new[] { (IReadOnlyList<string>)[r.Path, r.Result.KindName, r.Result.Detail] }.Concat(
                        documents.TryGetValue(r.Path, out var inner)
                            ? inner.Select(d => (IReadOnlyList<string>)["  #" + (d.Sequence?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?") + " " + (d.FileName ?? d.Type), d.Result.KindName, d.Result.Detail])
                            : [])).ToList());
                break;
        }
        return exit;
    }

    /// <summary>Files as given, directories as every file under them (hidden ones aside) in ordinal order.</summary>
    internal static List<string> ExpandPaths(IReadOnlyList<string> arguments, CliIO io, ref int exit)
    {
        var paths = new List<string>();
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        foreach (var argument in arguments)
        {
            if (Directory.Exists(argument))
            {
                var found = Directory.EnumerateFiles(argument, "*", options).ToList();
                found.Sort(StringComparer.Ordinal);
                paths.AddRange(found);
            }
            else if (File.Exists(argument))
            {
                paths.Add(argument);
            }
            else
            {
                io.Err.WriteLine($"edgar detect: {argument}: no such file or directory.");
                exit = 2;
            }
        }
        return paths;
    }
}
