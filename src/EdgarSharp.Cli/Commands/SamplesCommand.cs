using System.CommandLine;

namespace EdgarSharp.Cli.Commands;

/// <summary><c>edgar samples</c>: the main job until the store exists: reads the shipped samples and says what is in each.</summary>
internal static class SamplesCommand
{
    public static Command Create(CliIO io)
    {
        var command = new Command("samples", "Reads the samples the project ships and prints what it finds in each.");
        command.SetAction(parse =>
        {
            io.Out.WriteLine("samples: not yet implemented.");
            return 0;
        });
        return command;
    }
}
