using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace EdgarSharp.Correspondence.Internal;

/// <summary>One line of a letter as its source lays it out; an empty text is a paragraph break.</summary>
internal readonly record struct SourceLine(string Text, int Page, bool Emphasis)
{
    public bool IsBlank => Text.Length == 0;
}

/// <summary>Turns each source format into <see cref="SourceLine"/>s.</summary>
internal static class LineSources
{
    public static List<SourceLine> FromText(string text)
    {
        var lines = new List<SourceLine>();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n'))
        {
            if (raw.Contains('\f', StringComparison.Ordinal))
            {
                lines.Add(new SourceLine(string.Empty, 0, false));
            }
            var (clean, emphasis) = CleanMarkdown(raw);
            lines.Add(new SourceLine(clean, 0, emphasis));
        }
        return lines;
    }

    /// <summary>Strips markdown emphasis, escapes and heading marks; says whether the line was emphasised.</summary>
    internal static (string Text, bool Emphasis) CleanMarkdown(string raw)
    {
        var s = Collapse(raw);
        if (s.Length == 0)
        {
            return (s, false);
        }
        s = s.TrimStart('#', ' ');
        var bullet = string.Empty;
        if (s.StartsWith("- ", StringComparison.Ordinal) || s.StartsWith("* ", StringComparison.Ordinal) || s.StartsWith("• ", StringComparison.Ordinal))
        {
            bullet = "- ";
            s = s[2..].TrimStart();
        }
        var number = System.Text.RegularExpressions.Regex.Match(s, @"^\d{1,3}\.\s+");
        var prefix = number.Success ? number.Value : string.Empty;
        var rest = s[prefix.Length..];
        var emphasis = rest.StartsWith('*') || rest.StartsWith('_');
        var sb = new StringBuilder(rest.Length);
        for (var i = 0; i < rest.Length; i++)
        {
            var c = rest[i];
            if (c == '\\' && i + 1 < rest.Length && "$*_[]#\\".Contains(rest[i + 1], StringComparison.Ordinal))
            {
                sb.Append(rest[++i]);
            }
            else if (c == '*' && !IsRedactionStar(rest, i))
            {
                continue;
            }
            else
            {
                sb.Append(c);
            }
        }
        return (bullet + prefix + sb.ToString().Trim(), emphasis);
    }

    private static bool IsRedactionStar(string s, int i)
    {
        // Stars inside a bracket ([****]) are a redaction marker, not emphasis.
        var open = s.LastIndexOf('[', i);
        var close = s.IndexOf(']', i);
        return open >= 0 && close > i && s.AsSpan(open + 1, close - open - 1).Trim().TrimStart('*').IsEmpty;
    }

    internal static string Collapse(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var ch in s)
        {
            var c = ch switch { '\uf0b7' or '\uf0a7' or '\uf0d8' or '\uf076' or '\u25cf' or '\u25aa' => '•', '\u00a0' or '\u2002' or '\u2003' or '\u2009' or '\u200b' or '\t' or '\n' or '\r' => ' ', _ => ch };
            if (c == ' ')
            {
                space = sb.Length > 0;
                continue;
            }
            if (char.IsControl(c))
            {
                continue;
            }
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "br", "hr", "center", "blockquote", "pre", "body", "dl", "dt", "dd", "section", "article", "header", "footer", "title",
    };

