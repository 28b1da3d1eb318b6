using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgarSharp.Xbrl.Inline.Internal;

/// <summary>
/// The date functions of Transformation Registries 3 to 5. A date is read as numbers (ASCII, or the full-width
/// or Devanagari digits some functions allow) separated by text; the month is a number or a month name of the
/// function's language. Days are one or two digits, years one, two or four (a short year is in 2000-2099);
/// the result is an <c>xs:date</c>, <c>xs:gMonthDay</c> (29 February allowed) or <c>xs:gYearMonth</c>, and a
/// date that does not exist is invalid. Each function returns null when its input is invalid.
/// </summary>
internal static class DateTransforms
{
    /// <summary>Which digits besides ASCII a function reads.</summary>
    [Flags]
    public enum Digits
    {
        Ascii = 0,
        FullWidth = 1,
        Devanagari = 2,
    }

    /// <summary>
    /// A date of numbers only, in the order of <paramref name="order"/> (<c>D</c>, <c>M</c>, <c>Y</c>), separated
    /// by any text that holds no digit. <paramref name="trailing"/> says what may follow the last number: nothing
    /// (null), letters only (<c>"letters"</c>) or any text without digits (<c>"text"</c>).
    /// </summary>
    public static Func<string, string?> Numeric(string order, Digits digits = Digits.Ascii, string? trailing = null) => s =>
    {
        var t = Normalise(s, digits);
        if (!Split(t, out var numbers, out var gaps) || numbers.Count != order.Length || gaps[0].Length != 0)
        {
            return null;
        }
        var last = gaps[^1];
        var trailingOk = last.Length == 0 || trailing switch
        {
            "letters" => last.All(char.IsAsciiLetter),
            "text" => true,
            _ => false,
        };
        if (!trailingOk)
        {
            return null;
        }
        int day = 0, month = 0;
        string? year = null;
        for (var i = 0; i < order.Length; i++)
        {
            var n = numbers[i];
            switch (order[i])
            {
                case 'D' when n.Length <= 2:
                    day = int.Parse(n, CultureInfo.InvariantCulture);
                    break;
                case 'M' when n.Length <= 2:
                    month = int.Parse(n, CultureInfo.InvariantCulture);
                    break;
                case 'Y' when n.Length is 1 or 2 or 4:
                    year = n;
                    break;
                default:
                    return null;
            }
        }
        return Compose(order.Contains('D', StringComparison.Ordinal) ? day : -1, month, year);
    };

    /// <summary>
    /// A date with its month named in <paramref name="names"/>, in the order of <paramref name="order"/>. The month
    /// word stands where its letter stands among the numbers: first, it opens the text; between two numbers or
    /// last, it is the first word of the text there that names a month. Text may follow the last number when
    /// <paramref name="trailingText"/> says so (Bulgarian "г.", Polish "r.", Lithuanian "d.").
    /// </summary>
    public static Func<string, string?> Named(string order, MonthNames names, Digits digits = Digits.Ascii, bool trailingText = false) => s =>
        TryNamed(Normalise(s, digits), order, names, trailingText, out var day, out var month, out var year)
            ? Compose(order.Contains('D', StringComparison.Ordinal) ? day : -1, month, year)
            : null;

    /// <summary>Reads a date with a month name; day is 0 and year null when <paramref name="order"/> has none.</summary>
    public static bool TryNamed(string t, string order, MonthNames names, bool trailingText, out int day, out int month, out string? year)
    {
        day = 0;
        month = 0;
        year = null;
        var monthAt = order.IndexOf('M', StringComparison.Ordinal);
        if (!Split(t, out var numbers, out var gaps) || numbers.Count != order.Length - 1)
        {
            return false;
        }
        // Text before the first number only when the month opens the date; after the last only when the month
        // closes it or the function allows it.
        if ((monthAt != 0 && gaps[0].Length != 0) || (monthAt != numbers.Count && !trailingText && gaps[^1].Length != 0))
        {
            return false;
        }
        month = FindMonth(gaps[monthAt], names, opening: monthAt == 0, closing: monthAt == numbers.Count);
        if (month == 0)
        {
            return false;
        }
        var k = 0;
        foreach (var part in order)
        {
            if (part == 'M')
            {
                continue;
            }
            var n = numbers[k++];
            if (part == 'D')
            {
                if (n.Length > 2)
                {
                    return false;
                }
                day = int.Parse(n, CultureInfo.InvariantCulture);
            }
            else
            {
                if (n.Length is not (1 or 2 or 4))
                {
                    return false;
                }
                year = n;
            }
        }
        return true;
    }

