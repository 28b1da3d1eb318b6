using System.CommandLine;
using System.Text.Json;
using EdgarSharp.Xbrl;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace EdgarSharp.Cli.Commands;

/// <summary>
/// <c>edgar xbrl dimensions PATH [--role URI] [--format text|json]</c>: the dimensional model of a DTS, role by
/// role: line items (primary items), tables (hypercubes, with closed and context element), axes (dimensions),
/// domains and members, with defaults and unusable members marked. Diagnostics go to standard error.
/// </summary>
internal static class DimensionsCommand
{
    public static Command Create(CliIO io)
    {
        var path = new Argument<string>("path") { Description = "A schema, a linkbase, an instance, or a filing folder." };
        var role = new Option<string?>("--role") { Description = "Only this extended link role (full URI)." };
        var format = CommonOptions.Format(OutputFormat.Text, OutputFormat.Text, OutputFormat.Json);
        var cache = XbrlCommand.CacheOption();
        var packages = XbrlCommand.PackageOption();
        var command = new Command("dimensions",
            "The XBRL Dimensions model per role: line items, tables (closed, context element), axes, domains and members, with defaults and unusable members marked.");
        command.Arguments.Add(path);
        command.Options.Add(role);
        command.Options.Add(format);
        command.Options.Add(cache);
        command.Options.Add(packages);
        command.SetAction(parse =>
        {
            using var catalog = XbrlCommand.BuildCatalog(parse, cache, packages, io);
            var dts = XbrlCommand.LoadDts(parse.GetValue(path)!, catalog, io);
            if (dts is null)
            {
                return 2;
            }
            XbrlCommand.WriteDiagnostics(dts, io);
            var model = DimensionalModel.Build(dts);
            var linkRoles = dts.LinkRoles();
            IReadOnlyList<DimensionalRelationshipSet> sets = model.RelationshipSets;
            if (parse.GetValue(role) is { } only)
            {
                if (!linkRoles.Contains(only, StringComparer.Ordinal))
                {
                    io.Err.WriteLine($"edgar: the DTS has no extended link role '{only}'; `edgar xbrl roles` lists them.");
                    return 2;
                }
                sets = model.FindRelationshipSet(only) is { } set ? [set] : [];
            }
            var view = new View(dts, model, sets, linkRoles.Count);
            if (parse.GetValue(format) == OutputFormat.Json)
            {
                Output.Json(io.Out, json => WriteJson(json, view));
            }
            else
            {
                TextTree.Write(io, view);
            }
            return 0;
        });
        return command;
    }

    /// <summary>What one run shows: the sets selected, role definitions, and the counts of the summary.</summary>
    internal sealed class View
    {
        public View(Dts dts, DimensionalModel model, IReadOnlyList<DimensionalRelationshipSet> sets, int linkRoles)
        {
            Model = model;
            Sets = sets;
            LinkRoles = linkRoles;
            foreach (var rt in dts.RoleTypes)
            {
                if (rt.Definition is not null)
                {
                    Definitions.TryAdd(rt.RoleUri, rt.Definition.Trim());
                }
            }
            var tables = new HashSet<Concept>(ReferenceEqualityComparer.Instance);
            var axes = new List<Concept>();
            var seenAxes = new HashSet<Concept>(ReferenceEqualityComparer.Instance);
            foreach (var set in sets)
            {
                HasHypercubes += set.HasHypercubes.Count;
                foreach (var hh in set.HasHypercubes)
                {
                    tables.Add(hh.Hypercube);
                    foreach (var d in hh.Dimensions)
                    {
                        if (seenAxes.Add(d.Dimension))
                        {
                            axes.Add(d.Dimension);
                        }
                    }
                }
            }
            Tables = tables.Count;
            Axes = axes.Count;
            AxesWithDefault = axes.Count(a => model.DefaultOf(a) is not null);
            Defaults = model.Defaults
                .Where(d => sets.Count == model.RelationshipSets.Count || seenAxes.Contains(d.Key))
                .OrderBy(d => d.Key.PrefixedName, StringComparer.Ordinal)
                .ToList();
        }

        public DimensionalModel Model { get; }
        public IReadOnlyList<DimensionalRelationshipSet> Sets { get; }
        public Dictionary<string, string> Definitions { get; } = new(StringComparer.Ordinal);
        public int LinkRoles { get; }
        public int HasHypercubes { get; }
        public int Tables { get; }
        public int Axes { get; }
        public int AxesWithDefault { get; }
        public IReadOnlyList<KeyValuePair<Concept, Concept>> Defaults { get; }

