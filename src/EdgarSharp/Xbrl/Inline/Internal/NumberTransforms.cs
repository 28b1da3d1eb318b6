using System.Text;
using System.Text.RegularExpressions;

namespace EdgarSharp.Xbrl.Inline.Internal;

/// <summary>
/// The number functions of Transformation Registries 3 to 5. TR3 checks the grouping (threes, or the Indian
/// twos after the first three) and keeps the digits as written; TR4 and TR5 accept group separators anywhere and
/// give the canonical <c>xs:decimal</c> (no leading zeros, no trailing fractional zeros). Each returns null
/// when its input is invalid.
/// </summary>
internal static class NumberTransforms
{
    private const string Apostrophes = "'`\u00B4\u2019\u2032";

    private static readonly Regex Tr3DotDecimal = new(@"^[0-9]{1,3}(?:[, \u00A0]?[0-9]{3})*(?:\.[0-9]+)?$", RegexOptions.CultureInvariant);
    private static readonly Regex Tr3CommaDecimal = new(@"^[0-9]{1,3}(?:[. \u00A0]?[0-9]{3})*(?:,[0-9]+)?$", RegexOptions.CultureInvariant);
    private static readonly Regex IndianDotDecimal = new(
        @"^(?:(?:[0-9]{1,2}[, \u00A0])?(?:[0-9]{2}[, \u00A0])*[0-9]{3}|[0-9]+)(?:\.[0-9]+)?$", RegexOptions.CultureInvariant);
    private static readonly Regex Tr3UnitDecimal = new(
        @"^(0|[1-9][0-9]{0,2}(?:[.,\uFF0C\uFF0E]?[0-9]{3})*)[^0-9.,\uFF0C\uFF0E]+([0-9]{1,2})[^0-9.,\uFF0C\uFF0E]*$", RegexOptions.CultureInvariant);
    private static readonly Regex IndianUnitDecimal = new(
        @"^((?:[0-9]{1,2}[, \u00A0])?(?:[0-9]{2}[, \u00A0])*[0-9]{3}|[0-9]+)[^0-9]+([0-9]{1,2})[^0-9]*$", RegexOptions.CultureInvariant);
    private static readonly Regex Tr4UnitDecimal = new(
        @"^([0-9.,\uFF0C\uFF0E]+)[^0-9.,\uFF0C\uFF0E][^0-9]*([0-9]{1,2})[^0-9]*$", RegexOptions.CultureInvariant);
    private static readonly Regex Tr5UnitDecimalApostrophe = new(
        @"^([0-9.,\uFF0C\uFF0E'`\u00B4\u2019\u2032\uFF07]+)[^0-9.,\uFF0C\uFF0E'`\u00B4\u2019\u2032\uFF07][^0-9]*([0-9]{1,2})[^0-9]*$", RegexOptions.CultureInvariant);

    /// <summary>TR3 <c>numdotdecimal</c> and <c>numcommadecimal</c>: groups of three, each optionally after a separator.</summary>
    public static Func<string, string?> Tr3Grouped(char decimalMark) => s =>
    {
        var t = Transforms.Collapse(s);
        if (!(decimalMark == '.' ? Tr3DotDecimal : Tr3CommaDecimal).IsMatch(t))
        {
            return null;
        }
        return Strip(t, decimalMark == '.' ? ", \u00A0" : ". \u00A0", decimalMark);
    };

    /// <summary>
    /// TR4/TR5 <c>num-dot-decimal</c>, <c>num-comma-decimal</c> and TR5's <c>-apos</c> forms: digits and group
    /// separators (the other mark, space, no-break space, and apostrophes for the <c>-apos</c> forms), then
    /// optionally the decimal mark and digits (spaces allowed); the result must be a decimal.
    /// </summary>
    public static Func<string, string?> Tr4Lenient(char decimalMark, bool apostrophes)
    {
        var groupMarks = (decimalMark == '.' ? ", \u00A0" : ". \u00A0") + (apostrophes ? Apostrophes : string.Empty);
        return s => Tr4Lenient(s, decimalMark, groupMarks);
    }