    /// <summary>
    /// The month named in <paramref name="gap"/>: its first word when it opens the date, otherwise the first
    /// word that names a month, which must not touch a digit on either side.
    /// </summary>
    private static int FindMonth(string gap, MonthNames names, bool opening, bool closing)
    {
        var i = 0;
        while (i < gap.Length)
        {
            if (!IsWordChar(gap[i]))
            {
                if (opening)
                {
                    return 0;
                }
                i++;
                continue;
            }
            var start = i;
            while (i < gap.Length && IsWordChar(gap[i]))
            {
                i++;
            }
            var month = names.Match(gap.AsSpan(start, i - start));
            if (month != 0)
            {
                var separatedBefore = opening || start > 0;
                var separatedAfter = closing || i < gap.Length;
                return separatedBefore && separatedAfter ? month : 0;
            }
            if (opening)
            {
                return 0;
            }
        }
        return 0;
    }

    private static bool IsWordChar(char c) => char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>
    /// Splits <paramref name="t"/> into its runs of ASCII digits and the text around them: <paramref name="gaps"/>
    /// has one more entry than <paramref name="numbers"/> (before the first number, between, after the last).
    /// </summary>
    private static bool Split(string t, out List<string> numbers, out List<string> gaps)
    {
        numbers = new List<string>(3);
        gaps = new List<string>(4);
        var i = 0;
        var gapStart = 0;
        while (i < t.Length)
        {
            if (!char.IsAsciiDigit(t[i]))
            {
                i++;
                continue;
            }
            gaps.Add(t[gapStart..i]);
            var start = i;
            while (i < t.Length && char.IsAsciiDigit(t[i]))
            {
                i++;
            }
            numbers.Add(t[start..i]);
            gapStart = i;
            if (numbers.Count > 4)
            {
                return false;
            }
        }
        gaps.Add(t[gapStart..]);
        return t.Length > 0;
    }