        public string Summary =>
            $"{LinkRoles} roles, {Sets.Count} with a dimensional relationship set: {HasHypercubes} has-hypercube relationships over {Tables} tables, {Axes} axes ({AxesWithDefault} with a default).";
    }

    /// <summary>Groups a role's has-hypercube relationships by their primary item, in document order.</summary>
    internal static List<(Concept LineItems, List<HasHypercube> Tables)> ByLineItems(DimensionalRelationshipSet set)
    {
        var groups = new List<(Concept, List<HasHypercube>)>();
        foreach (var hh in set.HasHypercubes)
        {
            var index = groups.FindIndex(g => ReferenceEquals(g.Item1, hh.PrimaryItem));
            if (index < 0)
            {
                groups.Add((hh.PrimaryItem, [hh]));
            }
            else
            {
                groups[index].Item2.Add(hh);
            }
        }
        return groups;
    }

    private static string ContextElement(HasHypercube hh) => hh.ContextElement switch
    {
        HypercubeContextElement.Segment => "segment",
        HypercubeContextElement.Scenario => "scenario",
        _ => "",
    };

    private static void WriteJson(Utf8JsonWriter json, View view)
    {
        json.WriteStartObject();
        json.WriteStartObject("summary");
        json.WriteNumber("linkRoles", view.LinkRoles);
        json.WriteNumber("rolesWithDrs", view.Sets.Count);
        json.WriteNumber("hasHypercubes", view.HasHypercubes);
        json.WriteNumber("tables", view.Tables);
        json.WriteNumber("axes", view.Axes);
        json.WriteNumber("axesWithDefault", view.AxesWithDefault);
        json.WriteEndObject();
        json.WriteStartArray("defaults");
        foreach (var (axis, member) in view.Defaults)
        {
            json.WriteStartObject();
            json.WriteString("axis", axis.PrefixedName);
            json.WriteString("default", member.PrefixedName);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("roles");
        foreach (var set in view.Sets)
        {
            json.WriteStartObject();
            json.WriteString("role", set.LinkRole);
            Output.OptionalString(json, "definition", view.Definitions.GetValueOrDefault(set.LinkRole));
            json.WriteStartArray("lineItems");
            foreach (var (lineItems, tables) in ByLineItems(set))
            {
                json.WriteStartObject();
                json.WriteString("concept", lineItems.PrefixedName);
                json.WriteStartArray("tables");
                foreach (var hh in tables)
                {
                    WriteTable(json, hh, view.Model);
                }
                json.WriteEndArray();
                WriteNodes(json, "items", tables[0].InheritingItems);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTable(Utf8JsonWriter json, HasHypercube hh, DimensionalModel model)
    {
        json.WriteStartObject();
        json.WriteString("concept", hh.Hypercube.PrefixedName);
        json.WriteString("arcrole", hh.IsAll ? "all" : "notAll");
        json.WriteBoolean("closed", hh.IsClosed);
        Output.OptionalString(json, "contextElement", hh.ContextElement is null ? null : ContextElement(hh));
        Output.OptionalString(json, "targetRole", hh.TargetRole);
        json.WriteStartArray("axes");
        foreach (var d in hh.Dimensions)
        {
            json.WriteStartObject();
            json.WriteString("concept", d.Dimension.PrefixedName);
            if (d.IsTyped)
            {
                json.WriteBoolean("typed", true);
                Output.OptionalString(json, "typedDomainRef", d.Dimension.TypedDomainRef);
                Output.OptionalString(json, "typedDomain", d.TypedDomain?.PrefixedName);
            }
            Output.OptionalString(json, "targetRole", d.Relationship.Arc.TargetRole);
            if (model.DefaultOf(d.Dimension) is { } dtsDefault)
            {
                json.WriteString("default", dtsDefault.PrefixedName);
                if (d.Default is null)
                {
                    // The DTS-wide default is not a usable member of this domain: facts must state the axis here.
                    json.WriteBoolean("defaultUsable", false);
                }
            }
            WriteNodes(json, "domains", d.Domains);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>A tree of domain members or primary items; empty child lists are left out.</summary>
    private static void WriteNodes(Utf8JsonWriter json, string name, IReadOnlyList<DomainMemberNode> nodes)
    {
        if (nodes.Count == 0)
        {
            return;
        }
        json.WriteStartArray(name);
        foreach (var node in nodes)
        {
            json.WriteStartObject();
            json.WriteString("concept", node.Concept.PrefixedName);
            if (node.IsDefault)
            {
                json.WriteBoolean("default", true);
            }
            if (!node.IsUsable)
            {
                json.WriteBoolean("usable", false);
            }
            Output.OptionalString(json, "targetRole", node.Relationship.Arc.TargetRole);
            WriteNodes(json, "members", node.Children);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>The terminal rendering: one Spectre.Console tree per role, then the summary line.</summary>
    private static class TextTree
    {
        public static void Write(CliIO io, View view)
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
                // Files and pipes: no wrapping, whatever the width of the terminal that will show them.
                console.Profile.Width = 4096;
            }
            foreach (var set in view.Sets)
            {
                var definition = view.Definitions.GetValueOrDefault(set.LinkRole);
                var root = new Paragraph(set.LinkRole, Bold);
                if (definition is not null)
                {
                    root.Append("  " + definition, Grey);
                }
                var tree = new Tree(root);
                foreach (var (lineItems, tables) in ByLineItems(set))
                {
                    var lineNode = tree.AddNode(Label("Line items", lineItems.PrefixedName, null));
                    foreach (var hh in tables)
                    {
                        var notes = new List<string> { hh.IsAll ? "all" : "notAll", hh.IsClosed ? "closed" : "open" };
                        if (hh.ContextElement is not null)
                        {
                            notes.Add(ContextElement(hh));
                        }
                        if (hh.TargetRole is not null)
                        {
                            notes.Add("dimensions in " + hh.TargetRole);
                        }
                        var tableNode = lineNode.AddNode(Label("Table", hh.Hypercube.PrefixedName, string.Join(", ", notes)));
                        foreach (var d in hh.Dimensions)
                        {
                            AddAxis(tableNode, d, view.Model);
                        }
                    }
                    var items = tables[0].InheritingItems;
                    if (items.Count > 0)
                    {
                        AddNodes(lineNode.AddNode(new Paragraph("Items", Bold)), items);
                    }
                }
                console.Write(tree);
                console.WriteLine();
            }
            if (view.Sets.Count == 0)
            {
                console.WriteLine("No dimensional relationship set: no has-hypercube relationship in the roles shown.");
            }
            console.WriteLine(view.Summary);
        }

        private static void AddAxis(TreeNode table, HypercubeDimension d, DimensionalModel model)
        {
            var notes = new List<string>();
            if (d.IsTyped)
            {
                notes.Add("typed: " + (d.TypedDomain?.PrefixedName ?? d.Dimension.TypedDomainRef));
            }
            if (model.DefaultOf(d.Dimension) is { } dtsDefault)
            {
                notes.Add((d.Default is null ? "default (not usable here) " : "default ") + dtsDefault.PrefixedName);
            }
            if (d.Relationship.Arc.TargetRole is { } targetRole)
            {
                notes.Add("domain in " + targetRole);
            }
            var axis = table.AddNode(Label("Axis", d.Dimension.PrefixedName, notes.Count == 0 ? null : string.Join(", ", notes)));
            foreach (var domain in d.Domains)
            {
                AddNode(axis, domain, "Domain");
            }
        }

        private static void AddNodes(IHasTreeNodes parent, IReadOnlyList<DomainMemberNode> nodes)
        {
            foreach (var node in nodes)
            {
                AddNode(parent, node, null);
            }
        }

        private static void AddNode(IHasTreeNodes parent, DomainMemberNode node, string? kind)
        {
            var marks = new List<string>();
            if (node.IsDefault)
            {
                marks.Add("default");
            }
            if (!node.IsUsable)
            {
                marks.Add("unusable");
            }
            if (node.Relationship.Arc.TargetRole is { } targetRole)
            {
                marks.Add("members in " + targetRole);
            }
            var child = parent.AddNode(Label(kind, node.Concept.PrefixedName, marks.Count == 0 ? null : string.Join(", ", marks)));
            AddNodes(child, node.Children);
        }

        // Paragraphs rather than markup: no markup or emoji parsing, which would cost more than the tree itself.
        private static readonly Style Bold = new(decoration: Decoration.Bold);
        private static readonly Style Grey = new(foreground: Color.Grey);

        private static IRenderable Label(string? kind, string name, string? notes)
        {
            var label = new Paragraph();
            if (kind is not null)
            {
                label.Append(kind + " ", Bold);
            }
            label.Append(name);
            if (notes is not null)
            {
                label.Append("  (" + notes + ")", Grey);
            }
            return label;
        }
    }
}