    private static string? Tr4Lenient(string s, char decimalMark, string groupMarks)
    {
        var t = Transforms.Collapse(s);
        var sb = new StringBuilder(t.Length);
        var inFraction = false;
        foreach (var c in t)
        {
            if (char.IsAsciiDigit(c))
            {
                sb.Append(c);
            }
            else if (c == decimalMark && !inFraction)
            {
                inFraction = true;
                sb.Append('.');
            }
            else if (inFraction ? c is not (' ' or '\u00A0') : !groupMarks.Contains(c, StringComparison.Ordinal))
            {
                return null;
            }
        }
        return inFraction && t[^1] == decimalMark ? null : Canonical(sb.ToString());
    }

    /// <summary>TR3 <c>numdotdecimalin</c>: Indian grouping (lakh, crore) or no grouping, dot decimal.</summary>
    public static string? IndianDot(string s)
    {
        var t = Transforms.Collapse(s);
        return IndianDotDecimal.IsMatch(t) ? Strip(t, ", \u00A0", '.') : null;
    }

    /// <summary>TR4's <c>numdotdecimalin</c>: the TR3 function with a canonical result.</summary>
    public static string? IndianDotCanonical(string s) => IndianDot(s) is { } v ? Canonical(v) : null;

    /// <summary>TR3 <c>numunitdecimal</c>: whole units, a unit word, then one or two digits of hundredths ("5 dollars 7 cents").</summary>
    public static string? Tr3Unit(string s)
    {
        var m = Tr3UnitDecimal.Match(DateTransforms.Normalise(s, DateTransforms.Digits.FullWidth));
        return m.Success ? Strip(m.Groups[1].Value, ".,\uFF0C\uFF0E", '\0') + "." + m.Groups[2].Value.PadLeft(2, '0') : null;
    }

    /// <summary>TR3 <c>numunitdecimalin</c>: as <c>numunitdecimal</c> with Indian grouping of the whole units.</summary>
    public static string? IndianUnit(string s)
    {
        var m = IndianUnitDecimal.Match(Transforms.Collapse(s));
        return m.Success ? Strip(m.Groups[1].Value, ", \u00A0", '\0') + "." + m.Groups[2].Value.PadLeft(2, '0') : null;
    }

    /// <summary>TR4/TR5 <c>num-unit-decimal</c> and TR5 <c>num-unit-decimal-apos</c>: separators anywhere in the whole units, canonical result.</summary>
    public static Func<string, string?> Tr4Unit(bool apostrophes) => s =>
    {
        var m = (apostrophes ? Tr5UnitDecimalApostrophe : Tr4UnitDecimal).Match(DateTransforms.Normalise(s, DateTransforms.Digits.FullWidth));
        if (!m.Success)
        {
            return null;
        }
        var whole = Strip(m.Groups[1].Value, ".,\uFF0C\uFF0E" + Apostrophes + "\uFF07", '\0');
        return whole.Length == 0 ? null : Canonical(whole + "." + m.Groups[2].Value.PadLeft(2, '0'));
    };

    /// <summary>The text without the characters of <paramref name="remove"/>, <paramref name="decimalMark"/> as '.'.</summary>
    private static string Strip(string t, string remove, char decimalMark)
    {
        var sb = new StringBuilder(t.Length);
        foreach (var c in t)
        {
            if (c == decimalMark)
            {
                sb.Append('.');
            }
            else if (!remove.Contains(c, StringComparison.Ordinal))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// The canonical lexical form of a non-negative decimal written as digits with at most one '.', or null when
    /// it holds no digit: "007.50" is "7.5", ".5" is "0.5", "12." is "12".
    /// </summary>
    public static string? Canonical(string d)
    {
        var dot = d.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? d : d[..dot];
        var fraction = dot < 0 ? string.Empty : d[(dot + 1)..];
        if (whole.Length + fraction.Length == 0)
        {
            return null;
        }
        whole = whole.TrimStart('0');
        fraction = fraction.TrimEnd('0');
        return (whole.Length == 0 ? "0" : whole) + (fraction.Length == 0 ? string.Empty : "." + fraction);
    }
}
