using System.Globalization;

namespace EdgarSharp.Ownership;

/// <summary>
/// Checks over a form, each reported with a stable code from <see cref="OwnershipDiagnosticCodes"/>:
/// footnote references resolve; the holdings chain adds up (Table I per security title, direct or indirect and
/// nature; Table II per title, exercise price, expiration date and exercisable date (a date that is only a footnote
/// compares by its footnotes: tranches of units differ by their vesting footnote); in document order, then in date
/// order when that fails; a break is a warning); exercises in Table II match code M (or X, C, O) acquisitions in Table I;
/// weighted-average-price footnotes are parsed into ranges and the price checked against them; sales under a
/// Rule 10b5-1 plan are named; and, only when the filing date is known, late filing (Form 4: the second business
/// day after the transaction; Form 3: ten days after the event; Form 5: 45 days after the fiscal year end). Never
/// throws for any model; costs one pass per check.
/// </summary>
public static class OwnershipChecks
{
    /// <summary>Runs every check and returns its findings.</summary>
    public static IReadOnlyList<Diagnostic> Run(OwnershipDocument document)
    {
        var bag = new DiagnosticBag();
        Run(document, bag);
        return bag.ToList();
    }

    /// <summary>Runs every check, adding its findings to <paramref name="diagnostics"/>.</summary>
    public static void Run(OwnershipDocument document, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(diagnostics);
        FootnoteReferences(document, diagnostics);
        HoldingsChains(document, diagnostics);
        Exercises(document, diagnostics);
        WeightedAveragePrices(document, diagnostics);
        Rule10b5OneSales(document, diagnostics);
        LateFiling(document, diagnostics);
    }

    internal static string Name(OwnershipRow row, int index) =>
        $"Table {(row.Table == OwnershipTable.NonDerivative ? "I" : "II")} row {index + 1} ({row.SecurityTitle.Text ?? "untitled"})";

