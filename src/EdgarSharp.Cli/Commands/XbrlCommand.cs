using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EdgarSharp.Xbrl;
using EdgarSharp.Xbrl.Conformance;

namespace EdgarSharp.Cli.Commands;

/// <summary><c>edgar xbrl ...</c>: the XBRL processor's verbs.</summary>
internal static class XbrlCommand
{
    public static Command Create(CliIO io)
    {
        var command = new Command("xbrl", "XBRL taxonomies, relationships and conformance suites.");
        command.Subcommands.Add(Relationships(io));
        command.Subcommands.Add(Concepts(io));
        command.Subcommands.Add(Roles(io));
        command.Subcommands.Add(DimensionsCommand.Create(io));
        command.Subcommands.Add(FactsCommand.Facts(io));
        command.Subcommands.Add(FactsCommand.Validate(io));
        command.Subcommands.Add(StatementCommand.Create(io));
        command.Subcommands.Add(Conformance(io));
        return command;
    }

    private static Argument<string> PathArgument() => new("path") { Description = "A schema, a linkbase, an instance, or a filing folder." };

    internal static Option<string[]> CacheOption() => new("--cache")
    {
        Description = "A folder of cached schemas laid out as http/host/path (repeatable). Nothing is ever fetched from the network.",
        AllowMultipleArgumentsPerToken = false,
    };

    internal static Option<string[]> PackageOption() => new("--package")
    {
        Description = "An XBRL taxonomy package (.zip) to resolve schemas from (repeatable).",
    };

    internal static TaxonomyCatalog BuildCatalog(ParseResult parse, Option<string[]> cache, Option<string[]> packages, CliIO io)
    {
        var catalog = new TaxonomyCatalog();
        foreach (var folder in parse.GetValue(cache) ?? [])
        {
            if (!Directory.Exists(folder))
            {
                io.Err.WriteLine($"edgar: the cache folder '{folder}' does not exist; it was ignored.");
                continue;
            }
            catalog.AddCacheFolder(folder);
        }
        foreach (var zip in parse.GetValue(packages) ?? [])
        {
            if (!File.Exists(zip))
            {
                io.Err.WriteLine($"edgar: the taxonomy package '{zip}' does not exist; it was ignored.");
                continue;
            }
            foreach (var d in catalog.AddPackage(zip))
            {
                io.Err.WriteLine(d.ToString());
            }
        }
        return catalog;
    }

