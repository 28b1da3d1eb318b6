using System.CommandLine;

namespace EdgarSharp.Cli.Commands;

/// <summary>The output shapes a verb can print.</summary>
public enum OutputFormat
{
    /// <summary>Readable in a terminal.</summary>
    Text,

    /// <summary>JSON: a documented contract.</summary>
    Json,

    /// <summary>Tab-separated values with a header row: a documented contract.</summary>
    Tsv,

    /// <summary>A terminal table (Spectre.Console), for a person.</summary>
    Table,

    /// <summary>Comma-separated values (RFC 4180) with a header row: a documented contract.</summary>
    Csv,
}

internal static class CommonOptions
{
    public static Option<OutputFormat> Format(OutputFormat defaultFormat, params OutputFormat[] allowed)
    {
        var names = string.Join('|', allowed.Select(a => a.ToString().ToLowerInvariant()));
        var option = new Option<OutputFormat>("--format", "-f")
        {
            Description = $"Output format: {names} (default {defaultFormat.ToString().ToLowerInvariant()}).",
            DefaultValueFactory = _ => defaultFormat,
            CustomParser = result =>
            {
                var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : defaultFormat.ToString();
                if (Enum.TryParse<OutputFormat>(token, ignoreCase: true, out var f) && allowed.Contains(f))
                {
                    return f;
                }
                result.AddError($"Unknown format '{token}': use one of {names}.");
                return defaultFormat;
            },
        };
        return option;
    }
}