    private static string N(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<(OwnershipRow Row, int Index)> Indexed(IReadOnlyList<OwnershipRow>? rows)
    {
        if (rows is null)
        {
            yield break;
        }
        for (var i = 0; i < rows.Count; i++)
        {
            yield return (rows[i], i);
        }
    }

    private static IEnumerable<(OwnershipRow Row, int Index)> AllRows(OwnershipDocument d) =>
        Indexed(d.NonDerivativeTable).Concat(Indexed(d.DerivativeTable));

    /// <summary>Appends every footnote id on <paramref name="r"/> to <paramref name="ids"/> (duplicates kept); no allocation beyond the list.</summary>
    private static void CollectIds(OwnershipRow r, List<string> ids)
    {
        Add(ids, r.SecurityTitle.FootnoteIds);
        Add(ids, r.ConversionOrExercisePrice.FootnoteIds);
        Add(ids, r.TransactionDate.FootnoteIds);
        Add(ids, r.DeemedExecutionDate.FootnoteIds);
        if (r.Coding is { } c)
        {
            Add(ids, c.FootnoteIds);
        }
        Add(ids, r.Timeliness.FootnoteIds);
        Add(ids, r.Shares.FootnoteIds);
        Add(ids, r.TotalValue.FootnoteIds);
        Add(ids, r.PricePerShare.FootnoteIds);
        Add(ids, r.AcquiredDisposed.FootnoteIds);
        Add(ids, r.ExerciseDate.FootnoteIds);
        Add(ids, r.ExpirationDate.FootnoteIds);
        Add(ids, r.UnderlyingSecurityTitle.FootnoteIds);
        Add(ids, r.UnderlyingSecurityShares.FootnoteIds);
        Add(ids, r.UnderlyingSecurityValue.FootnoteIds);
        Add(ids, r.SharesOwnedFollowing.FootnoteIds);
        Add(ids, r.ValueOwnedFollowing.FootnoteIds);
        Add(ids, r.DirectOrIndirect.FootnoteIds);
        Add(ids, r.NatureOfOwnership.FootnoteIds);
    }

    private static void Add(List<string> ids, IReadOnlyList<string> more)
    {
        for (var i = 0; i < more.Count; i++)
        {
            ids.Add(more[i]);
        }
    }

    private static void FootnoteReferences(OwnershipDocument d, DiagnosticBag diagnostics)
    {
        var ids = new List<string>();
        foreach (var table in new[] { d.NonDerivativeTable, d.DerivativeTable })
        {
            if (table is null)
            {
                continue;
            }
            for (var index = 0; index < table.Count; index++)
            {
                var row = table[index];
                ids.Clear();
                CollectIds(row, ids);
                for (var k = 0; k < ids.Count; k++)
                {
                    var id = ids[k];
                    if (d.FindFootnote(id) is null && ids.IndexOf(id) == k)
                    {
                        diagnostics.Error(
                            OwnershipDiagnosticCodes.MissingFootnote,
                            $"{Name(row, index)} refers to footnote {id}, which the form does not have; the reference is kept. Check the Explanation of Responses.",
                            row.Location);
                    }
                }
            }
        }
    }

    /// <summary>True when two rows belong to one holdings chain: Table I by title, direct or indirect and nature; Table II by title, exercise price, expiration and direct or indirect.</summary>
    private static bool SameChain(OwnershipRow a, OwnershipRow b)
    {
        if (!SameText(a.SecurityTitle.Text, b.SecurityTitle.Text) || !string.Equals(a.DirectOrIndirect.Text, b.DirectOrIndirect.Text, StringComparison.Ordinal))
        {
            return false;
        }
        return a.Table == OwnershipTable.NonDerivative
            ? SameText(a.NatureOfOwnership.Text, b.NatureOfOwnership.Text)
            : a.ConversionOrExercisePrice.Value == b.ConversionOrExercisePrice.Value && SameDate(a.ExpirationDate, b.ExpirationDate)
              && SameDate(a.ExerciseDate, b.ExerciseDate);
    }

    /// <summary>
    /// Dates of one grant: equal values, or, when neither has a value (the date is only a footnote), the same
    /// footnotes: restricted stock units of different tranches differ only by the vesting footnote.
    /// </summary>
    private static bool SameDate(Footnoted<DateOnly> a, Footnoted<DateOnly> b)
    {
        if (a.Value is not null || b.Value is not null)
        {
            return a.Value == b.Value;
        }
        return a.FootnoteIds.SequenceEqual(b.FootnoteIds, StringComparer.Ordinal);
    }

    /// <summary>Texts equal ignoring case and runs of white space.</summary>
    private static bool SameText(string? a, string? b)
    {
        var x = (a ?? "").AsSpan().Trim();
        var y = (b ?? "").AsSpan().Trim();
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsWhiteSpace(x[i]) && char.IsWhiteSpace(y[j]))
            {
                while (i < x.Length && char.IsWhiteSpace(x[i]))
                {
                    i++;
                }
                while (j < y.Length && char.IsWhiteSpace(y[j]))
                {
                    j++;
                }
                continue;
            }
            if (char.ToUpperInvariant(x[i]) != char.ToUpperInvariant(y[j]))
            {
                return false;
            }
            i++;
            j++;
        }
        return i == x.Length && j == y.Length;
    }

    /// <summary>The holdings after <paramref name="row"/> that <paramref name="previous"/> and the row's amount imply; null when unknown.</summary>
    internal static decimal? Implied(OwnershipRow previous, OwnershipRow row)
    {
        if (previous.SharesOwnedFollowing.Value is not { } before || row.Shares.Value is not { } amount || row.AcquiredDisposed.Value is not { } ad)
        {
            return null;
        }
        return ad == AcquiredDisposed.Acquired ? before + amount : before - amount;
    }

    private static void HoldingsChains(OwnershipDocument d, DiagnosticBag diagnostics)
    {
        var links = 0;
        var chains = 0;
        var breaks = 0;
        foreach (var table in new[] { d.NonDerivativeTable, d.DerivativeTable })
        {
            if (table is null || table.Count < 2)
            {
                continue;
            }
            var done = new bool[table.Count];
            for (var start = 0; start < table.Count; start++)
            {
                if (done[start] || table[start].IsHolding)
                {
                    continue;
                }
                List<(OwnershipRow Row, int Index)>? rows = null;
                for (var k = start + 1; k < table.Count; k++)
                {
                    if (!done[k] && !table[k].IsHolding && SameChain(table[start], table[k]))
                    {
                        done[k] = true;
                        (rows ??= [(table[start], start)]).Add((table[k], k));
                    }
                }
                if (rows is null)
                {
                    continue;
                }
                chains++;
                var docBreaks = Breaks(rows);
                if (docBreaks is null)
                {
                    links += rows.Count - 1;
                    continue;
                }
                var byDate = rows.OrderBy(x => x.Row.TransactionDate.Value ?? DateOnly.MaxValue).ThenBy(x => x.Index).ToList();
                if (Breaks(byDate) is null)
                {
                    links += rows.Count - 1;
                    diagnostics.Info(
                        OwnershipDiagnosticCodes.HoldingsChainDateOrder,
                        $"The holdings of {Name(rows[0].Row, rows[0].Index)} add up in date order, not in the order the rows are written.",
                        rows[0].Row.Location);
                    continue;
                }
                foreach (var (prev, cur, implied) in docBreaks)
                {
                    breaks++;
                    diagnostics.Warning(
                        OwnershipDiagnosticCodes.HoldingsChainBreak,
                        $"{Name(cur.Row, cur.Index)}: holdings after the row are {N(cur.Row.SharesOwnedFollowing.Value!.Value)}, but row {prev.Index + 1}'s {N(prev.Row.SharesOwnedFollowing.Value!.Value)} "
                        + $"{(cur.Row.AcquiredDisposed.Value == AcquiredDisposed.Acquired ? "plus" : "minus")} {N(cur.Row.Shares.Value!.Value)} is {N(implied)}. Check the amounts or look for a footnote that explains the difference.",
                        cur.Row.Location);
                }
                links += rows.Count - 1 - docBreaks.Count;
            }
        }
        if (chains > 0 && breaks == 0)
        {
            diagnostics.Info(OwnershipDiagnosticCodes.HoldingsChainHolds, string.Create(CultureInfo.InvariantCulture, $"The holdings chain adds up: {links} links in {chains} chains."));
        }
    }

    private static List<((OwnershipRow Row, int Index) Prev, (OwnershipRow Row, int Index) Cur, decimal Implied)>? Breaks(List<(OwnershipRow Row, int Index)> rows)
    {
        List<((OwnershipRow, int), (OwnershipRow, int), decimal)>? found = null;
        for (var i = 1; i < rows.Count; i++)
        {
            if (Implied(rows[i - 1].Row, rows[i].Row) is { } implied && rows[i].Row.SharesOwnedFollowing.Value is { } after && implied != after)
            {
                (found ??= []).Add((rows[i - 1], rows[i], implied));
            }
        }
        return found;
    }

    private static bool IsExercise(string? code) => code is "M" or "X" or "C" or "O";

    private static void Exercises(OwnershipDocument d, DiagnosticBag diagnostics)
    {
        if (d.DerivativeTable is not { Count: > 0 } two)
        {
            return;
        }
        var one = d.NonDerivativeTable ?? [];
        var used = new bool[one.Count];
        for (var index = 0; index < two.Count; index++)
        {
            var row = two[index];
            if (row.IsHolding || !IsExercise(row.Coding?.Code))
            {
                continue;
            }
            var amount = row.UnderlyingSecurityShares.Value ?? row.Shares.Value;
            var match = -1;
            for (var i = 0; i < one.Count; i++)
            {
                var a = one[i];
                if (!used[i] && !a.IsHolding && a.Coding?.Code == row.Coding?.Code && a.AcquiredDisposed.Value != AcquiredDisposed.Disposed
                    && a.Shares.Value == amount
                    && (a.TransactionDate.Value == row.TransactionDate.Value || a.TransactionDate.Value is null || row.TransactionDate.Value is null))
                {
                    match = i;
                    break;
                }
            }
            if (match >= 0)
            {
                used[match] = true;
                diagnostics.Info(
                    OwnershipDiagnosticCodes.ExerciseMatched,
                    $"{Name(row, index)}: the exercise of {N(amount ?? 0)} matches the code {row.Coding?.Code} acquisition in {Name(one[match], match)}.",
                    row.Location);
            }
            else
            {
                diagnostics.Warning(
                    OwnershipDiagnosticCodes.ExerciseUnmatched,
                    $"{Name(row, index)}: the code {row.Coding?.Code} exercise of {(amount is { } x ? N(x) : "an unknown amount")} has no acquisition of the same amount and date in Table I. Check both tables.",
                    row.Location);
            }
        }
        for (var i = 0; i < one.Count; i++)
        {
            var a = one[i];
            if (!used[i] && !a.IsHolding && a.Coding?.Code == "M" && a.AcquiredDisposed.Value != AcquiredDisposed.Disposed)
            {
                diagnostics.Warning(
                    OwnershipDiagnosticCodes.ExerciseUnmatched,
                    $"{Name(a, i)}: the code M acquisition has no exercise of the same amount and date in Table II.",
                    a.Location);
            }
        }
    }

    private static void WeightedAveragePrices(OwnershipDocument d, DiagnosticBag diagnostics)
    {
        // Each footnote is parsed once, however many rows refer to it.
        Dictionary<string, PriceRange?>? ranges = null;
        foreach (var (row, index) in AllRows(d))
        {
            foreach (var id in row.PricePerShare.FootnoteIds)
            {
                ranges ??= new Dictionary<string, PriceRange?>(StringComparer.Ordinal);
                if (!ranges.TryGetValue(id, out var parsed))
                {
                    parsed = d.FindFootnote(id) is { } note && OwnershipFootnotes.TryParsePriceRange(note.Text, out var r) ? r : null;
                    ranges[id] = parsed;
                }
                if (parsed is not { } range)
                {
                    continue;
                }
                if (row.PricePerShare.Value is { } price && !range.Contains(price))
                {
                    diagnostics.Warning(
                        OwnershipDiagnosticCodes.WeightedAveragePriceOutOfRange,
                        $"{Name(row, index)}: the weighted-average price {N(price)} lies outside the range {range} that footnote {id} states.",
                        row.Location);
                }
                else
                {
                    diagnostics.Info(
                        OwnershipDiagnosticCodes.WeightedAveragePrice,
                        $"{Name(row, index)}: price {(row.PricePerShare.Value is { } p ? N(p) : "(footnote only)")} is a weighted average of prices from {range} (footnote {id}).",
                        row.Location);
                }
            }
        }
    }

    private static void Rule10b5OneSales(OwnershipDocument d, DiagnosticBag diagnostics)
    {
        List<string>? ids = null;
        foreach (var (row, index) in AllRows(d))
        {
            if (row.IsHolding || row.Coding?.Code != "S")
            {
                continue;
            }
            ids ??= [];
            ids.Clear();
            CollectIds(row, ids);
            Footnote? note = null;
            foreach (var id in ids)
            {
                if (d.FindFootnote(id) is { } f && OwnershipFootnotes.MentionsRule10b5One(f.Text))
                {
                    note = f;
                    break;
                }
            }
            if (note is not null)
            {
                diagnostics.Info(OwnershipDiagnosticCodes.Rule10b5One, $"{Name(row, index)}: a sale under a Rule 10b5-1 trading plan (footnote {note.Id}).", row.Location);
            }
            else if (d.Aff10b5One == true)
            {
                diagnostics.Info(OwnershipDiagnosticCodes.Rule10b5One, $"{Name(row, index)}: a sale on a form whose Rule 10b5-1(c) box is checked.", row.Location);
            }
        }
    }

    private static void LateFiling(OwnershipDocument d, DiagnosticBag diagnostics)
    {
        if (d.Source.FilingDate is not { } filed)
        {
            return;
        }
        switch (d.FormType)
        {
            case "3" when d.PeriodOfReport is { } evt:
                Late(diagnostics, filed, evt.AddDays(10), "Form 3 is due ten days after the event requiring the statement", d.Source);
                break;
            case "5" when d.PeriodOfReport is { } yearEnd:
                Late(diagnostics, filed, yearEnd.AddDays(45), "Form 5 is due 45 days after the issuer's fiscal year end", d.Source);
                break;
            case "4":
                foreach (var (row, index) in AllRows(d))
                {
                    if (row.IsHolding || (row.DeemedExecutionDate.Value ?? row.TransactionDate.Value) is not { } date)
                    {
                        continue;
                    }
                    // A form 5 transaction reported on Form 4 voluntarily (V) is not late on Form 4's clock.
                    if (row.Coding?.FormType == "5")
                    {
                        continue;
                    }
                    var due = BusinessDays.Add(date, 2);
                    if (filed > due)
                    {
                        diagnostics.Warning(
                            OwnershipDiagnosticCodes.LateFiling,
                            $"{Name(row, index)}: the transaction of {date:yyyy-MM-dd} was due by {due:yyyy-MM-dd} (the second business day after it); the form was filed {filed:yyyy-MM-dd}.",
                            row.Location);
                    }
                }
                break;
        }
    }

    private static void Late(DiagnosticBag diagnostics, DateOnly filed, DateOnly due, string rule, OwnershipSource source)
    {
        if (filed > due)
        {
            diagnostics.Warning(
                OwnershipDiagnosticCodes.LateFiling,
                string.Create(CultureInfo.InvariantCulture, $"{rule}: it was due by {due:yyyy-MM-dd} and filed {filed:yyyy-MM-dd}."),
                new SourceLocation(source.Document));
        }
    }
}

