namespace EdgarSharp.Storage;

/// <summary>One filing's report of a fact: the filing and the value it gave.</summary>
public sealed record FactReport(string FilingId, string? Form, string? FilingDate, string? PeriodOfReport, string? Value);

/// <summary>
/// A concept's value for one period (and dimensions and unit), once: the value of the filing that reported it last,
/// every filing that reported it, and whether a later filing changed the value (a restatement).
/// </summary>
public sealed record FactPeriod(
    string Concept,
    string? PeriodType,
    string? PeriodStart,
    string? PeriodEnd,
    string DimensionsKey,
    string? Unit,
    string? Value,
    FactReport ReportedLast,
    IReadOnlyList<FactReport> Reports)
{
    /// <summary>True when the filings gave different values for the period (the last one holds).</summary>
    public bool Restated => Reports.Select(r => r.Value).Distinct(StringComparer.Ordinal).Count() > 1;
}

/// <summary>A concept's facts over time, each period once.</summary>
public static class FactHistory
{
    /// <summary>
    /// Groups <paramref name="observations"/> (oldest filing first, as <see cref="IEdgarStore.FactObservations"/> gives
    /// them) by period, dimensions and unit; the last filing's value holds. Facts with dimensions are left out unless
    /// <paramref name="withDimensions"/>. Values are the stored exact texts, so equal decimals compare equal.
    /// </summary>
    public static IReadOnlyList<FactPeriod> Build(IEnumerable<FactObservation> observations, bool withDimensions = false)
    {
        ArgumentNullException.ThrowIfNull(observations);
        return observations
            .Where(o => withDimensions || o.DimensionsKey.Length == 0)
            .GroupBy(o => (o.Concept, o.PeriodType, o.PeriodStart, o.PeriodEnd, o.DimensionsKey, o.Unit))
            .Select(g =>
            {
                var reports = new List<FactReport>();
                foreach (var o in g)
                {
                    var report = new FactReport(o.FilingId, o.Form, o.FilingDate, o.PeriodOfReport, o.IsNil ? null : o.Value);
                    // One report per filing: a filing stating the fact twice (two contexts, one period) counts once.
                    if (reports.Count > 0 && reports[^1].FilingId == o.FilingId)
                    {
                        reports[^1] = report;
                    }
                    else
                    {
                        reports.Add(report);
                    }
                }
                var last = reports[^1];
                return new FactPeriod(g.Key.Concept, g.Key.PeriodType, g.Key.PeriodStart, g.Key.PeriodEnd, g.Key.DimensionsKey, g.Key.Unit,
                    last.Value, last, reports);
            })
            .OrderBy(p => p.PeriodEnd ?? string.Empty, StringComparer.Ordinal)
            .ThenByDescending(p => p.PeriodStart ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(p => p.DimensionsKey, StringComparer.Ordinal)
            .ThenBy(p => p.Unit ?? string.Empty, StringComparer.Ordinal)
            .ToList();
    }
}
