using System.CommandLine;

namespace EdgarSharp.Cli.Commands;

/// <summary><c>edgar detect FILE...</c>: the kind of each document, decided from its content.</summary>
internal static class DetectCommand
{
    public static Command Create(CliIO io)
    {
        var files = new Argument<string[]>("files") { Description = "Files to inspect.", Arity = ArgumentArity.OneOrMore };
        var format = CommonOptions.Format(OutputFormat.Text, OutputFormat.Text, OutputFormat.Json, OutputFormat.Tsv);
        var command = new Command("detect", "Names the kind of each document from its content, never from its file name.");
        command.Arguments.Add(files);
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            io.Err.WriteLine("detect: not yet implemented.");
            return 2;
        });
        return command;
    }
}
