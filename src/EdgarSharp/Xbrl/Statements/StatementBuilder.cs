using System.Globalization;
using System.Text;

namespace EdgarSharp.Xbrl;

/// <summary>A presentation role of an instance's DTS: its URI, title and guessed kind.</summary>
/// <param name="RoleUri">The extended link role.</param>
/// <param name="Title">The role's definition, or its URI.</param>
/// <param name="Kind">The statement kind guessed from the title.</param>
public sealed record StatementRole(string RoleUri, string Title, StatementKind Kind);

/// <summary>Assets against liabilities and equity for one column of a balance sheet.</summary>
/// <param name="Column">The column.</param>
/// <param name="Assets">Total assets, or null when not reported.</param>
/// <param name="LiabilitiesAndEquity">Total liabilities and equity, or null when not reported.</param>
public sealed record BalanceCheck(StatementColumn Column, decimal? Assets, decimal? LiabilitiesAndEquity)
{
    /// <summary>True when both totals are reported and equal.</summary>
    public bool Balances => Assets is { } a && LiabilitiesAndEquity is { } l && a == l;
}

/// <summary>
/// Builds <see cref="FinancialStatement"/>s from an instance and its DTS: presentation tree, labels (preferred
/// label role, language), periods, negated labels, dimensional sections, calculation and balance checks. Works
/// without the base taxonomies (US GAAP, SRT): axes and tables are then found by the definition linkbase and by
/// name, labels by the filing's own label linkbase, and what that costs is listed in
/// <see cref="FinancialStatement.Degradations"/>. Never throws on a filing's content; cost is linear in the facts
/// and the presentation arcs of the role.
/// </summary>
public static class StatementBuilder
{
    private const string NegatedMarker = "negated";
    private const string PeriodStartMarker = "periodStart";

    private static readonly string[] AssetsNames = ["Assets"];
    private static readonly string[] LiabilitiesAndEquityNames =
        ["LiabilitiesAndStockholdersEquity", "LiabilitiesAndPartnersCapital", "EquityAndLiabilities", "LiabilitiesAndStockholdersEquityIncludingPortionAttributableToNoncontrollingInterest"];

    /// <summary>The presentation roles of the instance's DTS, in the order of their titles (EDGAR numbers them).</summary>
    public static IReadOnlyList<StatementRole> Roles(XbrlInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var dts = instance.Dts;
        var presentation = dts.Relationships.Where(r => r.Arcrole == XbrlArcroles.ParentChild).Select(r => r.LinkRole).Distinct(StringComparer.Ordinal);
        var roles = presentation.Select(uri =>
        {
            var title = dts.RoleTypes.FirstOrDefault(r => r.RoleUri == uri)?.Definition?.Trim() ?? uri;
            return new StatementRole(uri, title, KindOf(title, uri));
        }).OrderBy(r => r.Title, StringComparer.Ordinal).ToList();
        // EDGAR titles statements "NNNN - Statement - ..."; when a filing follows it, only those are face statements.
        if (roles.Any(r => r.Title.Contains("- Statement -", StringComparison.OrdinalIgnoreCase)))
        {
            roles = roles.Select(r => r.Title.Contains("- Statement -", StringComparison.OrdinalIgnoreCase) ? r : r with { Kind = StatementKind.Other }).ToList();
        }
        return roles;
    }

    /// <summary>The first role of <paramref name="kind"/> as a statement, or null when the filing has none.</summary>
    public static FinancialStatement? Find(XbrlInstance instance, StatementKind kind, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var role = Roles(instance).FirstOrDefault(r => r.Kind == kind);
        return role is null ? null : Build(instance, role.RoleUri, language);
    }

    /// <summary>
    /// The statement of presentation role <paramref name="roleUri"/>, labels in <paramref name="language"/> (default:
    /// the instance's first label language, English when present); null when the role has no presentation arcs.
    /// </summary>
    public static FinancialStatement? Build(XbrlInstance instance, string roleUri, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(roleUri);
        return new Builder(instance, roleUri, language).Build();
    }

    /// <summary>The balance of each column of a balance sheet: total assets against total liabilities and equity.</summary>
    public static IReadOnlyList<BalanceCheck> CheckBalance(FinancialStatement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var assets = statement.Lines.FirstOrDefault(l => AssetsNames.Contains(l.Concept.LocalName));
        var liabilities = statement.Lines.FirstOrDefault(l => LiabilitiesAndEquityNames.Contains(l.Concept.LocalName));
        return statement.Columns.Select((c, i) => new BalanceCheck(c, Raw(assets, i), Raw(liabilities, i))).ToList();

        static decimal? Raw(StatementLine? line, int i) => line?.Facts[i]?.DecimalValue;
    }