/// <summary>Business days of the SEC: Monday to Friday except US federal holidays (observed on the nearest weekday).</summary>
public static class BusinessDays
{
    /// <summary>The date <paramref name="days"/> business days after <paramref name="date"/>.</summary>
    public static DateOnly Add(DateOnly date, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var d = date;
        while (days > 0)
        {
            d = d.AddDays(1);
            if (IsBusinessDay(d))
            {
                days--;
            }
        }
        return d;
    }

    /// <summary>True when <paramref name="date"/> is a weekday and not a federal holiday.</summary>
    public static bool IsBusinessDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsFederalHoliday(date);

    /// <summary>True when <paramref name="date"/> is a US federal holiday as observed.</summary>
    public static bool IsFederalHoliday(DateOnly date)
    {
        var y = date.Year;
        foreach (var h in Holidays(y).Concat(Holidays(y + 1)))
        {
            if (h == date)
            {
                return true;
            }
        }
        return false;
    }

    private static IEnumerable<DateOnly> Holidays(int year)
    {
        yield return Observed(new DateOnly(year, 1, 1));
        yield return Nth(year, 1, DayOfWeek.Monday, 3);
        yield return Nth(year, 2, DayOfWeek.Monday, 3);
        yield return Last(year, 5, DayOfWeek.Monday);
        if (year >= 2021)
        {
            yield return Observed(new DateOnly(year, 6, 19));
        }
        yield return Observed(new DateOnly(year, 7, 4));
        yield return Nth(year, 9, DayOfWeek.Monday, 1);
        yield return Nth(year, 10, DayOfWeek.Monday, 2);
        yield return Observed(new DateOnly(year, 11, 11));
        yield return Nth(year, 11, DayOfWeek.Thursday, 4);
        yield return Observed(new DateOnly(year, 12, 25));
    }

    private static DateOnly Observed(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Saturday => d.AddDays(-1),
        DayOfWeek.Sunday => d.AddDays(1),
        _ => d,
    };

    private static DateOnly Nth(int year, int month, DayOfWeek day, int n)
    {
        var d = new DateOnly(year, month, 1);
        while (d.DayOfWeek != day)
        {
            d = d.AddDays(1);
        }
        return d.AddDays(7 * (n - 1));
    }

    private static DateOnly Last(int year, int month, DayOfWeek day)
    {
        var d = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (d.DayOfWeek != day)
        {
            d = d.AddDays(-1);
        }
        return d;
    }
}
