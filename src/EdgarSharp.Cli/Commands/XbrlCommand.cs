using System.CommandLine;

namespace EdgarSharp.Cli.Commands;

/// <summary><c>edgar xbrl ...</c>: the XBRL processor's verbs.</summary>
internal static class XbrlCommand
{
    public static Command Create(CliIO io)
    {
        var command = new Command("xbrl", "XBRL taxonomies, relationships and conformance suites.");
        return command;
    }
}