    internal static StatementKind KindOf(string title, string uri)
    {
        var t = (title + " " + uri).ToLowerInvariant();
        if (t.Contains("parenthetical", StringComparison.Ordinal) || t.Contains("details", StringComparison.Ordinal) || t.Contains("(policies)", StringComparison.Ordinal) || t.Contains("(tables)", StringComparison.Ordinal))
        {
            return StatementKind.Other;
        }
        if (t.Contains("cash flow", StringComparison.Ordinal) || t.Contains("cashflow", StringComparison.Ordinal))
        {
            return StatementKind.CashFlow;
        }
        if (t.Contains("balance sheet", StringComparison.Ordinal) || t.Contains("balancesheet", StringComparison.Ordinal) || t.Contains("financial position", StringComparison.Ordinal)
            || t.Contains("financial condition", StringComparison.Ordinal))
        {
            return StatementKind.BalanceSheet;
        }
        if (t.Contains("operations", StringComparison.Ordinal) || t.Contains("statements of income", StringComparison.Ordinal) || t.Contains("statement of income", StringComparison.Ordinal)
            || t.Contains("earnings", StringComparison.Ordinal) || t.Contains("profit or loss", StringComparison.Ordinal))
        {
            return t.Contains("equity", StringComparison.Ordinal) && !t.Contains("operations", StringComparison.Ordinal) ? StatementKind.Equity : StatementKind.IncomeStatement;
        }
        if (t.Contains("comprehensive", StringComparison.Ordinal))
        {
            return StatementKind.ComprehensiveIncome;
        }
        if (t.Contains("equity", StringComparison.Ordinal) || t.Contains("stockholders", StringComparison.Ordinal) || t.Contains("shareholders", StringComparison.Ordinal))
        {
            return StatementKind.Equity;
        }
        if (t.Contains("income", StringComparison.Ordinal))
        {
            return StatementKind.IncomeStatement;
        }
        return StatementKind.Other;
    }

    internal static string Heading(XbrlPeriod period)
    {
        if (period.Instant is { } i)
        {
            return Date(i.EndDate);
        }
        if (period.Start is { } s && period.End is { } e)
        {
            var days = e.EndDate.DayNumber - s.Date.DayNumber + 1;
            var months = (int)Math.Round(days / 30.4375, MidpointRounding.AwayFromZero);
            return months >= 1
                ? string.Create(CultureInfo.InvariantCulture, $"{months} Months Ended {Date(e.EndDate)}")
                : string.Create(CultureInfo.InvariantCulture, $"{days} Days Ended {Date(e.EndDate)}");
        }
        return period.ToString();
    }

    private static readonly string[] MonthAbbreviations = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec."];

    private static string Date(DateOnly d) => string.Create(CultureInfo.InvariantCulture, $"{MonthAbbreviations[d.Month - 1]} {d.Day:D2}, {d.Year}");

    private sealed class Builder(XbrlInstance instance, string roleUri, string? language)
    {
        private readonly Dts _dts = instance.Dts;
        private readonly List<Diagnostic> _diagnostics = [];
        private readonly HashSet<string> _namedLabels = new(StringComparer.Ordinal);
        private readonly HashSet<string> _undeclared = new(StringComparer.Ordinal);
        private Dictionary<XbrlElement, List<Resource>>? _labels;
        private string _language = language ?? "en";

        private sealed record Node(Concept Concept, Relationship? Arc, int Depth);

