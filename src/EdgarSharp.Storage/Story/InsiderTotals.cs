using System.Globalization;

namespace EdgarSharp.Storage;

/// <summary>
/// An owner's transactions in one month: how many, shares acquired and disposed of, the net, and the value (shares
/// times price where the price is stated). All exact decimals, summed in C#, never in SQL.
/// </summary>
public sealed record OwnerMonthTotal(
    string? OwnerCik,
    string? OwnerName,
    string Month,
    int Transactions,
    decimal Acquired,
    decimal Disposed,
    decimal Net,
    decimal Value);

/// <summary>Totals of insider transactions per owner and month.</summary>
public static class InsiderTotals
{
    /// <summary>
    /// The transactions (holdings left out) of <paramref name="transactions"/> summed per owner (CIK as a number, else
    /// name) and month of the transaction date, owners by name, months in order.
    /// </summary>
    public static IReadOnlyList<OwnerMonthTotal> PerOwnerAndMonth(IEnumerable<InsiderTransaction> transactions)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        return transactions
            .Where(t => !t.Row.IsHolding && t.Row.Date is { Length: >= 7 } && t.Row.Shares is not null)
            .GroupBy(t => (Owner: OwnerKey(t), Month: t.Row.Date![..7]))
            .Select(g =>
            {
                var acquired = g.Where(t => t.Row.AcquiredDisposed == "A").Sum(t => t.Row.Shares!.Value);
                var disposed = g.Where(t => t.Row.AcquiredDisposed == "D").Sum(t => t.Row.Shares!.Value);
                var value = g.Where(t => t.Row.Price is not null).Sum(t => t.Row.Shares!.Value * t.Row.Price!.Value);
                var first = g.First();
                return new OwnerMonthTotal(Cik(first.OwnerCik), first.OwnerName, g.Key.Month, g.Count(), acquired, disposed, acquired - disposed, value);
            })
            .OrderBy(t => t.OwnerName ?? t.OwnerCik, StringComparer.Ordinal)
            .ThenBy(t => t.Month, StringComparer.Ordinal)
            .ToList();
    }

    private static string OwnerKey(InsiderTransaction t) => Cik(t.OwnerCik) ?? t.OwnerName ?? string.Empty;

    /// <summary>A CIK without leading zeros, or null.</summary>
    internal static string? Cik(string? cik) =>
        long.TryParse(cik, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v.ToString(CultureInfo.InvariantCulture) : null;
}
