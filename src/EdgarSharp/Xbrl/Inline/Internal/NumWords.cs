using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EdgarSharp.Xbrl.Inline.Internal;

/// <summary>English number words of the SEC registry (<c>ixt-sec:numwordsen</c>, <c>ixt-sec:durwordsen</c>).</summary>
internal static class NumWords
{
    private const string Dashes = "-\u058A\u05BE\u2010\u2011\u2012\u2013\u2014\u2015\uFE58\uFE63\uFF0D";
    private static readonly Regex Token = new(@"[A-Za-z]+|[0-9]+|,|[" + Dashes + @"]|[ \u00A0]+|.", RegexOptions.CultureInvariant);

    private static readonly string[] Units =
        ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly (string Word, long Value)[] Scales =
        [("quintillion", 1_000_000_000_000_000_000), ("quadrillion", 1_000_000_000_000_000), ("trillion", 1_000_000_000_000),
         ("billion", 1_000_000_000), ("million", 1_000_000), ("thousand", 1_000)];

    private enum Kind { Word, Number, Comma, Dash, Space }

    private readonly record struct Tok(Kind Kind, string Text);

    private static List<Tok>? Tokenize(string collapsed)
    {
        var list = new List<Tok>();
        foreach (Match m in Token.Matches(collapsed))
        {
            var v = m.Value;
            var c = v[0];
            Kind kind;
            if (char.IsAsciiLetter(c)) kind = Kind.Word;
            else if (char.IsAsciiDigit(c)) kind = Kind.Number;
            else if (c == ',') kind = Kind.Comma;
            else if (Dashes.Contains(c, StringComparison.Ordinal)) kind = Kind.Dash;
            else if (c is ' ' or '\u00A0') kind = Kind.Space;
            else return null;
            list.Add(new Tok(kind, v));
        }
        return list;
    }

    /// <summary>The word, when its first letter may be upper case and the rest is lower case.</summary>
    private static string? Word(Tok t)
    {
        if (t.Kind != Kind.Word)
        {
            return null;
        }
        var rest = t.Text.AsSpan(1);
        foreach (var ch in rest)
        {
            if (!char.IsAsciiLetterLower(ch))
            {
                return null;
            }
        }
        return char.ToLowerInvariant(t.Text[0]) + t.Text[1..];
    }

    private sealed class Cursor(List<Tok> toks, bool dashAsSpace)
    {
        public int Pos;
        public bool End => Pos >= toks.Count;
        public Tok Peek(int ahead = 0) => Pos + ahead < toks.Count ? toks[Pos + ahead] : new Tok(Kind.Space, string.Empty);

        /// <summary>Skips a separator: spaces, or one dash when dashes separate words here.</summary>
        public bool Separator(bool allowDash)
        {
            var start = Pos;
            if (!End && toks[Pos].Kind == Kind.Space)
            {
                Pos++;
                return true;
            }
            if ((allowDash || dashAsSpace) && !End && toks[Pos].Kind == Kind.Dash)
            {
                Pos++;
                return true;
            }
            Pos = start;
            return false;
        }

        public bool DashAsSpace => dashAsSpace;
    }

    private static int IndexOf(string[] words, string? w)
    {
        if (w is null) return -1;
        for (var i = 1; i < words.Length; i++)
        {
            if (words[i] == w) return i;
        }
        return -1;
    }

    /// <summary>Below one hundred: 1-19, or a tens word optionally followed by a dash or space and 1-9.</summary>
    private static int? Below100(Cursor c)
    {
        var w = Word(c.Peek());
        var u = IndexOf(Units, w);
        if (u > 0)
        {
            c.Pos++;
            return u;
        }
        var t = IndexOf(Tens, w);
        if (t < 2)
        {
            return null;
        }
        c.Pos++;
        var save = c.Pos;
        if (c.Separator(allowDash: true))
        {
            var u2 = IndexOf(Units, Word(c.Peek()));
            if (u2 is > 0 and < 10)
            {
                c.Pos++;
                return t * 10 + u2;
            }
        }
        c.Pos = save;
        return t * 10;
    }