        public FinancialStatement? Build()
        {
            var presentation = _dts.RelationshipSet(XbrlArcroles.ParentChild, roleUri);
            if (presentation.Relationships.Count == 0)
            {
                return null;
            }
            _labels = LabelIndex();
            if (language is null)
            {
                var languages = _labels.Values.SelectMany(l => l).Select(r => r.Language).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
                _language = languages.FirstOrDefault(l => l.StartsWith("en", StringComparison.OrdinalIgnoreCase)) ?? languages.FirstOrDefault() ?? "en";
            }

            var hypercubes = new HashSet<QName>();
            var dimensions = new HashSet<QName>();
            var defaults = new Dictionary<QName, QName>();
            foreach (var r in _dts.Relationships)
            {
                if (r.Arcrole == XbrlArcroles.HypercubeDimension && r.FromConcept is { } h && r.ToConcept is { } d)
                {
                    hypercubes.Add(h.Name);
                    dimensions.Add(d.Name);
                }
                else if (r.Arcrole == XbrlArcroles.DimensionDefault && r.FromConcept is { } dd && r.ToConcept is { } m)
                {
                    defaults[dd.Name] = m.Name;
                }
            }
            bool IsDimension(Concept c) => c.IsDimension || dimensions.Contains(c.Name) || (!c.IsDeclared && c.Name.LocalName.EndsWith("Axis", StringComparison.Ordinal));
            bool IsTable(Concept c) => c.IsHypercube || hypercubes.Contains(c.Name) || (!c.IsDeclared && c.Name.LocalName.EndsWith("Table", StringComparison.Ordinal));
            static bool IsLineItems(Concept c) => c.Name.LocalName.EndsWith("LineItems", StringComparison.Ordinal);

            // Walk the tree: line items, and axes with their members.
            var lineNodes = new List<Node>();
            var axes = new List<(Concept Axis, List<(Concept Concept, string? PreferredLabel)> Members)>();
            var path = new HashSet<XbrlElement>(ReferenceEqualityComparer.Instance);
            void Walk(Concept c, Relationship? arc, int depth)
            {
                // A concept may appear twice (beginning and ending cash balances); only a cycle stops the walk.
                if (!path.Add(c))
                {
                    return;
                }
                if (!c.IsDeclared || !c.IsNamespaceKnown)
                {
                    _undeclared.Add(c.PrefixedName);
                }
                if (IsDimension(c))
                {
                    var members = new List<(Concept Concept, string? PreferredLabel)>();
                    CollectMembers(presentation, c, members, new HashSet<XbrlElement>(ReferenceEqualityComparer.Instance) { c });
                    if (defaults.TryGetValue(c.Name, out var dm))
                    {
                        members.RemoveAll(m => m.Concept.Name == dm);
                    }
                    else
                    {
                        members.RemoveAll(m => m.Concept.Name.LocalName.EndsWith("Domain", StringComparison.Ordinal));
                    }
                    axes.Add((c, members));
                    path.Remove(c);
                    return;
                }
                var childDepth = depth;
                if (!IsTable(c) && !IsLineItems(c))
                {
                    lineNodes.Add(new Node(c, arc, depth));
                    childDepth = depth + 1;
                }
                foreach (var r in presentation.From(c).OrderBy(r => r.Order))
                {
                    if (r.ToConcept is { } child)
                    {
                        Walk(child, r, childDepth);
                    }
                }
                path.Remove(c);
            }
            foreach (var root in presentation.Roots().OfType<Concept>())
            {
                Walk(root, null, 0);
            }

            // Facts by concept.
            var facts = new Dictionary<QName, List<XbrlFact>>();
            foreach (var f in instance.AllFacts())
            {
                if (f.IsTuple || f.IsNil || f.Context is null)
                {
                    continue;
                }
                if (!facts.TryGetValue(f.Name, out var list))
                {
                    facts[f.Name] = list = [];
                }
                list.Add(f);
            }
            var lineConcepts = lineNodes.Select(n => n.Concept.Name).ToHashSet();
            var plain = lineConcepts.SelectMany(c => facts.GetValueOrDefault(c) ?? []).Where(f => f.Context!.Dimensions.Count == 0).ToList();
            var columns = Columns(plain, lineNodes);

            var calc = _dts.RelationshipSet(XbrlArcroles.SummationItem, roleUri);
            var lines = lineNodes.Select(n => Line(n, columns, facts, null, calc)).ToList();
            var sections = new List<StatementSection>();
            foreach (var (axis, members) in axes)
            {
                foreach (var (member, memberLabel) in members)
                {
                    var dim = new DimensionValue(axis.Name, member.Name, null, false);
                    var sectionLines = lineNodes.Select(n => Line(n, columns, facts, dim, calc)).Where(l => l.Facts.Any(f => f is not null)).ToList();
                    if (sectionLines.Count > 0)
                    {
                        sections.Add(new StatementSection(axis.Name, Label(axis, null), member.Name, Label(member, memberLabel), sectionLines));
                    }
                }
            }

            var title = _dts.RoleTypes.FirstOrDefault(r => r.RoleUri == roleUri)?.Definition?.Trim() ?? roleUri;
            var kind = KindOf(title, roleUri);
            CheckCalculations(lines, columns, calc);
            var statement = new FinancialStatement(roleUri, title, kind, columns, lines, sections, _diagnostics, Degradations());
            if (kind == StatementKind.BalanceSheet)
            {
                foreach (var check in CheckBalance(statement).Where(c => c.Assets is not null && c.LiabilitiesAndEquity is not null && !c.Balances))
                {
                    _diagnostics.Add(Diagnostic.Error("edgar:balanceSheetDoesNotBalance",
                        string.Create(CultureInfo.InvariantCulture, $"On {check.Column.Heading} total assets ({check.Assets}) differ from total liabilities and equity ({check.LiabilitiesAndEquity}); check the facts the filing reports.")));
                }
            }
            return statement;
        }

