using System.CommandLine;
using EdgarSharp.Cli.Commands;

namespace EdgarSharp.Cli;

/// <summary>
/// The <c>edgar</c> command: a tree of verbs, each thin over library calls. Output goes to the writers given,
/// so the tests run the real command in-process.
/// </summary>
public static class EdgarApp
{
    /// <summary>Builds the command tree and runs it; returns the process exit code (0 ok, 1 findings with errors, 2 usage or I/O failure).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        var io = new CliIO(stdout, stderr);
        var root = BuildRoot(io);
        var parse = root.Parse(args);
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        return parse.Invoke(config);
    }

    internal static RootCommand BuildRoot(CliIO io)
    {
        var root = new RootCommand(
            "edgar: turns raw SEC EDGAR material (XBRL, inline XBRL, Forms 3/4/5, comment letters) into validated, structured data. Offline unless asked.");
        root.Subcommands.Add(IngestCommand.Create(io));
        root.Subcommands.Add(CompanyCommand.Create(io));
        root.Subcommands.Add(QueryCommand.Create(io));
        root.Subcommands.Add(SamplesCommand.Create(io));
        root.Subcommands.Add(DetectCommand.Create(io));
        root.Subcommands.Add(XbrlCommand.Create(io));
        root.Subcommands.Add(SubmissionCommand.Create(io));
        root.Subcommands.Add(IndexCommand.Create(io));
        root.Subcommands.Add(OwnershipCommand.Create(io));
        root.Subcommands.Add(LetterCommand.Create(io));
        root.Subcommands.Add(LettersCommand.Create(io));
        return root;
    }
}

/// <summary>The writers a command prints to.</summary>
public sealed class CliIO(TextWriter stdout, TextWriter stderr)
{
    /// <summary>Standard output: the result.</summary>
    public TextWriter Out { get; } = stdout;

    /// <summary>Standard error: diagnostics and progress.</summary>
    public TextWriter Err { get; } = stderr;
}
