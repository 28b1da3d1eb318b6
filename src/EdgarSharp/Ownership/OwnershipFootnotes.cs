using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgarSharp.Ownership;

/// <summary>The range a weighted-average-price footnote states: the lowest and highest prices, inclusive.</summary>
/// <param name="Low">The lowest price.</param>
/// <param name="High">The highest price.</param>
public readonly record struct PriceRange(decimal Low, decimal High)
{
    /// <summary>True when <paramref name="price"/> lies in the range, ends included.</summary>
    public bool Contains(decimal price) => price >= Low && price <= High;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Low} to {High}");
}

/// <summary>
/// What the checks read from footnote text: weighted-average-price ranges (<c>prices ranging from $6.50 to $6.52,
/// inclusive</c>) and Rule 10b5-1 trading plans. Pure functions over text; culture-free.
/// </summary>
public static partial class OwnershipFootnotes
{
    [GeneratedRegex(@"weighted[\s-]+average", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WeightedAverage();

    [GeneratedRegex(@"(?:rang(?:ing|ed)\s+from|from|between)\s+\$\s?(?<low>\d[\d,]*(?:\.\d+)?)\s+(?:to|and|-)\s+\$\s?(?<high>\d[\d,]*(?:\.\d+)?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Range();

    [GeneratedRegex(@"10b5-?1", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Rule10b51();

    /// <summary>
    /// True when <paramref name="text"/> is a weighted-average-price footnote that states a range; then the first
    /// range it states. A footnote that speaks of a weighted average without a range yields false.
    /// </summary>
    public static bool TryParsePriceRange(string? text, out PriceRange range)
    {
        range = default;
        // Cheap rejections first: most footnotes name neither an average nor a dollar amount.
        if (string.IsNullOrEmpty(text) || !text.Contains('$', StringComparison.Ordinal)
            || !text.Contains("average", StringComparison.OrdinalIgnoreCase) || !WeightedAverage().IsMatch(text))
        {
            return false;
        }
        var m = Range().Match(text);
        if (!m.Success)
        {
            return false;
        }
        var low = decimal.Parse(m.Groups["low"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);
        var high = decimal.Parse(m.Groups["high"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);
        range = low <= high ? new PriceRange(low, high) : new PriceRange(high, low);
        return true;
    }

    /// <summary>True when <paramref name="text"/> speaks of a Rule 10b5-1 trading plan.</summary>
    public static bool MentionsRule10b5One(string? text) =>
        !string.IsNullOrEmpty(text) && text.Contains("10b5", StringComparison.OrdinalIgnoreCase) && Rule10b51().IsMatch(text);
}