        private static void CollectMembers(RelationshipSet presentation, Concept from, List<(Concept, string?)> members, HashSet<XbrlElement> visited)
        {
            foreach (var r in presentation.From(from).OrderBy(r => r.Order))
            {
                if (r.ToConcept is { } m && visited.Add(m))
                {
                    members.Add((m, r.Arc.PreferredLabel));
                    CollectMembers(presentation, m, members, visited);
                }
            }
        }

        private List<StatementColumn> Columns(List<XbrlFact> plain, List<Node> nodes)
        {
            var numeric = plain.Where(f => f.IsNumeric).ToList();
            var source = numeric.Count > 0 ? numeric : plain;
            var durationStatement = source.Any(f => f.Context!.Period.IsDuration);
            var candidates = new List<(XbrlPeriod Period, int Count)>();
            foreach (var f in source.Where(f => f.Context!.Period.IsDuration == durationStatement))
            {
                var p = f.Context!.Period;
                var i = candidates.FindIndex(c => c.Period.PeriodEquals(p));
                if (i < 0)
                {
                    candidates.Add((p, 1));
                }
                else
                {
                    candidates[i] = (candidates[i].Period, candidates[i].Count + 1);
                }
            }
            if (candidates.Count == 0)
            {
                return [];
            }
            var max = candidates.Max(c => c.Count);
            var kept = candidates.Where(c => c.Count * 3 >= max).Select(c => c.Period);
            var ordered = durationStatement
                ? kept.OrderBy(p => p.End is { } e && p.Start is { } s ? (int)Math.Round((e.EndDate.DayNumber - s.Date.DayNumber + 1) / 30.4375) : int.MaxValue)
                    .ThenByDescending(p => p.End?.AsEnd ?? DateTime.MaxValue)
                : kept.OrderByDescending(p => p.Instant?.AsEnd ?? DateTime.MaxValue);
            _ = nodes;
            return ordered.Select(p => new StatementColumn(p, Heading(p))).ToList();
        }

        private StatementLine Line(Node n, List<StatementColumn> columns, Dictionary<QName, List<XbrlFact>> facts, DimensionValue? dimension, RelationshipSet calc)
        {
            var preferred = n.Arc?.Arc.PreferredLabel;
            var negated = preferred is not null && preferred.Contains(NegatedMarker, StringComparison.OrdinalIgnoreCase);
            var periodStart = preferred is not null && preferred.Contains(PeriodStartMarker, StringComparison.OrdinalIgnoreCase);
            var candidates = (facts.GetValueOrDefault(n.Concept.Name) ?? []).Where(f => dimension is null
                ? f.Context!.Dimensions.Count == 0
                : f.Context!.Dimensions.Count == 1 && f.Context.Dimensions[0].Dimension == dimension.Dimension && f.Context.Dimensions[0].Member == dimension.Member).ToList();
            var cells = new XbrlFact?[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                var column = columns[i].Period;
                cells[i] = candidates.FirstOrDefault(f => Matches(f.Context!.Period, column, periodStart));
            }
            var values = cells.Select(f => f?.DecimalValue is { } v ? (negated ? -v : v) : (decimal?)null).ToList();
            var texts = cells.Select(f => f?.Lexical).ToList();
            var isHeading = n.Concept.IsAbstract || cells.All(c => c is null);
            var role = preferred ?? XbrlRoles.Label;
            return new StatementLine(n.Concept.Name, n.Concept.PrefixedName, Label(n.Concept, preferred), role, n.Depth, isHeading, negated,
                calc.From(n.Concept).Count > 0, cells, values, texts);
        }

        private static bool Matches(XbrlPeriod fact, XbrlPeriod column, bool periodStart)
        {
            if (fact.PeriodEquals(column))
            {
                return true;
            }
            if (fact.Instant is { } instant && column.Start is { } s && column.End is { } e)
            {
                return periodStart ? instant.AsEnd == s.AsStart : instant.AsEnd == e.AsEnd;
            }
            return false;
        }

