namespace EdgarSharp.Xbrl.Internal;

/// <summary>
/// The instance rules that definition relationships impose (XBRL 2.1 section 5.2.6.2): an essence and its alias
/// reported in c-equal, parent-equal contexts must be u-equal and v-equal (<c>xbrl.5.2.6.2.2</c>); a fact of a concept
/// that requires another needs at least one fact of that other (<c>xbrl.5.2.6.2.4</c>).
/// </summary>
internal static class RelationshipFactChecks
{
    public static void Run(XbrlInstance instance, SEqualKeys keys, DiagnosticBag diagnostics)
    {
        var essenceAlias = instance.Dts.Relationships.Where(r => r.Arcrole == XbrlArcroles.EssenceAlias && r.FromConcept is not null && r.ToConcept is not null).ToList();
        var requires = instance.Dts.Relationships.Where(r => r.Arcrole == XbrlArcroles.RequiresElement && r.FromConcept is not null && r.ToConcept is not null).ToList();
        if (essenceAlias.Count == 0 && requires.Count == 0)
        {
            return;
        }
        var facts = instance.AllFacts().ToList();
        var byConcept = facts.GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.ToList());

        foreach (var r in essenceAlias)
        {
            if (!byConcept.TryGetValue(r.FromConcept!.Name, out var essences) || !byConcept.TryGetValue(r.ToConcept!.Name, out var aliases))
            {
                continue;
            }
            foreach (var e in essences.Where(f => !f.IsTuple && f.Context is not null && !f.IsNil))
            {
                var eKey = keys.Context(e.Context!);
                foreach (var a in aliases.Where(f => !f.IsTuple && f.Context is not null && !f.IsNil && ReferenceEquals(f.Parent, e.Parent)))
                {
                    if (keys.Context(a.Context!) != eKey)
                    {
                        continue;
                    }
                    if (e.Unit is not null || a.Unit is not null)
                    {
                        if (e.Unit is null || a.Unit is null || keys.Unit(e.Unit) != keys.Unit(a.Unit))
                        {
                            diagnostics.Error("xbrl.5.2.6.2.2", $"The essence {e.PrefixedName} and its alias {a.PrefixedName} in context '{e.ContextRef}' have different units.", a.Location);
                            continue;
                        }
                    }
                    if (!ValueEqual(e, a))
                    {
                        diagnostics.Error("xbrl.5.2.6.2.2", $"The essence {e.PrefixedName} ({e.Lexical.Trim()}) and its alias {a.PrefixedName} ({a.Lexical.Trim()}) in context '{e.ContextRef}' must have equal values.", a.Location);
                    }
                }
            }
        }

        foreach (var r in requires)
        {
            if (byConcept.ContainsKey(r.FromConcept!.Name) && !byConcept.ContainsKey(r.ToConcept!.Name))
            {
                var first = byConcept[r.FromConcept!.Name][0];
                diagnostics.Error("xbrl.5.2.6.2.4", $"{first.PrefixedName} is reported, and it requires {r.ToConcept} to be reported too; it is not.", first.Location);
            }
        }
    }

    private static bool ValueEqual(XbrlFact a, XbrlFact b)
    {
        if (a.DecimalValue is { } x && b.DecimalValue is { } y)
        {
            var decimals = Math.Min(CalculationCheck.InferredDecimals(a) ?? int.MaxValue, CalculationCheck.InferredDecimals(b) ?? int.MaxValue);
            return CalculationCheck.Round(x, decimals) == CalculationCheck.Round(y, decimals);
        }
        if (a.DoubleValue is { } dx && b.DoubleValue is { } dy)
        {
            return dx.Equals(dy);
        }
        return string.Equals(a.Lexical.Trim(), b.Lexical.Trim(), StringComparison.Ordinal);
    }
}
