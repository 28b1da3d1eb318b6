using System.Globalization;
using System.Text;

namespace EdgarSharp.Ownership.Internal;

/// <summary>A reading of a number split into fragments, with a penalty: the lower, the more natural the reading.</summary>
internal readonly record struct Reading(decimal Value, int Penalty);

/// <summary>
/// Readings of numbers and dates that text extraction split across cells or lines (<c>19,50</c> then <c>0</c>;
/// <c>286,</c> then <c>86,750</c>; <c>11/1</c> then <c>/18/2009</c>): every way of joining the fragments, with
/// overlap (the end of one repeated at the start of the next), and with a stray character at the junction dropped,
/// each with a penalty. Thousands grouping that is valid costs nothing; the form's arithmetic decides the rest.
/// </summary>
internal static class Fragments
{
    /// <summary>Homoglyphs that PDF text extraction produces for Latin capitals and digits.</summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '\\')
            {
                // LaTeX-style escapes some extractors write before $ and spaces.
                continue;
            }
            sb.Append(c switch
            {
                'М' => 'M', 'А' => 'A', 'В' => 'B', 'С' => 'C', 'Е' => 'E', 'Н' => 'H', 'К' => 'K', 'О' => 'O', 'Р' => 'P',
                'Т' => 'T', 'Х' => 'X', 'Ѕ' => 'S', 'І' => 'I', 'ⁿ' => 'n', '\u00A0' => ' ', '\u2009' => ' ',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' => '-',
                _ => c,
            });
        }
        return sb.ToString();
    }

    /// <summary>Superscript digits to ASCII digits; null when <paramref name="c"/> is none.</summary>
    public static char? SuperscriptDigit(char c) => c switch
    {
        '⁰' => '0', '¹' => '1', '²' => '2', '³' => '3', '⁴' => '4', '⁵' => '5', '⁶' => '6', '⁷' => '7', '⁸' => '8', '⁹' => '9',
        _ => null,
    };

    /// <summary>The fragment with characters that cannot be part of a number trimmed from both ends.</summary>
    public static string Clean(string fragment)
    {
        var s = 0;
        var e = fragment.Length;
        while (s < e && !IsNumberChar(fragment[s]))
        {
            s++;
        }
        while (e > s && !IsNumberChar(fragment[e - 1]))
        {
            e--;
        }
        return fragment[s..e];
    }

    public static bool IsNumberChar(char c) => char.IsAsciiDigit(c) || c is ',' or '.';

    /// <summary>True when <paramref name="text"/> is a well-formed amount: <c>19,500</c>, <c>600</c>, <c>0.29</c>, <c>1234.5</c>.</summary>
    public static bool IsWellFormed(string text)
    {
        if (text.Length == 0 || !char.IsAsciiDigit(text[0]))
        {
            return false;
        }
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? text : text[..dot];
        if (dot >= 0 && (dot == text.Length - 1 || !text[(dot + 1)..].All(char.IsAsciiDigit)))
        {
            return false;
        }
        if (!whole.Contains(',', StringComparison.Ordinal))
        {
            return whole.All(char.IsAsciiDigit);
        }
        var groups = whole.Split(',');
        return groups[0].Length is >= 1 and <= 3 && groups.All(g => g.All(char.IsAsciiDigit)) && groups.Skip(1).All(g => g.Length == 3);
    }

    /// <summary>Parses a number written with thousands separators; false when it is not one.</summary>
    public static bool TryParse(string text, out decimal value)
    {
        var plain = text.Replace(",", "", StringComparison.Ordinal);
        value = 0;
        if (plain.Length == 0 || plain.Count(c => c == '.') > 1 || !plain.All(c => char.IsAsciiDigit(c) || c == '.') || plain[0] == '.')
        {
            return false;
        }
        return decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Every reading of <paramref name="fragments"/> joined in order, best first, each value once.</summary>
    public static List<Reading> Readings(IReadOnlyList<string> fragments)
    {
        var strings = new List<(string Text, int Penalty)>();
        var cleaned = fragments.Select(Clean).Where(f => f.Length > 0).ToList();
        if (cleaned.Count == 0)
        {
            return [];
        }
        Join(cleaned, 0, string.Empty, 0, strings);
        // A fragment alone (the others being debris) is a poor but possible reading.
        foreach (var f in cleaned)
        {
            strings.Add((f, cleaned.Count > 1 ? 6 : 0));
        }
        var best = new Dictionary<decimal, int>();
        foreach (var (text, penalty) in strings)
        {
            foreach (var variant in Variants(text))
            {
                if (!TryParse(variant.Text, out var value))
                {
                    continue;
                }
                var p = penalty + variant.Penalty + (IsWellFormed(variant.Text) ? 0 : 3);
                if (!best.TryGetValue(value, out var old) || p < old)
                {
                    best[value] = p;
                }
            }
        }
        return best.Select(p => new Reading(p.Key, p.Value)).OrderBy(r => r.Penalty).ThenBy(r => r.Value).ToList();
    }

    private static IEnumerable<(string Text, int Penalty)> Variants(string text)
    {
        yield return (text, 0);
        var trimmed = text.TrimStart('.', ',');
        if (trimmed.Length != text.Length)
        {
            yield return (trimmed, 1);
        }
    }

    private static void Join(List<string> parts, int index, string sofar, int penalty, List<(string, int)> output)
    {
        if (penalty > 8 || output.Count > 200)
        {
            return;
        }
        if (index == parts.Count)
        {
            output.Add((sofar, penalty));
            return;
        }
        var next = parts[index];
        if (index == 0)
        {
            Join(parts, 1, next, 0, output);
            Join(parts, 1, next.TrimStart('.', ','), 1, output);
            return;
        }
        foreach (var (joined, p) in Pair(sofar, next))
        {
            Join(parts, index + 1, joined, penalty + p, output);
        }
    }

    /// <summary>Ways of joining two fragments: side by side, with an overlap, with a stray character dropped.</summary>
    public static IEnumerable<(string Text, int Penalty)> Pair(string a, string b)
    {
        yield return (a + b, 0);
        var stripped = b.TrimStart('.');
        if (stripped.Length != b.Length)
        {
            yield return (a + stripped, 1);
        }
        foreach (var right in stripped.Length != b.Length ? new[] { b, stripped } : new[] { b })
        {
            for (var k = 1; k < Math.Min(a.Length, right.Length); k++)
            {
                if (a.AsSpan(a.Length - k).SequenceEqual(right.AsSpan(0, k)))
                {
                    yield return (a + right[k..], 1 + (right.Length != b.Length ? 1 : 0));
                }
            }
        }
        if (b.Length > 1)
        {
            yield return (a + b[1..], 2);
        }
        if (a.Length > 1)
        {
            yield return (a[..^1] + b, 2);
        }
    }

    /// <summary>Dates (M/D/YYYY) read from one token or two adjacent ones joined with an overlap.</summary>
    public static bool TryParseUsDate(string text, out DateOnly date)
    {
        date = default;
        var t = text.Trim();
        var parts = t.Split('/');
        if (parts.Length != 3 || parts[2].Length != 4 || parts[0].Length is < 1 or > 2 || parts[1].Length is < 1 or > 2)
        {
            return false;
        }
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var y))
        {
            return false;
        }
        if (m is < 1 or > 12 || y < 1900 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }
        date = new DateOnly(y, m, d);
        return true;
    }

    /// <summary>A full M/D/YYYY date inside <paramref name="token"/> (debris around it ignored).</summary>
    public static bool TryFindDate(string token, out DateOnly date)
    {
        date = default;
        for (var i = 0; i < token.Length; i++)
        {
            if (!char.IsAsciiDigit(token[i]) || (i > 0 && char.IsAsciiDigit(token[i - 1])))
            {
                continue;
            }
            for (var len = 10; len >= 8; len--)
            {
                if (i + len <= token.Length && TryParseUsDate(token.Substring(i, len), out date)
                    && (i + len == token.Length || !char.IsAsciiDigit(token[i + len])))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>Two date fragments joined side by side or with an overlap (<c>11/1</c> + <c>/18/2009</c>).</summary>
    public static bool TryJoinDate(string a, string b, out DateOnly date)
    {
        foreach (var (text, _) in Pair(a.Trim(), b.Trim()))
        {
            if (TryParseUsDate(text, out date))
            {
                return true;
            }
        }
        date = default;
        return false;
    }
}
