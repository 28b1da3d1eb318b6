using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EdgarSharp.Xbrl.Inline.Internal;

/// <summary>The functions of the transformation registries; each returns null when its input is invalid.</summary>
internal static class Transforms
{
    private static readonly Dictionary<(string, string), Func<string, string?>> Functions = Build();

    public static Func<string, string?>? Find(string ns, string local) =>
        Functions.TryGetValue((ns, local), out var f) ? f : null;

    private static Dictionary<(string, string), Func<string, string?>> Build()
    {
        var d = new Dictionary<(string, string), Func<string, string?>>();
        // Transformation Registry 3 (2015-02-26): compact names.
        var tr3 = InlineTransformRegistry.Tr3;
        d[(tr3, "booleanfalse")] = _ => "false";
        d[(tr3, "booleantrue")] = _ => "true";
        d[(tr3, "nocontent")] = _ => string.Empty;
        d[(tr3, "zerodash")] = ZeroDash;
        d[(tr3, "numdotdecimal")] = s => Number(s, '.', allowSpaceGroups: true);
        d[(tr3, "numcommadecimal")] = s => Number(s, ',', allowSpaceGroups: true);
        d[(tr3, "numdotdecimalin")] = NumDotDecimalIndia;
        d[(tr3, "numunitdecimal")] = NumUnitDecimal;
        d[(tr3, "datedaymonth")] = s => NumericDate(s, "DM");
        d[(tr3, "datemonthday")] = s => NumericDate(s, "MD");
        d[(tr3, "datedaymonthyear")] = s => NumericDate(s, "DMY");
        d[(tr3, "datemonthdayyear")] = s => NumericDate(s, "MDY");
        d[(tr3, "dateyearmonthday")] = s => NumericDate(s, "YMD");
        d[(tr3, "datemonthyear")] = s => NumericDate(s, "MY");
        d[(tr3, "dateyearmonth")] = s => NumericDate(s, "YM");
        d[(tr3, "datedaymonthen")] = s => NamedDate(s, "DM");
        d[(tr3, "datemonthdayen")] = s => NamedDate(s, "MD");
        d[(tr3, "datedaymonthyearen")] = s => NamedDate(s, "DMY");
        d[(tr3, "datemonthdayyearen")] = s => NamedDate(s, "MDY");
        d[(tr3, "datemonthyearen")] = s => NamedDate(s, "MY");
        d[(tr3, "dateyearmonthen")] = s => NamedDate(s, "YM");
        d[(tr3, "dateyearmonthdayen")] = s => NamedDate(s, "YMD");

        // Transformation Registries 4 (2020-02-12) and 5 (2022-02-16): hyphenated names.
        foreach (var ns in new[] { InlineTransformRegistry.Tr4, InlineTransformRegistry.Tr5 })
        {
            d[(ns, "fixed-false")] = _ => "false";
            d[(ns, "fixed-true")] = _ => "true";
            d[(ns, "fixed-empty")] = _ => string.Empty;
            d[(ns, "fixed-zero")] = _ => "0";
            d[(ns, "num-dot-decimal")] = s => Number(s, '.', allowSpaceGroups: true);
            d[(ns, "num-comma-decimal")] = s => Number(s, ',', allowSpaceGroups: true);
            d[(ns, "num-unit-decimal")] = NumUnitDecimal;
            d[(ns, "num-dot-decimal-in")] = NumDotDecimalIndia;
            d[(ns, "date-day-month")] = s => NumericDate(s, "DM");
            d[(ns, "date-month-day")] = s => NumericDate(s, "MD");
            d[(ns, "date-day-month-year")] = s => NumericDate(s, "DMY");
            d[(ns, "date-month-day-year")] = s => NumericDate(s, "MDY");
            d[(ns, "date-year-month-day")] = s => NumericDate(s, "YMD");
            d[(ns, "date-month-year")] = s => NumericDate(s, "MY");
            d[(ns, "date-year-month")] = s => NumericDate(s, "YM");
            d[(ns, "date-day-monthname-en")] = s => NamedDate(s, "DM");
            d[(ns, "date-monthname-day-en")] = s => NamedDate(s, "MD");
            d[(ns, "date-day-monthname-year-en")] = s => NamedDate(s, "DMY");
            d[(ns, "date-monthname-day-year-en")] = s => NamedDate(s, "MDY");
            d[(ns, "date-monthname-year-en")] = s => NamedDate(s, "MY");
            d[(ns, "date-year-monthname-en")] = s => NamedDate(s, "YM");
            d[(ns, "date-year-monthname-day-en")] = s => NamedDate(s, "YMD");
        }
        // TR5 only: numbers with an apostrophe as group separator.
        d[(InlineTransformRegistry.Tr5, "num-dot-decimal-apos")] = s => Number(s, '.', allowSpaceGroups: true, apostrophe: true);
        d[(InlineTransformRegistry.Tr5, "num-comma-decimal-apos")] = s => Number(s, ',', allowSpaceGroups: true, apostrophe: true);

        // The SEC's registry (2015-08-31): all 18 functions.
        var sec = InlineTransformRegistry.Sec;
        d[(sec, "boolballotbox")] = s => Ballot(s, "false", "true");
        d[(sec, "yesnoballotbox")] = s => Ballot(s, "No", "Yes");
        d[(sec, "countrynameen")] = Lookup(SecNameTables.CountryNames);
        d[(sec, "stateprovnameen")] = Lookup(SecNameTables.StateProvinceNames);
        d[(sec, "edgarprovcountryen")] = Lookup(SecNameTables.EdgarProvinceCountryNames);
        d[(sec, "exchnameen")] = Lookup(SecNameTables.ExchangeNames);
        d[(sec, "entityfilercategoryen")] = Lookup(SecNameTables.EntityFilerCategories);
        d[(sec, "numwordsen")] = NumWords.Transform;
        d[(sec, "durwordsen")] = NumWords.Duration;
        d[(sec, "numinf")] = _ => "INF";
        d[(sec, "numneginf")] = _ => "-INF";
        d[(sec, "numnan")] = _ => "NaN";
        d[(sec, "duryear")] = DurYear;
        d[(sec, "durmonth")] = DurMonth;
        d[(sec, "durweek")] = DurWeek;
        d[(sec, "durday")] = DurDay;
        d[(sec, "durhour")] = DurHour;
        d[(sec, "datequarterend")] = QuarterEnd;
        return d;
    }

