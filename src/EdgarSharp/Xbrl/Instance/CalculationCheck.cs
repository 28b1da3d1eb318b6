using System.Globalization;
using System.Text;

namespace EdgarSharp.Xbrl.Internal;

/// <summary>
/// Calculation binding and consistency under the classic rules of XBRL 2.1 section 5.2.5.2: for each summation
/// fact, the contributing facts of the same context and unit (c-equal, u-equal, parent-equal) are rounded to
/// their inferred decimals, weighted and summed, and the sum rounded to the summation's decimals must equal the
/// summation rounded likewise. A calculation does not bind when one of its facts is nil, has duplicates, or has
/// no inferable accuracy. Inconsistencies are <c>xbrl.5.2.5.2</c> errors.
/// </summary>
internal static class CalculationCheck
{
    public static void Run(XbrlInstance instance, SEqualKeys keys, DiagnosticBag diagnostics)
    {
        // Concepts, s-equal contexts and u-equal units as small numbers, so the keys below hash cheaply.
        // Index: (concept, context, unit, parent) -> facts, for duplicates; (concept, context, unit) -> facts for binding;
        // concept -> its keys in the first index, so each summation visits only its own facts.
        var conceptIds = new Dictionary<QName, int>();
        var contextIds = new Dictionary<XbrlContext, int>(ReferenceEqualityComparer.Instance);
        var unitIds = new Dictionary<XbrlUnit, int>(ReferenceEqualityComparer.Instance);
        var contextClasses = new Dictionary<string, int>(StringComparer.Ordinal);
        var unitClasses = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = new Dictionary<(int, int, int, XbrlFact?), List<XbrlFact>>();
        var byValueKey = new Dictionary<(int, int, int), List<XbrlFact>>();
        var keysByConcept = new Dictionary<int, List<(int, int, int, XbrlFact?)>>();
        foreach (var f in instance.AllFacts())
        {
            if (f.IsTuple || !f.IsNumeric || f.Context is null || f.Unit is null)
            {
                continue;
            }
            if (!conceptIds.TryGetValue(f.Name, out var n))
            {
                conceptIds[f.Name] = n = conceptIds.Count;
            }
            if (!contextIds.TryGetValue(f.Context, out var c))
            {
                var text = keys.Context(f.Context);
                if (!contextClasses.TryGetValue(text, out c))
                {
                    contextClasses[text] = c = contextClasses.Count;
                }
                contextIds[f.Context] = c;
            }
            if (!unitIds.TryGetValue(f.Unit, out var u))
            {
                var text = keys.Unit(f.Unit);
                if (!unitClasses.TryGetValue(text, out u))
                {
                    unitClasses[text] = u = unitClasses.Count;
                }
                unitIds[f.Unit] = u;
            }
            var key = (n, c, u, f.Parent);
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = [];
                if (!keysByConcept.TryGetValue(n, out var conceptKeys))
                {
                    keysByConcept[n] = conceptKeys = [];
                }
                conceptKeys.Add(key);
            }
            list.Add(f);
            Add(byValueKey, (n, c, u), f);
        }
        if (index.Count == 0)
        {
            return;
        }
        // The summation-item relationships by link role and total, in document order (the DTS keeps the set by arcrole).
        var summations = new Dictionary<(string LinkRole, QName Name), List<Relationship>>();
        foreach (var r in instance.Dts.RelationshipSet(XbrlArcroles.SummationItem).Relationships)
        {
            if (r.FromConcept is { } from && r.ToConcept is not null)
            {
                if (!summations.TryGetValue((r.LinkRole, from.Name), out var rels))
                {
                    summations[(r.LinkRole, from.Name)] = rels = [];
                }
                rels.Add(r);
            }
        }
        foreach (var (networkKey, network) in summations)
        {
            if (!conceptIds.TryGetValue(networkKey.Name, out var sumId) || !keysByConcept.TryGetValue(sumId, out var sumKeys))
            {
                continue;
            }
            // Items with no fact at all cannot bind: only those reported are kept.
            var items = new List<(int Id, decimal Weight)>();
            var seen = new HashSet<QName>();
            foreach (var r in network)
            {
                if (seen.Add(r.ToConcept!.Name) && conceptIds.TryGetValue(r.ToConcept.Name, out var itemId))
                {
                    items.Add((itemId, r.Arc.Weight ?? 1m));
                }
            }
            foreach (var key in sumKeys)
            {
                var sumFacts = index[key];
                if (sumFacts.Count != 1)
                {
                    continue; // duplicates of the summation: the calculation does not bind
                }
                var sum = sumFacts[0];
                if (sum.IsNil || sum.DecimalValue is not { } sumValue)
                {
                    continue;
                }
                var sumDecimals = InferredDecimals(sum);
                decimal total = 0;
                var bound = false;
                var blocked = false;
                var unknownAccuracy = sumDecimals is null && IsPrecisionZero(sum);
                foreach (var (itemId, weight) in items)
                {
                    if (!byValueKey.TryGetValue((itemId, key.Item2, key.Item3), out var candidates))
                    {
                        continue;
                    }
                    // Contributing items: those in the summation's parent, and within tuples below it.
                    foreach (var item in candidates.Where(c => IsWithin(c, sum.Parent)))
                    {
                        if (index[(itemId, key.Item2, key.Item3, item.Parent)].Count != 1)
                        {
                            blocked = true;
                            break;
                        }
                        if (item.IsNil)
                        {
                            continue;
                        }
                        if (InferredDecimals(item) is not { } itemDecimals || item.DecimalValue is not { } itemValue)
                        {
                            if (IsPrecisionZero(item))
                            {
                                unknownAccuracy = true;
                                bound = true;
                                continue;
                            }
                            blocked = true;
                            break;
                        }
                        total += Round(itemValue, itemDecimals) * weight;
                        bound = true;
                    }
                    if (blocked)
                    {
                        break;
                    }
                }
                if (blocked || !bound)
                {
                    continue;
                }
                if (unknownAccuracy || sumDecimals is null)
                {
                    diagnostics.Error("xbrl.5.2.5.2",
                        $"Calculation inconsistency in {networkKey.LinkRole}: {sum.PrefixedName} in context '{sum.ContextRef}' or one of its items has precision 0, so the sum cannot be shown to hold.",
                        sum.Location);
                    continue;
                }
                var roundedSum = Round(total, sumDecimals.Value);
                var roundedSummation = Round(sumValue, sumDecimals.Value);
                if (roundedSum != roundedSummation)
                {
                    diagnostics.Error("xbrl.5.2.5.2",
                        string.Create(CultureInfo.InvariantCulture,
                            $"Calculation inconsistency in {networkKey.LinkRole}: {sum.PrefixedName} in context '{sum.ContextRef}' is {roundedSummation} but its items add up to {roundedSum}."),
                        sum.Location);
                }
            }
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<XbrlFact>> index, TKey key, XbrlFact fact)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }
        list.Add(fact);
    }

    private static bool IsWithin(XbrlFact fact, XbrlFact? ancestor)
    {
        for (var p = fact.Parent; ; p = p.Parent)
        {
            if (ReferenceEquals(p, ancestor))
            {
                return true;
            }
            if (p is null)
            {
                return false;
            }
        }
    }

    private static bool IsPrecisionZero(XbrlFact fact) => fact.Decimals is null && fact.Precision?.Trim() == "0";

    /// <summary>Decimals as written, or inferred from precision (XBRL 2.1 section 4.6.6); int.MaxValue for INF; null when unknowable (precision 0).</summary>
    internal static int? InferredDecimals(XbrlFact fact)
    {
        if (fact.Decimals is { } d)
        {
            d = d.Trim();
            return d == "INF" ? int.MaxValue : int.TryParse(d, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
        }
        if (fact.Precision is { } p)
        {
            p = p.Trim();
            if (p == "INF")
            {
                return int.MaxValue;
            }
            if (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var precision) || precision == 0)
            {
                return null;
            }
            if (fact.DecimalValue is not { } v || v == 0)
            {
                return int.MaxValue;
            }
            var magnitude = (int)Math.Floor(Math.Log10((double)Math.Abs(v))) + 1;
            return precision - magnitude;
        }
        return null;
    }

    /// <summary>Rounds to <paramref name="decimals"/> places (negative: tens, hundreds, ...), half to even.</summary>
    internal static decimal Round(decimal value, int decimals)
    {
        if (decimals == int.MaxValue || decimals > 28)
        {
            return value;
        }
        if (decimals >= 0)
        {
            return Math.Round(value, decimals, MidpointRounding.ToEven);
        }
        if (decimals < -28)
        {
            return 0;
        }
        var scale = Pow10(-decimals);
        return Math.Round(value / scale, 0, MidpointRounding.ToEven) * scale;
    }

    private static decimal Pow10(int n)
    {
        var r = 1m;
        for (var i = 0; i < n; i++)
        {
            r *= 10m;
        }
        return r;
    }
}