    /// <summary>XML whitespace collapsed, full-width and Devanagari digits as ASCII when the function reads them.</summary>
    public static string Normalise(string s, Digits digits)
    {
        var t = Transforms.Collapse(s);
        if (digits == Digits.Ascii)
        {
            return t;
        }
        return string.Create(t.Length, (t, digits), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = state.t[i];
                if ((state.digits & Digits.FullWidth) != 0 && c is >= '\uFF10' and <= '\uFF19')
                {
                    c = (char)('0' + (c - '\uFF10'));
                }
                else if ((state.digits & Digits.Devanagari) != 0 && c is >= '\u0966' and <= '\u096F')
                {
                    c = (char)('0' + (c - '\u0966'));
                }
                span[i] = c;
            }
        });
    }

    /// <summary>
    /// The lexical date: <c>xs:date</c> with day and year, <c>xs:gMonthDay</c> without year (29 February allowed),
    /// <c>xs:gYearMonth</c> when <paramref name="day"/> is -1; null for a date that does not exist.
    /// </summary>
    public static string? Compose(int day, int month, string? yearText)
    {
        if (month is < 1 or > 12)
        {
            return null;
        }
        var year = 0;
        if (yearText is not null)
        {
            year = int.Parse(yearText, CultureInfo.InvariantCulture) + (yearText.Length < 4 ? 2000 : 0);
            if (year < 1)
            {
                return null;
            }
        }
        var inv = CultureInfo.InvariantCulture;
        if (day == -1)
        {
            return yearText is null ? null : string.Create(inv, $"{year:D4}-{month:D2}");
        }
        var max = yearText is null ? (month == 2 ? 29 : DateTime.DaysInMonth(2001, month)) : DateTime.DaysInMonth(year, month);
        if (day < 1 || day > max)
        {
            return null;
        }
        return yearText is null ? string.Create(inv, $"--{month:D2}-{day:D2}") : string.Create(inv, $"{year:D4}-{month:D2}-{day:D2}");
    }

    // ---- Japanese and Chinese/Japanese/Korean forms ----

    private static readonly Regex JapaneseEra = new(
        @"^(明治|明|大正|大|昭和|昭|平成|平|令和|令)\s*([0-9]{1,2}|元)\s*年\s*([0-9]{1,2})\s*月(?:\s*([0-9]{1,2})\s*日)?$",
        RegexOptions.CultureInvariant);

    private static readonly Regex YearMonthDayCjk = new(
        @"^([0-9]{1,2}|[0-9]{4})\s*年\s*([0-9]{1,2})\s*月(?:\s*([0-9]{1,2})\s*日)?$", RegexOptions.CultureInvariant);

    /// <summary>The year before the first year of a Japanese era (Meiji 1 is 1868, Reiwa 1 is 2019).</summary>
    private static int EraBase(string era) => era switch
    {
        "明治" or "明" => 1867,
        "大正" or "大" => 1911,
        "昭和" or "昭" => 1925,
        "平成" or "平" => 1988,
        _ => 2018,
    };

    /// <summary>Japanese era dates (<c>令和6年3月31日</c>, <c>平成元年1月</c>); <paramref name="withDay"/> chooses date or year and month.</summary>
    public static Func<string, string?> JapaneseEraDate(bool withDay) => s =>
    {
        var t = Normalise(s.Replace('\u3000', ' '), Digits.FullWidth);
        var m = JapaneseEra.Match(t);
        if (!m.Success || m.Groups[4].Success != withDay)
        {
            return null;
        }
        var yearInEra = m.Groups[2].Value == "元" ? 1 : int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (yearInEra < 1)
        {
            return null;
        }
        var year = (EraBase(m.Groups[1].Value) + yearInEra).ToString(CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        return withDay ? Compose(int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture), month, year) : Compose(-1, month, year);
    };

    /// <summary>Year, month and day with the CJK characters 年, 月, 日 (TR3's <c>dateyearmonthdaycjk</c>, <c>dateyearmonthcjk</c>).</summary>
    public static Func<string, string?> CjkDate(bool withDay) => s =>
    {
        var t = Normalise(s.Replace('\u3000', ' '), Digits.FullWidth);
        var m = YearMonthDayCjk.Match(t);
        if (!m.Success || m.Groups[3].Success != withDay)
        {
            return null;
        }
        var month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        return withDay ? Compose(int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture), month, m.Groups[1].Value) : Compose(-1, month, m.Groups[1].Value);
    };

    // ---- Hindi and the Indian national calendar ----

    /// <summary>
    /// TR3's <c>datedaymonthyearin</c>: day, month (a Hindi month name or a number) and year, in ASCII or
    /// Devanagari digits.
    /// </summary>
    public static string? DayMonthYearIndia(string s)
    {
        var t = Normalise(s, Digits.Devanagari);
        return Numeric("DMY", Digits.Devanagari)(t) ?? Named("DMY", MonthNames.Hindi, Digits.Devanagari)(t);
    }

    /// <summary>
    /// A date of the Indian national (Saka) calendar, day, month name and year, as its Gregorian date. A two-digit
    /// Saka year is in 1900-1999 of the Saka era when above 21 (and for 21 from its 11th month day 11), otherwise in 2000-2099.
    /// </summary>
    public static string? SakaDate(string s)
    {
        var t = Normalise(s, Digits.Devanagari);
        if (!TryNamed(t, "DMY", MonthNames.Saka, trailingText: false, out var day, out var month, out var yearText) || yearText!.Length is not (2 or 4))
        {
            return null;
        }
        var sakaYear = int.Parse(yearText, CultureInfo.InvariantCulture);
        if (yearText.Length == 2)
        {
            sakaYear += sakaYear > 21 || (sakaYear == 21 && month >= 10 && day >= 11) ? 1900 : 2000;
        }
        var gregorianYear = sakaYear + 78;
        var leap = DateTime.IsLeapYear(gregorianYear);
        // Chaitra has 30 days (31 when the Saka year begins in a Gregorian leap year), the next five 31, the last six 30.
        var offset = 0;
        for (var m = 1; m <= month; m++)
        {
            var length = m == 1 ? (leap ? 31 : 30) : m <= 6 ? 31 : 30;
            if (m == month)
            {
                if (day < 1 || day > length)
                {
                    return null;
                }
                offset += day - 1;
            }
            else
            {
                offset += length;
            }
        }
        var date = new DateOnly(gregorianYear, 3, leap ? 21 : 22).AddDays(offset);
        return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