    /// <summary>XML Schema whitespace collapse: runs of space, tab, CR, LF become one space; ends trimmed.</summary>
    public static string Collapse(string s)
    {
        var sb = new StringBuilder(s.Length);
        var pendingSpace = false;
        foreach (var c in s)
        {
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static string? ZeroDash(string s)
    {
        var t = Collapse(s);
        if (t.Length == 0)
        {
            return null;
        }
        foreach (var c in t)
        {
            if (c is not ('-' or '\u058A' or '\u05BE' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\uFE58' or '\uFE63' or '\uFF0D'))
            {
                return null;
            }
        }
        return "0";
    }

    /// <summary>Digits grouped in threes by a separator, an optional fraction after the decimal mark.</summary>
    private static string? Number(string s, char decimalMark, bool allowSpaceGroups, bool apostrophe = false)
    {
        var t = Collapse(s);
        var groupMark = decimalMark == '.' ? ',' : '.';
        var sb = new StringBuilder(t.Length);
        int i = 0, groupDigits = 0, groups = 0;
        char? separator = null;
        while (i < t.Length)
        {
            var c = t[i];
            if (char.IsAsciiDigit(c))
            {
                sb.Append(c);
                groupDigits++;
                i++;
                continue;
            }
            var isGroup = c == groupMark || (allowSpaceGroups && c is ' ' or '\u00A0') || (apostrophe && c is '\'' or '\u2019');
            if (isGroup)
            {
                if (groupDigits == 0 || (groups == 0 && groupDigits > 3) || (groups > 0 && groupDigits != 3))
                {
                    return null;
                }
                if (separator is { } sep && sep != c && !(sep is ' ' or '\u00A0' && c is ' ' or '\u00A0'))
                {
                    return null;
                }
                separator = c;
                groups++;
                groupDigits = 0;
                i++;
                continue;
            }
            if (c == decimalMark)
            {
                break;
            }
            return null;
        }
        if (groupDigits == 0 && (sb.Length == 0 || groups > 0))
        {
            if (!(i < t.Length && t[i] == decimalMark && sb.Length == 0 && groups == 0))
            {
                return null;
            }
        }
        if (groups > 0 && groupDigits != 3)
        {
            return null;
        }
        if (i < t.Length)
        {
            // decimal mark then digits
            i++;
            var fraction = new StringBuilder();
            while (i < t.Length && char.IsAsciiDigit(t[i]))
            {
                fraction.Append(t[i]);
                i++;
            }
            if (i != t.Length || (fraction.Length == 0 && sb.Length == 0))
            {
                return null;
            }
            if (sb.Length == 0)
            {
                sb.Append('0');
            }
            if (fraction.Length > 0)
            {
                sb.Append('.').Append(fraction);
            }
        }
        return sb.Length == 0 ? null : sb.ToString();
    }

    private static string? NumDotDecimalIndia(string s)
    {
        var t = Collapse(s);
        var m = Regex.Match(t, @"^([0-9]{1,2}(,[0-9]{2})*,[0-9]{3}|[0-9]{1,3})(\.[0-9]+)?$", RegexOptions.CultureInvariant);
        return m.Success ? t.Replace(",", string.Empty, StringComparison.Ordinal) : null;
    }

    private static string? NumUnitDecimal(string s)
    {
        var t = Collapse(s);
        var m = Regex.Match(t, @"^([0-9]{1,3}(?:[,. \u00A0]?[0-9]{3})*)[^0-9]+([0-9]{1,2})([^0-9]*)$", RegexOptions.CultureInvariant);
        if (!m.Success)
        {
            return null;
        }
        var whole = m.Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal)
            .Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00A0", string.Empty, StringComparison.Ordinal);
        return whole + "." + m.Groups[2].Value.PadLeft(2, '0');
    }

    private static string? Ballot(string s, string no, string yes) => Collapse(s) switch
    {
        "\u2610" => no,
        "\u2611" or "\u2612" => yes,
        _ => null,
    };

    private static Func<string, string?> Lookup((string Code, string Pattern)[] table)
    {
        var compiled = new Lazy<(string Code, Regex Regex)[]>(() =>
            table.Select(r => (r.Code, new Regex("^(?:" + r.Pattern + ")$", RegexOptions.CultureInvariant))).ToArray());
        return s =>
        {
            var t = Collapse(s);
            foreach (var (code, regex) in compiled.Value)
            {
                if (regex.IsMatch(t))
                {
                    return code;
                }
            }
            return null;
        };
    }

    // ---- Dates ----

    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static int MonthFromName(string word)
    {
        var w = word.TrimEnd('.').ToLowerInvariant();
        if (w.Length < 3)
        {
            return 0;
        }
        for (var m = 0; m < 12; m++)
        {
            if (MonthNames[m] == w || (w.Length == 3 && MonthNames[m].StartsWith(w, StringComparison.Ordinal)) || (m == 8 && w == "sept"))
            {
                return m + 1;
            }
        }
        return 0;
    }

    private static string? NumericDate(string s, string order)
    {
        var t = Collapse(s);
        var parts = Regex.Split(t, @"[^0-9]+", RegexOptions.CultureInvariant).Where(p => p.Length > 0).ToArray();
        if (parts.Length != order.Length || !Regex.IsMatch(t, @"^[0-9]+([ \u00A0]*[./\-,][ \u00A0]*|[ \u00A0]+)[0-9]+(([ \u00A0]*[./\-,][ \u00A0]*|[ \u00A0]+)[0-9]+)?$", RegexOptions.CultureInvariant))
        {
            return null;
        }
        return Compose(order, i => parts[i]);
    }

    private static string? NamedDate(string s, string order)
    {
        var t = Collapse(s);
        var tokens = Regex.Matches(t, @"[0-9]+|[A-Za-z]+\.?", RegexOptions.CultureInvariant).Select(m => m.Value).ToArray();
        var rest = Regex.Replace(t, @"[0-9]+|[A-Za-z]+\.?", string.Empty, RegexOptions.CultureInvariant);
        if (tokens.Length != order.Length || rest.Any(c => !(c is ' ' or '\u00A0' or ',' or '-' or '/' or '.')))
        {
            return null;
        }
        return Compose(order, i => tokens[i]);
    }

    private static string? Compose(string order, Func<int, string> part)
    {
        int day = 0, month = 0, year = 0;
        bool hasDay = false, hasYear = false;
        for (var i = 0; i < order.Length; i++)
        {
            var p = part(i);
            switch (order[i])
            {
                case 'D':
                    if (p.Length > 2 || !int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out day))
                    {
                        return null;
                    }
                    hasDay = true;
                    break;
                case 'M':
                    if (char.IsAsciiDigit(p[0]))
                    {
                        if (p.Length > 2 || !int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out month))
                        {
                            return null;
                        }
                    }
                    else
                    {
                        month = MonthFromName(p);
                    }
                    break;
                case 'Y':
                    if (p.Length is not (2 or 4) || !int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out year))
                    {
                        return null;
                    }
                    if (p.Length == 2)
                    {
                        year += 2000;
                    }
                    hasYear = true;
                    break;
            }
        }
        if (month is < 1 or > 12)
        {
            return null;
        }
        if (hasDay)
        {
            var max = hasYear ? DateTime.DaysInMonth(year, month) : (month == 2 ? 29 : DateTime.DaysInMonth(2001, month));
            if (day < 1 || day > max)
            {
                return null;
            }
        }
        var inv = CultureInfo.InvariantCulture;
        return (hasYear, hasDay) switch
        {
            (true, true) => string.Create(inv, $"{year:D4}-{month:D2}-{day:D2}"),
            (true, false) => string.Create(inv, $"{year:D4}-{month:D2}"),
            (false, true) => string.Create(inv, $"--{month:D2}-{day:D2}"),
            _ => null,
        };
    }

