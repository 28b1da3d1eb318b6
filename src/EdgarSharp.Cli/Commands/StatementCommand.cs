using System.CommandLine;
using System.Globalization;
using System.Text;
using EdgarSharp.Xbrl;
using Spectre.Console;

namespace EdgarSharp.Cli.Commands;

/// <summary>
/// <c>edgar xbrl statement PATH [--role URI | --balance-sheet | --income | --cash-flow] [--format table|text|json|csv]</c>:
/// a financial statement as a person reads it, from an instance, an inline XBRL document or a filing folder.
/// Without a selector, lists the presentation roles with the kind of statement each is. Diagnostics, calculation
/// inconsistencies and what degrades without the base taxonomies go to standard error (and into the JSON).
/// </summary>
internal static class StatementCommand
{
    public static Command Create(CliIO io)
    {
        var path = new Argument<string>("path") { Description = "An XBRL instance, an inline XBRL document, or a filing folder." };
        var role = new Option<string?>("--role") { Description = "The statement of this extended link role (full URI)." };
        var balance = new Option<bool>("--balance-sheet") { Description = "The balance sheet (statement of financial position)." };
        var income = new Option<bool>("--income") { Description = "The income statement (statement of operations)." };
        var cashFlow = new Option<bool>("--cash-flow") { Description = "The statement of cash flows." };
        var lang = new Option<string?>("--lang") { Description = "Label language (default: English when the filing has it)." };
        var format = CommonOptions.Format(OutputFormat.Table, OutputFormat.Table, OutputFormat.Text, OutputFormat.Json, OutputFormat.Csv);
        var cache = XbrlCommand.CacheOption();
        var packages = XbrlCommand.PackageOption();
        var command = new Command("statement",
            "A financial statement: the presentation tree of a role with the facts of each period, labels, negated labels, dimensional breakdowns apart, calculation totals checked.");
        command.Arguments.Add(path);
        foreach (var o in new Option[] { role, balance, income, cashFlow, lang, format, cache, packages })
        {
            command.Options.Add(o);
        }
        command.SetAction(parse =>
        {
            var file = parse.GetValue(path)!;
            if (!File.Exists(file) && !Directory.Exists(file))
            {
                io.Err.WriteLine($"edgar: there is no file or folder at '{file}'.");
                return 2;
            }
            using var catalog = XbrlCommand.BuildCatalog(parse, cache, packages, io);
            XbrlInstance instance;
            try
            {
                instance = InlineXbrl.LoadAny(file, new XbrlLoadOptions { Catalog = catalog });
            }
            catch (FileNotFoundException e)
            {
                io.Err.WriteLine("edgar: " + e.Message);
                return 2;
            }
            foreach (var d in instance.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                io.Err.WriteLine(d.ToString());
            }
            var selectors = new[] { parse.GetValue(role) is not null, parse.GetValue(balance), parse.GetValue(income), parse.GetValue(cashFlow) }.Count(b => b);
            if (selectors > 1)
            {
                io.Err.WriteLine("edgar: choose one of --role, --balance-sheet, --income and --cash-flow.");
                return 2;
            }
            var fmt = parse.GetValue(format);
            if (selectors == 0)
            {
                WriteRoles(io, StatementBuilder.Roles(instance), fmt);
                return 0;
            }
            FinancialStatement? statement;
            if (parse.GetValue(role) is { } uri)
            {
                statement = StatementBuilder.Build(instance, uri, parse.GetValue(lang));
                if (statement is null)
                {
                    io.Err.WriteLine($"edgar: the filing has no presentation role '{uri}'; run without --role to list them.");
                    return 2;
                }
            }
            else
            {
                var kind = parse.GetValue(balance) ? StatementKind.BalanceSheet : parse.GetValue(income) ? StatementKind.IncomeStatement : StatementKind.CashFlow;
                statement = StatementBuilder.Find(instance, kind, parse.GetValue(lang));
                if (statement is null)
                {
                    io.Err.WriteLine($"edgar: no presentation role of the filing looks like a {Describe(kind)}; run without a selector to list the roles, then use --role.");
                    return 2;
                }
            }
            foreach (var d in statement.Diagnostics)
            {
                io.Err.WriteLine(d.ToString());
            }
            switch (fmt)
            {
                case OutputFormat.Json:
                    WriteJson(io, statement);
                    break;
                case OutputFormat.Csv:
                    WriteCsv(io, statement);
                    break;
                case OutputFormat.Text:
                    WriteText(io, statement);
                    break;
                default:
                    WriteTable(io, statement);
                    break;
            }
            if (fmt is not OutputFormat.Json)
            {
                foreach (var note in statement.Degradations)
                {
                    io.Err.WriteLine("note: " + note);
                }
            }
            return 0;
        });
        return command;
    }