    public static List<SourceLine> FromHtml(string html)
    {
        // A CORRESP body is often still wrapped in its <DOCUMENT>...<TEXT> envelope.
        var start = html.IndexOf("<TEXT>", StringComparison.OrdinalIgnoreCase);
        if (start >= 0)
        {
            html = html[(start + 6)..];
            var end = html.LastIndexOf("</TEXT>", StringComparison.OrdinalIgnoreCase);
            if (end >= 0)
            {
                html = html[..end];
            }
        }
        var document = new HtmlParser().ParseDocument(html);
        var lines = new List<SourceLine>();
        var current = new StringBuilder();
        var emphasised = 0;
        var plain = 0;
        var page = 1;

        void Flush()
        {
            var text = Collapse(current.ToString());
            current.Clear();
            if (text.Length > 0)
            {
                lines.Add(new SourceLine(text, page, emphasised > 0 && emphasised >= plain * 4));
                lines.Add(new SourceLine(string.Empty, page, false));
            }
            emphasised = 0;
            plain = 0;
        }

        void Walk(INode node, bool emphasis)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText t)
                {
                    current.Append(t.Data);
                    var letters = t.Data.Count(char.IsLetterOrDigit);
                    if (emphasis)
                    {
                        emphasised += letters;
                    }
                    else
                    {
                        plain += letters;
                    }
                }
                else if (child is IElement e)
                {
                    var name = e.LocalName;
                    if (name is "script" or "style" or "head")
                    {
                        continue;
                    }
                    var style = e.GetAttribute("style") ?? string.Empty;
                    if (style.Contains("page-break-before", StringComparison.OrdinalIgnoreCase) || style.Contains("break-before:page", StringComparison.OrdinalIgnoreCase))
                    {
                        Flush();
                        page++;
                    }
                    var emph = emphasis || name is "b" or "strong" or "i" or "em" or "u"
                        || style.Contains("font-weight:bold", StringComparison.OrdinalIgnoreCase)
                        || style.Contains("font-weight: bold", StringComparison.OrdinalIgnoreCase)
                        || style.Contains("font-weight:700", StringComparison.OrdinalIgnoreCase)
                        || style.Contains("font-style:italic", StringComparison.OrdinalIgnoreCase)
                        || style.Contains("font-style: italic", StringComparison.OrdinalIgnoreCase);
                    var block = Blocks.Contains(name);
                    if (name is "td" or "th" || style.Contains("padding-left", StringComparison.OrdinalIgnoreCase) || style.Contains("margin-left", StringComparison.OrdinalIgnoreCase))
                    {
                        current.Append(' ');
                    }
                    if (block)
                    {
                        Flush();
                    }
                    Walk(e, emph);
                    if (block)
                    {
                        Flush();
                    }
                    if (style.Contains("page-break-after", StringComparison.OrdinalIgnoreCase) || style.Contains("break-after:page", StringComparison.OrdinalIgnoreCase))
                    {
                        Flush();
                        page++;
                    }
                }
            }
        }

        if (document.Body is { } body)
        {
            Walk(body, false);
        }
        Flush();
        return lines;
    }

    /// <summary>
    /// The words of each page grouped into lines by baseline, top to bottom; a blank line where the gap to the
    /// next line is well above the page's usual line spacing. Returns the number of pages and how many had words.
    /// </summary>
    public static (List<SourceLine> Lines, int Pages, int PagesWithText) FromPdf(byte[] bytes)
    {
        var lines = new List<SourceLine>();
        using var document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        var withText = 0;
        for (var p = 1; p <= document.NumberOfPages; p++)
        {
            var page = document.GetPage(p);
            var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
            if (words.Count == 0)
            {
                continue;
            }
            withText++;
            var rows = new List<(double Y, double Height, List<Word> Words)>();
            foreach (var w in words.OrderByDescending(w => Baseline(w)).ThenBy(w => w.BoundingBox.Left))
            {
                var y = Baseline(w);
                var h = Math.Max(1, w.BoundingBox.Height);
                if (rows.Count > 0 && Math.Abs(rows[^1].Y - y) <= Math.Max(2.0, rows[^1].Height * 0.4))
                {
                    rows[^1].Words.Add(w);
                }
                else
                {
                    rows.Add((y, h, [w]));
                }
            }
            var gaps = new List<double>();
            for (var i = 1; i < rows.Count; i++)
            {
                gaps.Add(rows[i - 1].Y - rows[i].Y);
            }
            gaps.Sort();
            var usual = gaps.Count == 0 ? 12 : gaps[gaps.Count / 3];
            for (var i = 0; i < rows.Count; i++)
            {
                if (i > 0 && rows[i - 1].Y - rows[i].Y > usual * 1.45)
                {
                    lines.Add(new SourceLine(string.Empty, p, false));
                }
                var ordered = rows[i].Words.OrderBy(w => w.BoundingBox.Left).ToList();
                var sb = new StringBuilder();
                for (var k = 0; k < ordered.Count; k++)
                {
                    if (k > 0)
                    {
                        sb.Append(' ');
                    }
                    sb.Append(ordered[k].Text);
                }
                var bold = ordered.Count > 0 && ordered.All(w => FontIsEmphasis(w));
                lines.Add(new SourceLine(Collapse(sb.ToString()), p, bold));
            }
            lines.Add(new SourceLine(string.Empty, p, false));
        }
        return (lines, document.NumberOfPages, withText);
    }

    private static double Baseline(Word w) => w.Letters.Count > 0 ? w.Letters[0].StartBaseLine.Y : w.BoundingBox.Bottom;

    private static bool FontIsEmphasis(Word w)
    {
        var name = w.FontName ?? string.Empty;
        return name.Contains("Bold", StringComparison.OrdinalIgnoreCase) || name.Contains("Italic", StringComparison.OrdinalIgnoreCase);
    }

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