    private static string? QuarterEnd(string s)
    {
        var t = Collapse(s);
        if (t.Length == 0 || !char.IsLetterOrDigit(t[0]) || !char.IsLetterOrDigit(t[^1]))
        {
            return null;
        }
        int? year = null, quarter = null;
        foreach (Match m in Regex.Matches(t, @"[0-9]+|[A-Za-z]+", RegexOptions.CultureInvariant))
        {
            var v = m.Value;
            if (char.IsAsciiDigit(v[0]))
            {
                if (v.Length == 4 && year is null)
                {
                    year = int.Parse(v, CultureInfo.InvariantCulture);
                }
                else if (v.Length == 1 && quarter is null && v[0] is >= '1' and <= '4')
                {
                    quarter = v[0] - '0';
                }
                else
                {
                    return null;
                }
                continue;
            }
            var q = v.ToLowerInvariant() switch
            {
                "first" => 1,
                "second" => 2,
                "third" => 3,
                "fourth" or "last" => 4,
                _ => 0,
            };
            if (q > 0)
            {
                if (quarter is not null)
                {
                    return null;
                }
                quarter = q;
            }
        }
        if (year is not { } y || quarter is not { } qn)
        {
            return null;
        }
        return qn switch
        {
            1 => string.Create(CultureInfo.InvariantCulture, $"{y:D4}-03-31"),
            2 => string.Create(CultureInfo.InvariantCulture, $"{y:D4}-06-30"),
            3 => string.Create(CultureInfo.InvariantCulture, $"{y:D4}-09-30"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{y:D4}-12-31"),
        };
    }

    // ---- Durations ----

    private static bool TryDecimal(string s, out bool negative, out decimal value)
    {
        var t = Collapse(s);
        negative = false;
        value = 0;
        if (!Regex.IsMatch(t, @"^[+\-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$", RegexOptions.CultureInvariant))
        {
            return false;
        }
        negative = t[0] == '-';
        return decimal.TryParse(t.TrimStart('+', '-'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private const decimal DaysPerMonth = 30.4375m;

    private static string Duration(bool negative, long years, long months, long days, long hours, string zero)
    {
        var sb = new StringBuilder();
        if (negative && (years | months | days | hours) != 0)
        {
            sb.Append('-');
        }
        sb.Append('P');
        var inv = CultureInfo.InvariantCulture;
        if (years != 0) sb.Append(inv, $"{years}Y");
        if (months != 0) sb.Append(inv, $"{months}M");
        if (days != 0) sb.Append(inv, $"{days}D");
        if (hours != 0) sb.Append(inv, $"T{hours}H");
        return sb.Length <= 2 ? zero : sb.ToString();
    }

    private static long Round(decimal d) => (long)Math.Round(d, MidpointRounding.AwayFromZero);

    private static string? DurYear(string s)
    {
        if (!TryDecimal(s, out var neg, out var v)) return null;
        var years = decimal.Truncate(v);
        var monthsExact = (v - years) * 12m;
        var months = decimal.Truncate(monthsExact);
        var days = Round((monthsExact - months) * DaysPerMonth);
        return Duration(neg, (long)years, (long)months, days, 0, "P0Y");
    }

    private static string? DurMonth(string s)
    {
        if (!TryDecimal(s, out var neg, out var v)) return null;
        var months = decimal.Truncate(v);
        var days = Round((v - months) * DaysPerMonth);
        return Duration(neg, 0, (long)months, days, 0, "P0M");
    }

    private static string? DurWeek(string s)
    {
        if (!TryDecimal(s, out var neg, out var v)) return null;
        return Duration(neg, 0, 0, Round(v * 7m), 0, "P0D");
    }

    private static string? DurDay(string s)
    {
        if (!TryDecimal(s, out var neg, out var v)) return null;
        var days = decimal.Truncate(v);
        return Duration(neg, 0, 0, (long)days, Round((v - days) * 24m), "P0D");
    }

    private static string? DurHour(string s)
    {
        if (!TryDecimal(s, out var neg, out var v)) return null;
        var hours = Round(v);
        return hours == 0 ? "PT0H" : (neg ? "-" : string.Empty) + string.Create(CultureInfo.InvariantCulture, $"PT{hours}H");
    }
}
