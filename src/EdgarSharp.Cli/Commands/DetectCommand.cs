using System.CommandLine;
using EdgarSharp.Documents;

namespace EdgarSharp.Cli.Commands;

/// <summary>
/// <c>edgar detect FILE...</c>: the kind of each document, decided from its content. A directory means every file
/// under it, recursively, in ordinal path order. Output contracts:
/// <list type="bullet">
/// <item><c>--format tsv</c>: a header row <c>path	kind	detail</c>, then one row per file.</item>
/// <item><c>--format json</c>: an array of objects <c>{ "path", "kind", "detail" }</c>.</item>
/// <item><c>--format text</c> (default): the same three fields in aligned columns.</item>
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
        var command = new Command("detect", "Names the kind of each document from its content, never from its file name.");
        command.Arguments.Add(files);
        command.Options.Add(format);
        command.SetAction(parse => Run(parse.GetValue(files) ?? [], parse.GetValue(format), io));
        return command;
    }

    internal static int Run(IReadOnlyList<string> arguments, OutputFormat format, CliIO io)
    {
        var exit = 0;
        var rows = new List<(string Path, DocumentKindResult Result)>();
        foreach (var path in ExpandPaths(arguments, io, ref exit))
        {
            try
            {
                var result = DocumentKindDetector.DetectFile(path);
                rows.Add((path, result));
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
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                });
                break;
            case OutputFormat.Tsv:
                Output.Tsv(io.Out, ["path", "kind", "detail"], rows.Select(r => (IReadOnlyList<string>)[r.Path, r.Result.KindName, r.Result.Detail]));
                break;
            default:
                Output.Columns(io.Out, rows.Select(r => (IReadOnlyList<string>)[r.Path, r.Result.KindName, r.Result.Detail]).ToList());
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
