using System.Globalization;

namespace EdgarSharp.Storage;

/// <summary>
/// Exact decimals in the store: amounts and share counts are kept as canonical decimal TEXT (invariant culture,
/// no exponent, trailing zeros trimmed: <c>271250.5</c>, <c>0.29</c>, <c>-3</c>), never as SQLite REAL, so that
/// they round-trip bit for bit. Sums are made in C# <see cref="decimal"/> after <see cref="Parse(string)"/>; ordering in
/// SQL uses the <c>*_key</c> columns holding <see cref="SortKey(decimal)"/>, whose ordinal order is the numeric order.
/// </summary>
public static class DecimalText
{
    /// <summary>The canonical text of <paramref name="value"/>: invariant, trailing fractional zeros trimmed, <c>0</c> never signed.</summary>
    public static string Canonical(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        if (text.Contains('.', StringComparison.Ordinal))
        {
            text = text.TrimEnd('0').TrimEnd('.');
        }
        return text is "-0" ? "0" : text;
    }

    /// <summary>The canonical text, or null for null.</summary>
    public static string? Canonical(decimal? value) => value is { } v ? Canonical(v) : null;

    /// <summary>Parses a canonical text (or any invariant decimal) back to the exact value.</summary>
    public static decimal Parse(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>Parses, or null for null.</summary>
    public static decimal? ParseOrNull(string? text) => text is null ? null : Parse(text);

    /// <summary>
    /// A fixed-width key whose ordinal order is the numeric order: <c>p</c> or <c>n</c>, the integer part padded
    /// to 29 digits, <c>.</c>, the fraction padded to 28 digits; for negatives every digit is nine's complemented so
    /// that larger magnitudes sort first.
    /// </summary>
    public static string SortKey(decimal value)
    {
        var abs = Math.Abs(value);
        var text = abs.ToString(CultureInfo.InvariantCulture);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var integer = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? string.Empty : text[(dot + 1)..];
        var digits = integer.PadLeft(29, '0') + "." + fraction.PadRight(28, '0');
        if (value >= 0)
        {
            return "p" + digits;
        }
        var complemented = new char[digits.Length];
        for (var i = 0; i < digits.Length; i++)
        {
            complemented[i] = digits[i] == '.' ? '.' : (char)('9' - digits[i] + '0');
        }
        return "n" + new string(complemented);
    }

    /// <summary>The sort key, or null for null.</summary>
    public static string? SortKey(decimal? value) => value is { } v ? SortKey(v) : null;
}