    /// <summary>Below one thousand: [1-19 hundred [and] below100] | below100.</summary>
    private static int? Below1000(Cursor c)
    {
        var start = c.Pos;
        var first = Below100(c);
        if (first is null)
        {
            return null;
        }
        var save = c.Pos;
        if (first < 20 && c.Separator(allowDash: false) && Word(c.Peek()) == "hundred")
        {
            c.Pos++;
            var afterHundred = c.Pos;
            if (c.Separator(allowDash: false))
            {
                if (c.Peek().Text == "and")
                {
                    c.Pos++;
                    if (!c.Separator(allowDash: false))
                    {
                        c.Pos = afterHundred;
                        return first * 100;
                    }
                }
                var rest = Below100(c);
                if (rest is not null)
                {
                    return first * 100 + rest;
                }
            }
            c.Pos = afterHundred;
            return first * 100;
        }
        c.Pos = save;
        _ = start;
        return first;
    }

    public static string? Transform(string s)
    {
        var t = Transforms.Collapse(s);
        if (t is "zero" or "Zero" or "no" or "No" or "none" or "None")
        {
            return "0";
        }
        var toks = Tokenize(t);
        if (toks is null || toks.Count == 0)
        {
            return null;
        }
        var c = new Cursor(toks, dashAsSpace: false);
        long total = 0;
        var scaleIndex = 0;
        var any = false;
        while (!c.End)
        {
            if (any)
            {
                // after a scale word: optional comma, separator, optional "and"
                var had = false;
                while (!c.End && (c.Peek().Kind is Kind.Space or Kind.Comma))
                {
                    c.Pos++;
                    had = true;
                }
                if (!had)
                {
                    return null;
                }
                if (c.Peek().Text == "and")
                {
                    c.Pos++;
                    if (!c.Separator(allowDash: false))
                    {
                        return null;
                    }
                }
            }
            var group = Below1000(c);
            if (group is null)
            {
                return null;
            }
            any = true;
            var save = c.Pos;
            if (c.Separator(allowDash: false))
            {
                var w = Word(c.Peek());
                var found = -1;
                for (var i = scaleIndex; i < Scales.Length; i++)
                {
                    if (Scales[i].Word == w)
                    {
                        found = i;
                        break;
                    }
                }
                if (found >= 0)
                {
                    c.Pos++;
                    total += group.Value * Scales[found].Value;
                    scaleIndex = found + 1;
                    continue;
                }
            }
            c.Pos = save;
            total += group.Value;
            if (!c.End)
            {
                return null;
            }
        }
        return total.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Years, months and days in words or numerals: <c>three years, six months and four days</c>.</summary>
    public static string? Duration(string s)
    {
        var t = Transforms.Collapse(s);
        if (t.StartsWith('\u00A0') || t.EndsWith('\u00A0'))
        {
            return null;
        }
        var toks = Tokenize(t);
        if (toks is null || toks.Count == 0)
        {
            return null;
        }
        var c = new Cursor(toks, dashAsSpace: true);
        var values = new long[3];
        var next = 0;
        var any = false;
        string[] unitWords = ["year", "month", "day"];
        while (!c.End)
        {
            if (any)
            {
                var had = false;
                if (c.Peek().Kind == Kind.Comma)
                {
                    c.Pos++;
                    had = true;
                }
                if (c.Separator(allowDash: true))
                {
                    had = true;
                }
                if (!had)
                {
                    return null;
                }
                if (c.Peek().Text == "and")
                {
                    c.Pos++;
                    if (!c.Separator(allowDash: false))
                    {
                        return null;
                    }
                }
                if (c.End)
                {
                    break;
                }
            }
            long value;
            var tok = c.Peek();
            if (tok.Kind == Kind.Number)
            {
                if (tok.Text.Length > 4) return null;
                value = long.Parse(tok.Text, CultureInfo.InvariantCulture);
                c.Pos++;
            }
            else if (Word(tok) is "zero" or "no")
            {
                value = 0;
                c.Pos++;
            }
            else
            {
                var n = Below1000(c);
                if (n is null) return null;
                value = n.Value;
            }
            if (!c.Separator(allowDash: true))
            {
                return null;
            }
            var unit = Word(c.Peek());
            if (unit is null) return null;
            var singular = unit.EndsWith('s') ? unit[..^1] : unit;
            var index = Array.IndexOf(unitWords, singular);
            if (index < next) return null;
            c.Pos++;
            values[index] = value;
            next = index + 1;
            any = true;
        }
        if (!any)
        {
            return null;
        }
        var sb = new StringBuilder("P");
        var inv = CultureInfo.InvariantCulture;
        if (values[0] != 0) sb.Append(inv, $"{values[0]}Y");
        if (values[1] != 0) sb.Append(inv, $"{values[1]}M");
        if (values[2] != 0) sb.Append(inv, $"{values[2]}D");
        return sb.Length == 1 ? "P0D" : sb.ToString();
    }
}
