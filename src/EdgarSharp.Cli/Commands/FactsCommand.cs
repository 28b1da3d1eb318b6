using System.CommandLine;
using System.Globalization;
using EdgarSharp.Xbrl;

namespace EdgarSharp.Cli.Commands;

/// <summary><c>edgar xbrl facts</c> and <c>edgar xbrl validate</c>: an instance's facts, and everything found wrong in it.</summary>
internal static class FactsCommand
{
    private static readonly string[] TsvHeader = ["concept", "contextRef", "unitRef", "decimals", "value", "period", "dimensions", "entity", "id"];

    public static Command Facts(CliIO io)
    {
        var path = new Argument<string>("path") { Description = "An XBRL instance, an inline XBRL document, or a filing folder holding one." };
        var format = CommonOptions.Format(OutputFormat.Tsv, OutputFormat.Tsv, OutputFormat.Json);
        var concept = new Option<string?>("--concept") { Description = "Only facts of this concept (prefix:LocalName, or LocalName)." };
        var period = new Option<string?>("--period") { Description = "Only facts of this period: an instant (2023-09-30), a duration (2022-09-25/2023-09-30), or a date the period ends on." };
        var dimension = new Option<string?>("--dimension") { Description = "Only facts with this axis (prefix:Axis) or axis and member (prefix:Axis=prefix:Member); 'none' for facts without dimensions." };
        var cache = XbrlCommand.CacheOption();
        var packages = XbrlCommand.PackageOption();
        var command = new Command("facts", "The facts of an XBRL instance: concept, context, unit, decimals, value as written, period and dimensions.");
        command.Arguments.Add(path);
        foreach (var o in new Option[] { format, concept, period, dimension, cache, packages })
        {
            command.Options.Add(o);
        }
        command.SetAction(parse =>
        {
            var instance = Load(parse.GetValue(path)!, parse, cache, packages, io);
            if (instance is null)
            {
                return 2;
            }
            _names = instance.Dts;
            foreach (var d in instance.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info))
            {
                io.Err.WriteLine(d.ToString());
            }
            var facts = instance.AllFacts().Where(f => !f.IsTuple)
                .Where(f => Matches(f, parse.GetValue(concept), parse.GetValue(period), parse.GetValue(dimension))).ToList();
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Output.Json(io.Out, json =>
                {
                    json.WriteStartArray();
                    foreach (var f in facts)
                    {
                        json.WriteStartObject();
                        json.WriteString("concept", f.PrefixedName);
                        json.WriteString("namespace", f.Name.Namespace);
                        Output.OptionalString(json, "contextRef", f.ContextRef);
                        Output.OptionalString(json, "unitRef", f.UnitRef);
                        Output.OptionalString(json, "unit", f.Unit?.ToString());
                        Output.OptionalString(json, "decimals", f.Decimals);
                        Output.OptionalString(json, "precision", f.Precision);
                        json.WriteBoolean("nil", f.IsNil);
                        json.WriteString("value", f.Lexical);
                        if (f.DecimalValue is { } dv)
                        {
                            json.WriteNumber("number", dv);
                        }
                        else if (f.DoubleValue is { } d && double.IsFinite(d))
                        {
                            json.WriteNumber("number", d);
                        }
                        Output.OptionalString(json, "period", f.Context?.Period.ToString());
                        json.WriteStartObject("dimensions");
                        foreach (var dim in f.Context?.Dimensions ?? [])
                        {
                            json.WriteString(Display(dim.Dimension), dim.Member is { } m ? Display(m) : dim.TypedValue);
                        }
                        json.WriteEndObject();
                        Output.OptionalString(json, "entity", f.Context?.Identifier);
                        Output.OptionalString(json, "id", f.Id);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                });
                return 0;
            }
            Output.Tsv(io.Out, TsvHeader, facts.Select(f => (IReadOnlyList<string>)
            [
                f.PrefixedName, f.ContextRef ?? "", f.UnitRef ?? "", f.Decimals ?? "", f.Lexical.Trim(), f.Context?.Period.ToString() ?? "",
                DimensionsText(f), f.Context?.Identifier ?? "", f.Id ?? "",
            ]));
            return 0;
        });
        return command;
    }

    public static Command Validate(CliIO io)
    {
        var path = new Argument<string>("path") { Description = "An XBRL instance, an inline XBRL document, a filing folder, a schema or a linkbase." };
        var format = CommonOptions.Format(OutputFormat.Text, OutputFormat.Text, OutputFormat.Json);
        var cache = XbrlCommand.CacheOption();
        var packages = XbrlCommand.PackageOption();
        var calc = CalculationOption();
        var command = new Command("validate", "Validates an instance and its DTS (XBRL 2.1 and taxonomy rules) and prints every diagnostic; exit 1 when any is an error.");
        command.Arguments.Add(path);
        command.Options.Add(format);
        command.Options.Add(calc);
        command.Options.Add(cache);
        command.Options.Add(packages);
        command.SetAction(parse =>
        {
            var target = parse.GetValue(path)!;
            IReadOnlyList<Diagnostic> diagnostics;
            var isInstance = File.Exists(target) ? IsInstance(target) || InlineXbrl.IsInlineDocument(target) : Directory.Exists(target) && XbrlInstance.FindInstance(target) is not null;
            if (isInstance)
            {
                var instance = Load(target, parse, cache, packages, io, parse.GetValue(calc));
                if (instance is null)
                {
                    return 2;
                }
                diagnostics = instance.Diagnostics;
            }
            else
            {
                using var catalog = XbrlCommand.BuildCatalog(parse, cache, packages, io);
                var dts = XbrlCommand.LoadDts(target, catalog, io);
                if (dts is null)
                {
                    return 2;
                }
                diagnostics = dts.Diagnostics;
            }
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Output.Json(io.Out, json =>
                {
                    json.WriteStartArray();
                    foreach (var d in diagnostics)
                    {
                        json.WriteStartObject();
                        json.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
                        json.WriteString("code", d.Code);
                        json.WriteString("message", d.Message);
                        Output.OptionalString(json, "file", d.Location?.Document);
                        if (d.Location is { Line: > 0 } at)
                        {
                            json.WriteNumber("line", at.Line);
                            json.WriteNumber("column", at.Column);
                        }
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                });
            }
            else
            {
                foreach (var d in diagnostics)
                {
                    io.Out.WriteLine(d.ToString());
                }
                var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
                var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
                io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{errors} errors, {warnings} warnings."));
            }
            return diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? 1 : 0;
        });
        return command;
    }

    private static bool IsInstance(string file)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        return string.Equals(XbrlInstance.FindInstance(folder), Path.GetFullPath(file), StringComparison.Ordinal)
            || EdgarSharp.Documents.DocumentKindDetector.DetectFile(file).Kind == EdgarSharp.Documents.DocumentKind.XbrlInstance;
    }

    /// <summary><c>--calc</c>: which rules check calculations.</summary>
    private static Option<CalculationMode> CalculationOption() => new("--calc")
    {
        Description = "Calculation rules: 2.1 (classic XBRL 2.1, the default), 1.1 (Calculations 1.1, round-to-nearest), 1.1-truncation, or none.",
        DefaultValueFactory = _ => CalculationMode.Xbrl21,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "2.1";
            switch (token.ToLowerInvariant())
            {
                case "2.1":
                    return CalculationMode.Xbrl21;
                case "1.1":
                    return CalculationMode.Calculations11;
                case "1.1-truncation":
                    return CalculationMode.Calculations11Truncation;
                case "none":
                    return CalculationMode.None;
                default:
                    result.AddError($"Unknown calculation rules '{token}': use one of 2.1|1.1|1.1-truncation|none.");
                    return CalculationMode.Xbrl21;
            }
        },
    };

    private static XbrlInstance? Load(string path, ParseResult parse, Option<string[]> cache, Option<string[]> packages, CliIO io,
        CalculationMode calculations = CalculationMode.Xbrl21)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            io.Err.WriteLine($"edgar: there is no file or folder at '{path}'.");
            return null;
        }
        using var catalog = XbrlCommand.BuildCatalog(parse, cache, packages, io);
        try
        {
            return InlineXbrl.LoadAny(path, new XbrlLoadOptions { Catalog = catalog, Calculations = calculations });
        }
        catch (FileNotFoundException e)
        {
            io.Err.WriteLine("edgar: " + e.Message);
            return null;
        }
    }

    private static bool Matches(XbrlFact f, string? concept, string? period, string? dimension)
    {
        if (concept is not null && !string.Equals(f.PrefixedName, concept, StringComparison.Ordinal) && !string.Equals(f.Name.LocalName, concept, StringComparison.Ordinal))
        {
            return false;
        }
        if (period is not null)
        {
            var p = f.Context?.Period;
            if (p is null)
            {
                return false;
            }
            var text = p.ToString();
            if (!string.Equals(text, period, StringComparison.Ordinal) && !text.EndsWith("/" + period, StringComparison.Ordinal))
            {
                return false;
            }
        }
        if (dimension is not null)
        {
            var dims = f.Context?.Dimensions ?? [];
            if (dimension == "none")
            {
                return dims.Count == 0;
            }
            var eq = dimension.IndexOf('=', StringComparison.Ordinal);
            var axis = eq < 0 ? dimension : dimension[..eq];
            var member = eq < 0 ? null : dimension[(eq + 1)..];
            return dims.Any(d => Display(d.Dimension) == axis && (member is null || (d.Member is { } m ? Display(m) : d.TypedValue) == member));
        }
        return true;
    }

    private static string DimensionsText(XbrlFact f) =>
        string.Join(';', (f.Context?.Dimensions ?? []).Select(d => Display(d.Dimension) + "=" + (d.Member is { } m ? Display(m) : d.TypedValue?.Replace('\t', ' ').Replace('\n', ' '))));

    [ThreadStatic]
    private static Dts? _names;

    /// <summary>A QName as prefix:LocalName: the concept's prefix in the DTS, else EDGAR's prefix for the namespace.</summary>
    private static string Display(QName q) =>
        _names?.FindConcept(q) is { } c ? c.PrefixedName
        : EdgarTaxonomies.PrefixFor(q.Namespace) is { Length: > 0 } p ? p + ":" + q.LocalName : q.LocalName;
}
