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

    /// <summary>The local names of the functions of registry <paramref name="ns"/>, sorted.</summary>
    public static IReadOnlyList<string> Names(string ns)
    {
        var names = new List<string>();
        foreach (var (key, _) in Functions)
        {
            if (key.Item1 == ns)
            {
                names.Add(key.Item2);
            }
        }
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    private static Dictionary<(string, string), Func<string, string?>> Build()
    {
        var d = new Dictionary<(string, string), Func<string, string?>>();
        AddTr3(d, InlineTransformRegistry.Tr3);
        AddTr4(d, InlineTransformRegistry.Tr4);
        AddTr4(d, InlineTransformRegistry.Tr5);
        AddTr5(d, InlineTransformRegistry.Tr5);
        AddSec(d, InlineTransformRegistry.Sec);
        return d;
    }

    /// <summary>Transformation Registry 3 (2015-02-26): 31 functions with compact names.</summary>
    private static void AddTr3(Dictionary<(string, string), Func<string, string?>> d, string ns)
    {
        d[(ns, "booleanfalse")] = _ => "false";
        d[(ns, "booleantrue")] = _ => "true";
        d[(ns, "nocontent")] = _ => string.Empty;
        d[(ns, "zerodash")] = ZeroDash;
        d[(ns, "numdotdecimal")] = NumberTransforms.Tr3Grouped('.');
        d[(ns, "numcommadecimal")] = NumberTransforms.Tr3Grouped(',');
        d[(ns, "numdotdecimalin")] = NumberTransforms.IndianDot;
        d[(ns, "numunitdecimal")] = NumberTransforms.Tr3Unit;
        d[(ns, "numunitdecimalin")] = NumberTransforms.IndianUnit;
        d[(ns, "datedaymonth")] = DateTransforms.Numeric("DM");
        d[(ns, "datemonthday")] = DateTransforms.Numeric("MD", trailing: "letters");
        d[(ns, "datedaymonthyear")] = DateTransforms.Numeric("DMY");
        d[(ns, "datemonthdayyear")] = DateTransforms.Numeric("MDY");
        d[(ns, "datemonthyear")] = DateTransforms.Numeric("MY");
        d[(ns, "dateyearmonthday")] = DateTransforms.Numeric("YMD", DateTransforms.Digits.FullWidth, trailing: "text");
        d[(ns, "datedaymonthen")] = DateTransforms.Named("DM", MonthNames.English);
        d[(ns, "datemonthdayen")] = DateTransforms.Named("MD", MonthNames.English);
        d[(ns, "datedaymonthyearen")] = DateTransforms.Named("DMY", MonthNames.English);
        d[(ns, "datemonthdayyearen")] = DateTransforms.Named("MDY", MonthNames.English);
        d[(ns, "datemonthyearen")] = DateTransforms.Named("MY", MonthNames.English);
        d[(ns, "dateyearmonthen")] = DateTransforms.Named("YM", MonthNames.English);
        d[(ns, "datedaymonthdk")] = DateTransforms.Named("DM", MonthNames.Danish);
        d[(ns, "datedaymonthyeardk")] = DateTransforms.Named("DMY", MonthNames.Danish);
        d[(ns, "datemonthyeardk")] = DateTransforms.Named("MY", MonthNames.Danish);
        d[(ns, "datedaymonthyearin")] = DateTransforms.DayMonthYearIndia;
        d[(ns, "datemonthyearin")] = DateTransforms.Named("MY", MonthNames.Hindi, DateTransforms.Digits.Devanagari);
        d[(ns, "calindaymonthyear")] = DateTransforms.SakaDate;
        d[(ns, "dateerayearmonthdayjp")] = DateTransforms.JapaneseEraDate(withDay: true);
        d[(ns, "dateerayearmonthjp")] = DateTransforms.JapaneseEraDate(withDay: false);
        d[(ns, "dateyearmonthdaycjk")] = DateTransforms.CjkDate(withDay: true);
        d[(ns, "dateyearmonthcjk")] = DateTransforms.CjkDate(withDay: false);
    }

    /// <summary>The languages of TR4's month-name functions, by the suffix of the function name.</summary>
    private static (string Suffix, MonthNames Names)[] Tr4Languages =>
    [
        ("bg", MonthNames.Bulgarian), ("cs", MonthNames.Czech), ("da", MonthNames.Danish), ("de", MonthNames.German),
        ("el", MonthNames.Greek), ("en", MonthNames.English), ("es", MonthNames.Spanish), ("et", MonthNames.Estonian),
        ("fi", MonthNames.Finnish), ("fr", MonthNames.French), ("hr", MonthNames.Croatian), ("it", MonthNames.Italian),
        ("nl", MonthNames.Dutch), ("no", MonthNames.Norwegian), ("pl", MonthNames.Polish), ("pt", MonthNames.Portuguese),
        ("ro", MonthNames.Romanian), ("sk", MonthNames.Slovak), ("sl", MonthNames.Slovenian), ("sv", MonthNames.Danish),
    ];

    /// <summary>Transformation Registry 4 (2020-02-12): 95 functions with hyphenated names; TR5 keeps them all.</summary>
    private static void AddTr4(Dictionary<(string, string), Func<string, string?>> d, string ns)
    {
        d[(ns, "fixed-false")] = _ => "false";
        d[(ns, "fixed-true")] = _ => "true";
        d[(ns, "fixed-empty")] = _ => string.Empty;
        d[(ns, "fixed-zero")] = _ => "0";
        d[(ns, "num-dot-decimal")] = NumberTransforms.Tr4Lenient('.', apostrophes: false);
        d[(ns, "num-comma-decimal")] = NumberTransforms.Tr4Lenient(',', apostrophes: false);
        d[(ns, "num-unit-decimal")] = NumberTransforms.Tr4Unit(apostrophes: false);
        d[(ns, "numdotdecimalin")] = NumberTransforms.IndianDotCanonical;

        var devanagari = DateTransforms.Digits.Devanagari;
        var fullWidth = DateTransforms.Digits.FullWidth;
        d[(ns, "date-day-month")] = DateTransforms.Numeric("DM");
        d[(ns, "date-month-day")] = DateTransforms.Numeric("MD", trailing: "letters");
        d[(ns, "date-day-month-year")] = DateTransforms.Numeric("DMY", devanagari);
        d[(ns, "date-month-day-year")] = DateTransforms.Numeric("MDY");
        d[(ns, "date-month-year")] = DateTransforms.Numeric("MY", devanagari);
        d[(ns, "date-year-month")] = DateTransforms.Numeric("YM", fullWidth, trailing: "text");
        d[(ns, "date-year-month-day")] = DateTransforms.Numeric("YMD", fullWidth, trailing: "text");

        foreach (var (suffix, names) in Tr4Languages)
        {
            // Bulgarian and Polish write a word for "year" after it (г., r.).
            var trailingYear = suffix is "bg" or "pl";
            d[(ns, "date-day-monthname-" + suffix)] = DateTransforms.Named("DM", names);
            d[(ns, "date-day-monthname-year-" + suffix)] = DateTransforms.Named("DMY", names, trailingText: trailingYear);
            d[(ns, "date-monthname-year-" + suffix)] = DateTransforms.Named("MY", names, trailingText: trailingYear);
        }
        d[(ns, "date-day-monthname-lv")] = DateTransforms.Named("DM", MonthNames.Latvian);
        d[(ns, "date-year-day-monthname-lv")] = DateTransforms.Named("YDM", MonthNames.Latvian);
        d[(ns, "date-year-monthname-lv")] = DateTransforms.Named("YM", MonthNames.Latvian);
        d[(ns, "date-monthname-day-en")] = DateTransforms.Named("MD", MonthNames.English, trailingText: true);
        d[(ns, "date-monthname-day-year-en")] = DateTransforms.Named("MDY", MonthNames.English);
        d[(ns, "date-year-monthname-en")] = DateTransforms.Named("YM", MonthNames.English);
        d[(ns, "date-monthname-day-hu")] = DateTransforms.Named("MD", MonthNames.Hungarian);
        d[(ns, "date-year-monthname-hu")] = DateTransforms.Named("YM", MonthNames.Hungarian);
        d[(ns, "date-year-monthname-day-hu")] = DateTransforms.Named("YMD", MonthNames.Hungarian);
        d[(ns, "date-monthname-day-lt")] = DateTransforms.Named("MD", MonthNames.Lithuanian, trailingText: true);
        d[(ns, "date-year-monthname-lt")] = DateTransforms.Named("YM", MonthNames.Lithuanian);
        d[(ns, "date-year-monthname-day-lt")] = DateTransforms.Named("YMD", MonthNames.Lithuanian, trailingText: true);
        d[(ns, "date-day-monthroman")] = DateTransforms.Named("DM", MonthNames.Roman);
        d[(ns, "date-day-monthroman-year")] = DateTransforms.Named("DMY", MonthNames.Roman);
        d[(ns, "date-monthroman-year")] = DateTransforms.Named("MY", MonthNames.Roman);
        d[(ns, "date-day-monthname-year-hi")] = DateTransforms.Named("DMY", MonthNames.Hindi, devanagari);
        d[(ns, "date-monthname-year-hi")] = DateTransforms.Named("MY", MonthNames.Hindi, devanagari);
        d[(ns, "date-ind-day-monthname-year-hi")] = DateTransforms.SakaDate;
        d[(ns, "date-jpn-era-year-month-day")] = DateTransforms.JapaneseEraDate(withDay: true);
        d[(ns, "date-jpn-era-year-month")] = DateTransforms.JapaneseEraDate(withDay: false);
    }

    /// <summary>What Transformation Registry 5 (2022-02-16) adds to TR4: Welsh month names and apostrophes as group separators.</summary>
    private static void AddTr5(Dictionary<(string, string), Func<string, string?>> d, string ns)
    {
        d[(ns, "date-day-monthname-cy")] = DateTransforms.Named("DM", MonthNames.Welsh);
        d[(ns, "date-day-monthname-year-cy")] = DateTransforms.Named("DMY", MonthNames.Welsh);
        d[(ns, "date-monthname-year-cy")] = DateTransforms.Named("MY", MonthNames.Welsh);
        d[(ns, "num-dot-decimal-apos")] = NumberTransforms.Tr4Lenient('.', apostrophes: true);
        d[(ns, "num-comma-decimal-apos")] = NumberTransforms.Tr4Lenient(',', apostrophes: true);
        d[(ns, "num-unit-decimal-apos")] = NumberTransforms.Tr4Unit(apostrophes: true);
    }

    /// <summary>The SEC's registry (2015-08-31): all 18 functions.</summary>
    private static void AddSec(Dictionary<(string, string), Func<string, string?>> d, string sec)
    {
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
    }

    /// <summary>XML Schema whitespace collapse: runs of space, tab, CR, LF become one space; ends trimmed.</summary>
    public static string Collapse(string s)
    {
        if (IsCollapsed(s))
        {
            return s;
        }
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

    /// <summary>True when <see cref="Collapse"/> would give <paramref name="s"/> back unchanged (the usual case, without a copy).</summary>
    private static bool IsCollapsed(string s)
    {
        if (s.Length == 0)
        {
            return true;
        }
        if (s[0] == ' ' || s[^1] == ' ' || s.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0)
        {
            return false;
        }
        return !s.Contains("  ", StringComparison.Ordinal);
    }

    private static string? ZeroDash(string s)
    {
        var t = Collapse(s);
        // Exactly one dash: hyphen-minus or one of the Unicode dashes.
        return t.Length == 1 && t[0] is '-' or '\u058A' or '\u05BE' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\uFE58' or '\uFE63' or '\uFF0D'
            ? "0"
            : null;
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
