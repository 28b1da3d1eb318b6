using System.Globalization;

namespace EdgarSharp.Xbrl.Internal;

/// <summary>
/// Calculation consistency under Calculations 1.1 (XBRL International Recommendation of 2023-02-22), used instead of
/// the classic rules when <see cref="XbrlLoadOptions.Calculations"/> asks for it.
/// </summary>
/// <remarks>
/// Calculations 1.1 rounds nothing. A reported value with <c>decimals</c> d stands for every value it could have been
/// rounded from: the closed interval [v - 10^-d/2, v + 10^-d/2] in round-to-nearest mode, [v, v + 10^-d) (mirrored
/// below zero) in truncation mode, a single point for INF. The networks are those of both summation-item arcroles
/// (2003 and 2023). A total binds, in one context and unit (s-equal, u-equal), when facts of it and of at least one
/// contributing concept exist; tuples are out of scope (only top-level facts bind). The weighted contributing
/// intervals are added and the calculation is consistent when the sum and the total's interval meet. Duplicates of
/// one concept in one context and unit are a fact set: consistent duplicates take the intersection of their
/// intervals; inconsistent ones (intervals that do not meet, equal decimals with different values, nil beside a
/// value) are reported and the calculations using them are not checked. A value with non-zero digits beyond its
/// decimals (<c>1234.5</c> with <c>decimals="0"</c>) is <c>calc11e:excessDigits</c> and likewise stops them.
/// </remarks>
internal static class Calculation11Check
{
    /// <summary>An interval of values with open or closed ends; a fact set's interval or a sum of them.</summary>
    private readonly record struct Interval(decimal Low, decimal High, bool LowIncluded, bool HighIncluded)
    {
        public static readonly Interval Zero = new(0, 0, true, true);

        public bool IsEmpty => Low > High || (Low == High && !(LowIncluded && HighIncluded));

        public Interval Scale(decimal weight) => weight >= 0
            ? new Interval(Low * weight, High * weight, LowIncluded, HighIncluded)
            : new Interval(High * weight, Low * weight, HighIncluded, LowIncluded);

        public Interval Add(Interval other) => new(Low + other.Low, High + other.High, LowIncluded && other.LowIncluded, HighIncluded && other.HighIncluded);

        public Interval Intersect(Interval other)
        {
            var (low, lowIn) = Low > other.Low ? (Low, LowIncluded) : other.Low > Low ? (other.Low, other.LowIncluded) : (Low, LowIncluded && other.LowIncluded);
            var (high, highIn) = High < other.High ? (High, HighIncluded) : other.High < High ? (other.High, other.HighIncluded) : (High, HighIncluded && other.HighIncluded);
            return new Interval(low, high, lowIn, highIn);
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{(LowIncluded ? '[' : '(')}{Low:G29}, {High:G29}{(HighIncluded ? ']' : ')')}");
    }

    private enum SetState
    {
        Value,
        AllNil,
        Unusable,
    }

    /// <summary>What a fact set contributes: an interval, nothing (all nil), or a stop (inconsistent, excess digits, unknown accuracy).</summary>
    private readonly record struct SetValue(SetState State, Interval Interval);

    public static void Run(XbrlInstance instance, SEqualKeys keys, bool truncation, DiagnosticBag diagnostics)
    {
        var dts = instance.Dts;
        var networks = new Dictionary<BaseSetKey, List<Relationship>>();
        foreach (var r in dts.Relationships)
        {
            if (r.Arcrole is XbrlArcroles.SummationItem or XbrlArcroles.SummationItem11 && r.FromConcept is not null && r.ToConcept is not null)
            {
                var key = new BaseSetKey(r.Arcrole, r.LinkRole, r.LinkElement, r.ArcElement);
                if (!networks.TryGetValue(key, out var list))
                {
                    networks[key] = list = [];
                }
                list.Add(r);
            }
        }
        if (networks.Count == 0)
        {
            return;
        }
        CheckRelationships(dts, networks, diagnostics);

        // Fact sets: top-level numeric items by (concept, context key, unit key).
        var sets = new Dictionary<(QName, string, string), List<XbrlFact>>();
        var alignments = new Dictionary<QName, List<(string Context, string Unit)>>();
        foreach (var f in instance.Facts)
        {
            if (f.IsTuple || !f.IsNumeric || f.Context is null || f.Unit is null || (!f.IsNil && f.DecimalValue is null))
            {
                continue;
            }
            var c = keys.Context(f.Context);
            var u = keys.Unit(f.Unit);
            if (!sets.TryGetValue((f.Name, c, u), out var list))
            {
                sets[(f.Name, c, u)] = list = [];
                if (!alignments.TryGetValue(f.Name, out var aligned))
                {
                    alignments[f.Name] = aligned = [];
                }
                aligned.Add((c, u));
            }
            list.Add(f);
        }

        var evaluated = new Dictionary<(QName, string, string), SetValue>();
        SetValue ValueOf((QName, string, string) key)
        {
            if (!evaluated.TryGetValue(key, out var value))
            {
                evaluated[key] = value = Evaluate(sets[key], truncation, diagnostics);
            }
            return value;
        }

        var inconsistency = truncation ? "calc11e:inconsistentCalculationUsingTruncation" : "calc11e:inconsistentCalculationUsingRounding";
        var mode = truncation ? "truncation" : "round-to-nearest";
        foreach (var (network, relationships) in networks)
        {
            foreach (var bySum in relationships.GroupBy(r => r.FromConcept!.Name))
            {
                if (!alignments.TryGetValue(bySum.Key, out var sumAlignments))
                {
                    continue;
                }
                var items = new List<(QName Name, decimal Weight)>();
                var seenItems = new HashSet<QName>();
                foreach (var r in bySum)
                {
                    if (seenItems.Add(r.ToConcept!.Name))
                    {
                        items.Add((r.ToConcept.Name, r.Arc.Weight ?? 1m));
                    }
                }
                foreach (var (context, unit) in sumAlignments)
                {
                    var itemKeys = items.Where(i => sets.ContainsKey((i.Name, context, unit))).ToList();
                    if (itemKeys.Count == 0)
                    {
                        continue; // no contributing fact: the calculation does not bind
                    }
                    var total = ValueOf((bySum.Key, context, unit));
                    var computed = Interval.Zero;
                    var anyItem = false;
                    var usable = total.State != SetState.Unusable;
                    var contributing = new List<XbrlFact>();
                    foreach (var (name, weight) in itemKeys)
                    {
                        var item = ValueOf((name, context, unit));
                        if (item.State == SetState.Unusable)
                        {
                            usable = false;
                        }
                        else if (item.State == SetState.Value)
                        {
                            computed = computed.Add(item.Interval.Scale(weight));
                            anyItem = true;
                            contributing.AddRange(sets[(name, context, unit)]);
                        }
                    }
                    if (!usable || !anyItem || total.State != SetState.Value)
                    {
                        continue;
                    }
                    if (computed.Intersect(total.Interval).IsEmpty)
                    {
                        var sum = sets[(bySum.Key, context, unit)][0];
                        var parts = string.Join(", ", contributing.Select(f => f.PrefixedName + " " + f.Lexical.Trim()));
                        diagnostics.Error(inconsistency,
                            $"Calculation inconsistency (Calculations 1.1, {mode}) in {network.LinkRole}: {sum.PrefixedName} in context '{sum.ContextRef}' stands for {total.Interval}, but its items ({parts}) add up to {computed}; the two do not meet.",
                            sum.Location);
                    }
                }
            }
        }
    }

    /// <summary>Calculations 1.1 section 4: the relationships themselves, once per network.</summary>
    private static void CheckRelationships(Dts dts, Dictionary<BaseSetKey, List<Relationship>> networks, DiagnosticBag diagnostics)
    {
        var judged = new HashSet<QName>();
        foreach (var (network, relationships) in networks)
        {
            var pairs = new HashSet<(QName, QName)>();
            foreach (var r in relationships)
            {
                var from = r.FromConcept!;
                var to = r.ToConcept!;
                if (!pairs.Add((from.Name, to.Name)))
                {
                    diagnostics.Error("calc11e:duplicateCalculationRelationships",
                        $"Two calculation relationships in {network.LinkRole} go from {from} to {to}; a contributing concept may appear once under a total.",
                        r.Arc.Location);
                }
                foreach (var c in new[] { from, to })
                {
                    if (IsDecimal(dts, c) == false && judged.Add(c.Name))
                    {
                        diagnostics.Error("calc11e:nonDecimalItemNode",
                            $"{c} is in a calculation relationship in {network.LinkRole} but its type ({c.Type}) is not derived from xs:decimal; both ends of a calculation must be decimal.",
                            r.Arc.Location);
                    }
                }
            }
        }
    }

    /// <summary>The interval a fact set stands for, or why it cannot be used (reported once per set).</summary>
    private static SetValue Evaluate(List<XbrlFact> facts, bool truncation, DiagnosticBag diagnostics)
    {
        var nils = facts.Count(f => f.IsNil);
        if (nils == facts.Count)
        {
            return new SetValue(SetState.AllNil, default);
        }
        if (nils > 0)
        {
            Inconsistent(facts, truncation, diagnostics, "some are nil and some are not");
            return new SetValue(SetState.Unusable, default);
        }
        Interval? interval = null;
        var valueByDecimals = new Dictionary<int, decimal>();
        var excess = new List<XbrlFact>();
        foreach (var f in facts)
        {
            var value = f.DecimalValue!.Value;
            if (CalculationCheck.InferredDecimals(f) is not { } decimals)
            {
                return new SetValue(SetState.Unusable, default); // precision 0: no interval can be stated
            }
            if (HasExcessDigits(value, decimals))
            {
                excess.Add(f);
                continue;
            }
            if (valueByDecimals.TryGetValue(decimals, out var seen))
            {
                if (seen != value)
                {
                    Inconsistent(facts, truncation, diagnostics, "two of them have the same decimals and different values");
                    return new SetValue(SetState.Unusable, default);
                }
                continue;
            }
            valueByDecimals[decimals] = value;
            var own = IntervalOf(value, decimals, truncation);
            interval = interval is { } i ? i.Intersect(own) : own;
        }
        if (excess.Count > 0)
        {
            foreach (var f in excess)
            {
                diagnostics.Error("calc11e:excessDigits",
                    $"{f.PrefixedName} in context '{f.ContextRef}' is {f.Lexical.Trim()} with decimals {f.Decimals ?? "inferred from precision " + f.Precision}: it has non-zero digits its decimals say are not there, so the calculations using it are not checked.",
                    f.Location);
            }
            return new SetValue(SetState.Unusable, default);
        }
        if (interval is not { } result || result.IsEmpty)
        {
            Inconsistent(facts, truncation, diagnostics, "their values cannot come from one value by " + (truncation ? "truncation" : "rounding"));
            return new SetValue(SetState.Unusable, default);
        }
        return new SetValue(SetState.Value, result);
    }

    private static void Inconsistent(List<XbrlFact> facts, bool truncation, DiagnosticBag diagnostics, string why)
    {
        var f = facts[0];
        diagnostics.Error(truncation ? "calc11e:disallowedDuplicateFactsUsingTruncation" : "oime:disallowedDuplicateFacts",
            $"{f.PrefixedName} is reported {facts.Count} times in context '{f.ContextRef}' and unit '{f.UnitRef}' ({string.Join(", ", facts.Select(x => x.IsNil ? "nil" : x.Lexical.Trim()))}) and {why}; the calculations using it are not checked.",
            f.Location);
    }

    /// <summary>The values a fact with <paramref name="decimals"/> stands for.</summary>
    private static Interval IntervalOf(decimal value, int decimals, bool truncation)
    {
        if (decimals == int.MaxValue || decimals > 27)
        {
            return new Interval(value, value, true, true);
        }
        var unit = Pow10(-Math.Max(decimals, -27));
        if (!truncation)
        {
            var half = unit / 2;
            return new Interval(value - half, value + half, true, true);
        }
        return value > 0 ? new Interval(value, value + unit, true, false)
            : value < 0 ? new Interval(value - unit, value, false, true)
            : new Interval(-unit, unit, false, false);
    }

    /// <summary>True when <paramref name="value"/> is not a multiple of 10^-decimals.</summary>
    private static bool HasExcessDigits(decimal value, int decimals)
    {
        if (decimals == int.MaxValue || decimals > 27 || decimals < -27 || value == 0)
        {
            return false;
        }
        return value % Pow10(-decimals) != 0;
    }

    /// <summary>10^n for n in -27..27.</summary>
    private static decimal Pow10(int n)
    {
        var r = 1m;
        for (var i = 0; i < Math.Abs(n); i++)
        {
            r = n > 0 ? r * 10m : r / 10m;
        }
        return r;
    }

    private static readonly QName XsDecimal = new(XbrlNamespaces.Xsd, "decimal");

    /// <summary>Whether the concept's type derives from xs:decimal: true, false, or null when its schemas are not at hand.</summary>
    internal static bool? IsDecimal(Dts dts, Concept concept)
    {
        if (!concept.IsDeclared || concept.Type is not { } type)
        {
            return null;
        }
        for (var (t, seen) = ((QName?)type, 0); t is { } current && seen < 64; seen++)
        {
            if (current.Namespace == XbrlNamespaces.Xbrli)
            {
                if (DecimalItemTypes.Contains(current.LocalName))
                {
                    return true;
                }
                if (current.LocalName is "floatItemType" or "doubleItemType" or "fractionItemType" || current.LocalName.EndsWith("ItemType", StringComparison.Ordinal))
                {
                    return false;
                }
            }
            if (current.Namespace == XbrlNamespaces.Xsd)
            {
                return current == XsDecimal || DecimalItemTypes.Contains(current.LocalName + "ItemType");
            }
            t = dts.TypeBases.TryGetValue(current, out var b) ? b : null;
        }
        return null;
    }

    private static readonly HashSet<string> DecimalItemTypes = new(StringComparer.Ordinal)
    {
        "decimalItemType", "integerItemType", "nonPositiveIntegerItemType", "negativeIntegerItemType", "longItemType", "intItemType",
        "shortItemType", "byteItemType", "nonNegativeIntegerItemType", "unsignedLongItemType", "unsignedIntItemType", "unsignedShortItemType",
        "unsignedByteItemType", "positiveIntegerItemType", "monetaryItemType", "sharesItemType", "pureItemType",
    };
}
