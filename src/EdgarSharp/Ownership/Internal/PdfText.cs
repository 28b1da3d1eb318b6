using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace EdgarSharp.Ownership.Internal;

/// <summary>
/// Lays out the words of a PDF rendering as lines of text with a tab between cells: words are grouped into lines
/// by baseline (a word a little below the line, such as the wrapped end of a number in a narrow column, joins it),
/// ordered left to right, and a tab is written wherever the gap between two words is wider than a space or the next
/// word starts left of the previous one's end. This is the shape the text reader reads.
/// </summary>
internal static class PdfText
{
    public static string Extract(byte[] pdf)
    {
        var sb = new StringBuilder();
        using var document = PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
            foreach (var line in Lines(words))
            {
                sb.Append(line).Append('\n');
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static IEnumerable<string> Lines(List<Word> words)
    {
        var ordered = words.OrderByDescending(w => w.BoundingBox.Bottom).ToList();
        var lines = new List<(double Y, List<Word> Words)>();
        foreach (var w in ordered)
        {
            var height = Math.Max(2.0, w.BoundingBox.Height);
            var y = w.BoundingBox.Bottom;
            if (lines.Count > 0 && lines[^1].Y - y <= Math.Max(3.5, height * 0.6))
            {
                lines[^1].Words.Add(w);
            }
            else
            {
                lines.Add((y, [w]));
            }
        }
        foreach (var (_, lineWords) in lines)
        {
            var sorted = lineWords.OrderBy(w => Math.Round(w.BoundingBox.Left, 1)).ThenByDescending(w => w.BoundingBox.Bottom).ToList();
            var sb = new StringBuilder();
            Word? previous = null;
            foreach (var w in sorted)
            {
                if (previous is not null)
                {
                    var gap = w.BoundingBox.Left - previous.BoundingBox.Right;
                    var space = Math.Max(1.0, previous.BoundingBox.Width / Math.Max(1, previous.Text.Length)) * 1.2;
                    sb.Append(gap > space || gap < -0.5 || Math.Abs(w.BoundingBox.Bottom - previous.BoundingBox.Bottom) > 1.0 ? '\t' : ' ');
                }
                sb.Append(w.Text);
                previous = w;
            }
            yield return sb.ToString();
        }
    }
}