        private void CheckCalculations(List<StatementLine> lines, List<StatementColumn> columns, RelationshipSet calc)
        {
            var byConcept = new Dictionary<QName, StatementLine>();
            foreach (var l in lines)
            {
                byConcept.TryAdd(l.Concept, l);
            }
            foreach (var total in lines.Where(l => l.IsTotal))
            {
                var concept = _dts.FindConcept(total.Concept);
                if (concept is null)
                {
                    continue;
                }
                for (var i = 0; i < columns.Count; i++)
                {
                    if (total.Facts[i]?.DecimalValue is not { } expected)
                    {
                        continue;
                    }
                    decimal sum = 0;
                    var any = false;
                    var decimals = DecimalsOf(total.Facts[i]!);
                    foreach (var r in calc.From(concept))
                    {
                        if (r.ToConcept is not { } child || !byConcept.TryGetValue(child.Name, out var childLine) || childLine.Facts[i]?.DecimalValue is not { } v)
                        {
                            continue;
                        }
                        any = true;
                        sum += (r.Arc.Weight ?? 1m) * v;
                        decimals = Math.Min(decimals, DecimalsOf(childLine.Facts[i]!));
                    }
                    if (any && Round(sum, decimals) != Round(expected, decimals))
                    {
                        _diagnostics.Add(Diagnostic.Warning("xbrl.5.2.5.2:calcInconsistency",
                            string.Create(CultureInfo.InvariantCulture, $"{total.PrefixedName} is {expected} on {columns[i].Heading} but its items in this statement add up to {sum}; a line may be missing from the statement or the filing is inconsistent.")));
                    }
                }
            }
        }

        private static int DecimalsOf(XbrlFact f) =>
            f.Decimals is { } d && int.TryParse(d, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : 28;

        private static decimal Round(decimal v, int decimals)
        {
            if (decimals >= 0)
            {
                return Math.Round(v, Math.Min(decimals, 28), MidpointRounding.AwayFromZero);
            }
            var factor = 1m;
            for (var i = 0; i < -decimals && i < 28; i++)
            {
                factor *= 10m;
            }
            return Math.Round(v / factor, MidpointRounding.AwayFromZero) * factor;
        }

        private Dictionary<XbrlElement, List<Resource>> LabelIndex()
        {
            var index = new Dictionary<XbrlElement, List<Resource>>(ReferenceEqualityComparer.Instance);
            foreach (var r in _dts.Relationships)
            {
                if (r.Arcrole != XbrlArcroles.ConceptLabel || r.To is not Resource label)
                {
                    continue;
                }
                if (!index.TryGetValue(r.From, out var list))
                {
                    index[r.From] = list = [];
                }
                list.Add(label);
            }
            return index;
        }

        private string Label(Concept c, string? preferredRole)
        {
            if (_labels!.TryGetValue(c, out var labels) && labels.Count > 0)
            {
                foreach (var role in new[] { preferredRole, XbrlRoles.Label })
                {
                    if (role is null)
                    {
                        continue;
                    }
                    var ofRole = labels.Where(l => (l.Role ?? XbrlRoles.Label) == role).ToList();
                    var chosen = ofRole.FirstOrDefault(l => string.Equals(l.Language, _language, StringComparison.OrdinalIgnoreCase))
                        ?? ofRole.FirstOrDefault(l => l.Language is { } lang && (lang.StartsWith(_language, StringComparison.OrdinalIgnoreCase) || _language.StartsWith(lang, StringComparison.OrdinalIgnoreCase)))
                        ?? ofRole.FirstOrDefault();
                    if (chosen is not null)
                    {
                        return chosen.Text.Trim();
                    }
                }
                return labels[0].Text.Trim();
            }
            _namedLabels.Add(c.PrefixedName);
            return FromName(c.Name.LocalName);
        }

        private static string FromName(string local)
        {
            var sb = new StringBuilder(local.Length + 8);
            for (var i = 0; i < local.Length; i++)
            {
                if (i > 0 && char.IsUpper(local[i]) && !char.IsUpper(local[i - 1]))
                {
                    sb.Append(' ');
                }
                sb.Append(local[i]);
            }
            return sb.ToString();
        }

        private List<string> Degradations()
        {
            var notes = new List<string>();
            if (_undeclared.Count > 0)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{_undeclared.Count} concept(s) of this statement come from base taxonomies that were not loaded (for example {string.Join(", ", _undeclared.Order(StringComparer.Ordinal).Take(3))}): their balance (debit/credit), period type and abstractness are unknown, and axes and tables were recognised by the filing's definition linkbase and by name. Register the taxonomy packages (--package) to remove this."));
            }
            if (_namedLabels.Count > 0)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{_namedLabels.Count} line(s) have no label in the loaded label linkbases and show a label made from the concept name (for example {string.Join(", ", _namedLabels.Order(StringComparer.Ordinal).Take(3))})."));
            }
            return notes;
        }
    }
}