    internal static Dts? LoadDts(string path, TaxonomyCatalog catalog, CliIO io)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            io.Err.WriteLine($"edgar: there is no file or folder at '{path}'.");
            return null;
        }
        return Dts.Load(path, new XbrlLoadOptions { Catalog = catalog });
    }

    /// <summary>
    /// The common shape of a DTS verb: PATH, --format, --cache and --package; loads the DTS, prints its diagnostics to
    /// standard error and hands it to <paramref name="write"/>.
    /// </summary>
    internal static Command DtsVerb(string name, string description, CliIO io, Option<OutputFormat> format, Action<Dts, ParseResult> write, params Option[] extra)
    {
        var path = PathArgument();
        var cache = CacheOption();
        var packages = PackageOption();
        var command = new Command(name, description);
        command.Arguments.Add(path);
        command.Options.Add(format);
        command.Options.Add(cache);
        command.Options.Add(packages);
        foreach (var option in extra)
        {
            command.Options.Add(option);
        }
        command.SetAction(parse =>
        {
            using var catalog = BuildCatalog(parse, cache, packages, io);
            var dts = LoadDts(parse.GetValue(path)!, catalog, io);
            if (dts is null)
            {
                return 2;
            }
            WriteDiagnostics(dts, io);
            write(dts, parse);
            return 0;
        });
        return command;
    }

    internal static void WriteDiagnostics(Dts dts, CliIO io)
    {
        foreach (var d in dts.Diagnostics)
        {
            io.Err.WriteLine(d.ToString());
        }
    }

    internal static string Display(XbrlElement element) => element switch
    {
        Concept c => c.PrefixedName,
        Resource r => r.ElementName.LocalName + ":" + (r.Id ?? r.Label),
        OtherElement o => o.ToString(),
        _ => element.ToString() ?? "",
    };

    internal static string Number(decimal d) => d.ToString("0.############################", CultureInfo.InvariantCulture);

    private static string Bool(bool? b) => b is null ? "" : b.Value ? "true" : "false";

    private static Command Relationships(CliIO io)
    {
        var format = CommonOptions.Format(OutputFormat.Tsv, OutputFormat.Tsv, OutputFormat.Json);
        var arcrole = new Option<string?>("--arcrole") { Description = "Only relationships with this arcrole (full URI)." };
        return DtsVerb("relationships", "Every effective relationship (after prohibition and override) of the DTS, as TSV or JSON.", io, format, (dts, parse) =>
        {
            var only = parse.GetValue(arcrole);
            var rels = dts.Relationships.Where(r => only is null || string.Equals(r.Arcrole, only, StringComparison.Ordinal)).ToList();
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Output.Json(io.Out, json =>
{
                json.WriteStartArray();
                foreach (var r in rels)
                {
                    json.WriteStartObject();
                    json.WriteString("linkrole", r.LinkRole);
                    json.WriteString("arcrole", r.Arcrole);
                    json.WriteString("from", Display(r.From));
                    json.WriteString("to", Display(r.To));
                    json.WriteNumber("order", r.Order);
                    json.WriteNumber("priority", r.Priority);
                    Output.OptionalBool(json, "closed", r.Arc.Closed);
                    Output.OptionalString(json, "contextElement", r.Arc.ContextElement);
                    Output.OptionalBool(json, "usable", r.Arc.Usable);
                    Output.OptionalString(json, "targetRole", r.Arc.TargetRole);
                    if (r.Arc.Weight is { } w)
                    {
                        json.WriteNumber("weight", w);
                    }
                    Output.OptionalString(json, "preferredLabel", r.Arc.PreferredLabel);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                });
                return;
            }
            var sb = new StringBuilder();
            sb.Append("linkrole\tarcrole\tfrom\tto\torder\tpriority\tclosed\tcontextElement\tusable\ttargetRole\tweight\tpreferredLabel\n");
            foreach (var r in rels)
            {
                sb.Append(Tsv(r.LinkRole)).Append('\t').Append(Tsv(r.Arcrole)).Append('\t')
                  .Append(Tsv(Display(r.From))).Append('\t').Append(Tsv(Display(r.To))).Append('\t')
                  .Append(Number(r.Order)).Append('\t').Append(r.Priority.ToString(CultureInfo.InvariantCulture)).Append('\t')
                  .Append(Bool(r.Arc.Closed)).Append('\t').Append(Tsv(r.Arc.ContextElement)).Append('\t')
                  .Append(Bool(r.Arc.Usable)).Append('\t').Append(Tsv(r.Arc.TargetRole)).Append('\t')
                  .Append(r.Arc.Weight is { } w ? Number(w) : "").Append('\t').Append(Tsv(r.Arc.PreferredLabel)).Append('\n');
            }
            io.Out.Write(sb.ToString());
        }, arcrole);
    }

    private static Command Concepts(CliIO io)
    {
        var format = CommonOptions.Format(OutputFormat.Tsv, OutputFormat.Text, OutputFormat.Json, OutputFormat.Tsv);
        return DtsVerb("concepts", "The concepts of the DTS: name, substitution group, type, period type, balance, abstract, nillable, and whether the declaration was read.", io, format, (dts, parse) =>
        {
            var concepts = dts.Concepts.OrderBy(c => c.PrefixedName, StringComparer.Ordinal).ToList();
            switch (parse.GetValue(format))
            {
                case OutputFormat.Json:
                {
                    Output.Json(io.Out, json =>
{
                    json.WriteStartArray();
                    foreach (var c in concepts)
                    {
                        json.WriteStartObject();
                        json.WriteString("name", c.PrefixedName);
                        json.WriteString("namespace", c.IsNamespaceKnown ? c.Name.Namespace : null);
                        json.WriteString("localName", c.Name.LocalName);
                        json.WriteBoolean("declared", c.IsDeclared);
                        Output.OptionalString(json, "substitutionGroup", GroupName(c));
                        Output.OptionalString(json, "type", c.Type?.LocalName);
                        Output.OptionalString(json, "periodType", c.PeriodType?.ToString().ToLowerInvariant());
                        Output.OptionalString(json, "balance", c.Balance?.ToString().ToLowerInvariant());
                        json.WriteBoolean("abstract", c.IsAbstract);
                        json.WriteBoolean("nillable", c.IsNillable);
                        json.WriteString("schema", c.DocumentUrl);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                    });
                    break;
                }
                case OutputFormat.Tsv:
                {
                    var sb = new StringBuilder("concept\tnamespace\tdeclared\tsubstitutionGroup\ttype\tperiodType\tbalance\tabstract\tnillable\tschema\n");
                    foreach (var c in concepts)
                    {
                        sb.Append(Tsv(c.PrefixedName)).Append('\t').Append(c.IsNamespaceKnown ? Tsv(c.Name.Namespace) : "").Append('\t')
                          .Append(c.IsDeclared ? "true" : "false").Append('\t').Append(Tsv(GroupName(c))).Append('\t')
                          .Append(Tsv(c.Type?.LocalName)).Append('\t').Append(c.PeriodType?.ToString().ToLowerInvariant()).Append('\t')
                          .Append(c.Balance?.ToString().ToLowerInvariant()).Append('\t').Append(c.IsAbstract ? "true" : "false").Append('\t')
                          .Append(c.IsNillable ? "true" : "false").Append('\t').Append(Tsv(c.DocumentUrl)).Append('\n');
                    }
                    io.Out.Write(sb.ToString());
                    break;
                }
                default:
                    foreach (var c in concepts)
                    {
                        io.Out.WriteLine($"{c.PrefixedName,-70} {(c.IsDeclared ? GroupName(c) ?? "" : "(schema not read)"),-22} {c.PeriodType?.ToString().ToLowerInvariant(),-8} {c.Balance?.ToString().ToLowerInvariant(),-6}{(c.IsAbstract ? " abstract" : "")}");
                    }
                    io.Out.WriteLine($"{concepts.Count} concepts, {concepts.Count(c => c.IsDeclared)} declared in schemas that were read.");
                    break;
            }
        });
    }

    private static Command Roles(CliIO io)
    {
        var format = CommonOptions.Format(OutputFormat.Tsv, OutputFormat.Text, OutputFormat.Json, OutputFormat.Tsv);
        return DtsVerb("roles", "The extended link roles of the DTS: URI, definition, and the links and relationships in each.", io, format, (dts, parse) =>
        {
            var definitions = dts.RoleTypes.GroupBy(r => r.RoleUri, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Definition, StringComparer.Ordinal);
            var rows = dts.LinkRoles().Select(role => (
                Role: role,
                Definition: definitions.GetValueOrDefault(role),
                Links: dts.ExtendedLinks.Where(l => l.Role == role).Select(l => l.ElementName.LocalName).Distinct(StringComparer.Ordinal).ToList(),
                Relationships: dts.Relationships.Count(r => r.LinkRole == role))).ToList();
            // Declared roles not used by any link are listed too.
            foreach (var rt in dts.RoleTypes.Where(rt => !rows.Any(r => r.Role == rt.RoleUri)).DistinctBy(rt => rt.RoleUri))
            {
                rows.Add((rt.RoleUri, rt.Definition, [], 0));
            }
            switch (parse.GetValue(format))
            {
                case OutputFormat.Json:
                {
                    Output.Json(io.Out, json =>
{
                    json.WriteStartArray();
                    foreach (var r in rows)
                    {
                        json.WriteStartObject();
                        json.WriteString("role", r.Role);
                        Output.OptionalString(json, "definition", r.Definition);
                        json.WriteStartArray("links");
                        foreach (var l in r.Links)
                        {
                            json.WriteStringValue(l);
                        }
                        json.WriteEndArray();
                        json.WriteNumber("relationships", r.Relationships);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                    });
                    break;
                }
                case OutputFormat.Tsv:
                {
                    var sb = new StringBuilder("role\tdefinition\tlinks\trelationships\n");
                    foreach (var r in rows)
                    {
                        sb.Append(Tsv(r.Role)).Append('\t').Append(Tsv(r.Definition)).Append('\t').Append(string.Join(',', r.Links)).Append('\t')
                          .Append(r.Relationships.ToString(CultureInfo.InvariantCulture)).Append('\n');
                    }
                    io.Out.Write(sb.ToString());
                    break;
                }
                default:
                    foreach (var r in rows)
                    {
                        io.Out.WriteLine($"{r.Role}  ({string.Join(", ", r.Links)}; {r.Relationships} relationships){(r.Definition is null ? "" : "  " + r.Definition)}");
                    }
                    io.Out.WriteLine($"{rows.Count} roles.");
                    break;
            }
        });
    }

    internal static string Tsv(string? value) => Output.TsvField(value);

    private static string? GroupName(Concept c) => c.BaseSubstitutionGroup is { } g
        ? (g.Namespace == XbrlNamespaces.Xbrli ? "xbrli:" : g.Namespace == XbrlNamespaces.Xbrldt ? "xbrldt:" : "") + g.LocalName
        : c.SubstitutionGroup?.LocalName;

    private static Command Conformance(CliIO io)
    {
        var index = new Argument<string[]>("index")
        {
            Description = "The suite's index (e.g. xbrl.xml, xdt.xml) or one test case file; several run one after the other in one process.",
            Arity = ArgumentArity.OneOrMore,
        };
        var report = new Option<string?>("--report") { Description = "Writes one CSV row per variation: testcase, id, expected, actual, status (as Arelle's --csvTestReport)." };
        var cache = CacheOption();
        var packages = PackageOption();
        var command = new Command("conformance", "Runs XBRL conformance suites, variation by variation (in parallel on the machine's cores), and prints the totals of each.");
        command.Arguments.Add(index);
        command.Options.Add(report);
        command.Options.Add(cache);
        command.Options.Add(packages);
        command.SetAction(parse =>
        {
            var indexPaths = parse.GetValue(index)!;
            if (indexPaths.FirstOrDefault(p => !File.Exists(p)) is { } missing)
            {
                io.Err.WriteLine($"edgar: the suite index '{missing}' does not exist.");
                return 2;
            }
            using var catalog = BuildCatalog(parse, cache, packages, io);
            var options = new ConformanceOptions { Catalog = catalog };
            var all = new List<ConformanceResult>();
            var anyFailed = false;
            foreach (var indexPath in indexPaths)
            {
                var bag = new DiagnosticBag();
                var variations = ConformanceSuite.Read(indexPath, bag);
                foreach (var d in bag)
                {
                    io.Err.WriteLine(d.ToString());
                }
                var results = ConformanceSuite.RunAll(variations, options);
                all.AddRange(results);
                foreach (var r in results.Where(r => r.Status == ConformanceStatus.Fail))
                {
                    io.Out.WriteLine($"FAIL {r.Variation}  expected {r.Variation.Expected}, got {r.Actual}");
                }
                var pass = results.Count(r => r.Status == ConformanceStatus.Pass);
                var fail = results.Count(r => r.Status == ConformanceStatus.Fail);
                var owed = results.Count(r => r.Status == ConformanceStatus.Owed);
                anyFailed |= fail > 0;
                io.Out.WriteLine($"{results.Count} variations: {pass} passed, {fail} failed, {owed} owed by later issues.");
            }
            var reportPath = parse.GetValue(report);
            if (reportPath is not null)
            {
                var sb = new StringBuilder("testcase,id,expected,actual,status\n");
                foreach (var r in all)
                {
                    sb.Append(Csv(r.Variation.Testcase)).Append(',').Append(Csv(r.Variation.Id)).Append(',').Append(Csv(r.Variation.Expected)).Append(',')
                      .Append(Csv(r.Status == ConformanceStatus.Owed ? r.Reason! : r.Actual)).Append(',').Append(r.Status.ToString().ToLowerInvariant()).Append('\n');
                }
                File.WriteAllText(reportPath, sb.ToString());
            }
            return anyFailed ? 1 : 0;
        });
        return command;
    }

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}