    private static string Describe(StatementKind kind) => kind switch
    {
        StatementKind.BalanceSheet => "balance sheet",
        StatementKind.IncomeStatement => "income statement",
        _ => "cash flow statement",
    };

    private static string Kind(StatementKind kind) => kind switch
    {
        StatementKind.BalanceSheet => "balance-sheet",
        StatementKind.IncomeStatement => "income",
        StatementKind.ComprehensiveIncome => "comprehensive-income",
        StatementKind.CashFlow => "cash-flow",
        StatementKind.Equity => "equity",
        _ => "other",
    };

    private static void WriteRoles(CliIO io, IReadOnlyList<StatementRole> roles, OutputFormat format)
    {
        if (format == OutputFormat.Json)
        {
            Output.Json(io.Out, json =>
            {
                json.WriteStartArray();
                foreach (var r in roles)
                {
                    json.WriteStartObject();
                    json.WriteString("role", r.RoleUri);
                    json.WriteString("title", r.Title);
                    json.WriteString("kind", Kind(r.Kind));
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            });
            return;
        }
        var rows = new List<IReadOnlyList<string>> { new[] { "kind", "title", "role" } };
        rows.AddRange(roles.Select(r => (IReadOnlyList<string>)[Kind(r.Kind), r.Title, r.RoleUri]));
        if (format == OutputFormat.Csv)
        {
            foreach (var row in rows)
            {
                io.Out.WriteLine(string.Join(',', row.Select(Csv)));
            }
            return;
        }
        Output.Columns(io.Out, rows);
    }

    /// <summary>A value as a reader sees it: thousands separators, negatives in parentheses, text as written.</summary>
    internal static string Cell(StatementLine line, int column)
    {
        if (line.Values[column] is { } v)
        {
            var text = Math.Abs(v).ToString("#,##0.############", CultureInfo.InvariantCulture);
            return v < 0 ? "(" + text + ")" : text;
        }
        return line.Texts[column] is { } t ? (t.Length > 40 ? t[..39] + "…" : t) : string.Empty;
    }

    private static IEnumerable<(string Label, StatementLine? Line)> Rows(FinancialStatement s)
    {
        foreach (var l in s.Lines)
        {
            yield return (new string(' ', 2 * l.Depth) + l.Label, l);
        }
        foreach (var section in s.Sections)
        {
            yield return ($"{section.AxisLabel}: {section.MemberLabel}", null);
            foreach (var l in section.Lines)
            {
                yield return ("  " + new string(' ', 2 * l.Depth) + l.Label, l);
            }
        }
    }

    private static void WriteTable(CliIO io, FinancialStatement s)
    {
        var interactive = ReferenceEquals(io.Out, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(io.Out),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!interactive)
        {
            console.Profile.Width = 4096;
        }
        var table = new Table { Title = new TableTitle(Markup.Escape(s.Title)), Border = TableBorder.Rounded };
        table.AddColumn(new TableColumn(string.Empty));
        foreach (var c in s.Columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(c.Heading)) { Alignment = Justify.Right });
        }
        foreach (var (label, line) in Rows(s))
        {
            var cells = new List<string>();
            var bold = line is null || line.IsTotal;
            var escaped = Markup.Escape(label);
            cells.Add(line is null ? $"[bold underline]{escaped}[/]" : line.IsHeading ? $"[bold]{escaped}[/]" : bold ? $"[bold]{escaped}[/]" : escaped);
            for (var i = 0; i < s.Columns.Count; i++)
            {
                var cell = line is null ? string.Empty : Markup.Escape(Cell(line, i));
                cells.Add(bold && cell.Length > 0 ? $"[bold]{cell}[/]" : cell);
            }
            table.AddRow(cells.ToArray());
        }
        console.Write(table);
    }

    private static void WriteText(CliIO io, FinancialStatement s)
    {
        io.Out.WriteLine(s.Title);
        var rows = new List<IReadOnlyList<string>> { new[] { string.Empty }.Concat(s.Columns.Select(c => c.Heading)).ToArray() };
        foreach (var (label, line) in Rows(s))
        {
            rows.Add(new[] { label }.Concat(Enumerable.Range(0, s.Columns.Count).Select(i => line is null ? string.Empty : Cell(line, i))).ToArray());
        }
        Output.Columns(io.Out, rows, Enumerable.Range(1, s.Columns.Count).ToHashSet());
    }

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static void WriteCsv(CliIO io, FinancialStatement s)
    {
        var header = new[] { "label", "concept", "depth", "axis", "member", "negated" }.Concat(s.Columns.Select(c => c.Period.ToString()));
        io.Out.WriteLine(string.Join(',', header.Select(Csv)));
        void Write(StatementLine l, StatementSection? section)
        {
            var cells = new List<string>
            {
                l.Label, l.PrefixedName, l.Depth.ToString(CultureInfo.InvariantCulture),
                section is null ? string.Empty : section.AxisLabel, section is null ? string.Empty : section.MemberLabel,
                l.IsNegated ? "true" : "false",
            };
            cells.AddRange(Enumerable.Range(0, s.Columns.Count).Select(i => l.Values[i]?.ToString(CultureInfo.InvariantCulture) ?? l.Texts[i] ?? string.Empty));
            io.Out.WriteLine(string.Join(',', cells.Select(Csv)));
        }
        foreach (var l in s.Lines)
        {
            Write(l, null);
        }
        foreach (var section in s.Sections)
        {
            foreach (var l in section.Lines)
            {
                Write(l, section);
            }
        }
    }

    private static void WriteJson(CliIO io, FinancialStatement s)
    {
        Output.Json(io.Out, json =>
        {
            json.WriteStartObject();
            json.WriteString("role", s.RoleUri);
            json.WriteString("title", s.Title);
            json.WriteString("kind", Kind(s.Kind));
            json.WriteStartArray("columns");
            foreach (var c in s.Columns)
            {
                json.WriteStartObject();
                json.WriteString("period", c.Period.ToString());
                json.WriteString("heading", c.Heading);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            void Lines(string name, IReadOnlyList<StatementLine> lines)
            {
                json.WriteStartArray(name);
                foreach (var l in lines)
                {
                    json.WriteStartObject();
                    json.WriteString("concept", l.PrefixedName);
                    json.WriteString("label", l.Label);
                    json.WriteString("labelRole", l.LabelRole);
                    json.WriteNumber("depth", l.Depth);
                    json.WriteBoolean("heading", l.IsHeading);
                    json.WriteBoolean("negated", l.IsNegated);
                    json.WriteBoolean("total", l.IsTotal);
                    json.WriteStartArray("values");
                    for (var i = 0; i < l.Values.Count; i++)
                    {
                        if (l.Values[i] is { } v)
                        {
                            json.WriteNumberValue(v);
                        }
                        else if (l.Texts[i] is { } t)
                        {
                            json.WriteStringValue(t);
                        }
                        else
                        {
                            json.WriteNullValue();
                        }
                    }
                    json.WriteEndArray();
                    json.WriteStartArray("factIds");
                    foreach (var f in l.Facts)
                    {
                        if (f?.Id is { } id)
                        {
                            json.WriteStringValue(id);
                        }
                        else
                        {
                            json.WriteNullValue();
                        }
                    }
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            Lines("lines", s.Lines);
            json.WriteStartArray("sections");
            foreach (var section in s.Sections)
            {
                json.WriteStartObject();
                json.WriteString("axis", section.Axis.LocalName);
                json.WriteString("axisLabel", section.AxisLabel);
                json.WriteString("member", section.Member.LocalName);
                json.WriteString("memberLabel", section.MemberLabel);
                Lines("lines", section.Lines);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("diagnostics");
            foreach (var d in s.Diagnostics)
            {
                json.WriteStringValue(d.ToString());
            }
            json.WriteEndArray();
            json.WriteStartArray("degradations");
            foreach (var note in s.Degradations)
            {
                json.WriteStringValue(note);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }
}
