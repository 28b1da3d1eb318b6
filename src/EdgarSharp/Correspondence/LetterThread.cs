using System.Text;

namespace EdgarSharp.Correspondence;

/// <summary>Token similarity of two texts: the Dice coefficient of their sets of lower-cased words and numbers.</summary>
public static class TokenSimilarity
{
    /// <summary>2|A∩B| / (|A|+|B|) over word sets; 1 for two texts of the same words, 0 when either is empty.</summary>
    public static double Dice(string? a, string? b)
    {
        var x = Tokens(a);
        var y = Tokens(b);
        if (x.Count == 0 || y.Count == 0)
        {
            return 0;
        }
        var common = x.Count(y.Contains);
        return 2.0 * common / (x.Count + y.Count);
    }

    /// <summary>The lower-cased words and numbers of a text.</summary>
    public static HashSet<string> Tokens(string? text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(text))
        {
            return set;
        }
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (sb.Length > 0)
            {
                set.Add(sb.ToString());
                sb.Clear();
            }
        }
        if (sb.Length > 0)
        {
            set.Add(sb.ToString());
        }
        return set;
    }
}

/// <summary>How one comment of a response was matched to the staff letter it answers.</summary>
/// <param name="Response">The index in <see cref="LetterThread.Letters"/> of the response.</param>
/// <param name="Number">The comment number in the response.</param>
/// <param name="StaffLetter">The index of the staff letter answered, or null when none was found.</param>
/// <param name="Similarity">Token similarity of the quoted comment and the staff's comment of that number (0 when absent).</param>
/// <param name="Paired">True when the number exists in the staff letter and the similarity is at least <see cref="LetterThreads.PairingThreshold"/>.</param>
public sealed record CommentPairing(int Response, int Number, int? StaffLetter, double Similarity, bool Paired);

/// <summary>
/// One review: a company's letters about one file number (or one thread folder), in date order, with each response's
/// comments matched to the staff letter it answers.
/// </summary>
/// <param name="Id">The thread's id: the folder name, else the file number, else the company.</param>
/// <param name="Company">The company, from the first letter that names one.</param>
/// <param name="FileNumber">The file number, from the first letter that gives one.</param>
/// <param name="Letters">The letters in date order (undated ones last, by path).</param>
/// <param name="Pairings">Every response comment with its match.</param>
/// <param name="IsClosed">True when a review-complete letter was published.</param>
/// <param name="Opened">The date of the first letter.</param>
/// <param name="Closed">The date of the review-complete letter.</param>
/// <param name="DaysToClose">Days from <paramref name="Opened"/> to <paramref name="Closed"/>, or null while open.</param>
public sealed record LetterThread(
    string Id,
    string? Company,
    string? FileNumber,
    IReadOnlyList<Letter> Letters,
    IReadOnlyList<CommentPairing> Pairings,
    bool IsClosed,
    DateOnly? Opened,
    DateOnly? Closed,
    int? DaysToClose);

/// <summary>
/// Groups letters into threads and reads thread folders. <see cref="Build(string, IEnumerable{Letter})"/> never
/// throws; <see cref="ReadFolder"/> reads every letter file under a folder (<c>*.htm</c>, <c>*.html</c>,
/// <c>*.pdf</c>, <c>*.txt</c>, <c>*.md</c>; an <c>extracted_text</c> folder is skipped: its line breaks are collapsed).
/// </summary>
public static class LetterThreads
{
    /// <summary>The token similarity at or above which a quoted comment matches the staff's: 0.8.</summary>
    public const double PairingThreshold = 0.8;

    private static readonly string[] Extensions = [".htm", ".html", ".pdf", ".txt", ".md"];

    /// <summary>The letter files under a folder, skipping <c>extracted_text</c> and JSON.</summary>
    public static IReadOnlyList<string> LetterFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Contains("extracted_text", StringComparer.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Reads a folder: one thread when it holds a <c>metadata.json</c> or no sub-folder that does; else one thread per
    /// sub-folder holding a <c>metadata.json</c>, in name order.
    /// </summary>
    public static IReadOnlyList<LetterThread> ReadFolder(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!File.Exists(Path.Combine(folder, "metadata.json")))
        {
            var subs = Directory.EnumerateFiles(folder, "metadata.json", SearchOption.AllDirectories).Select(Path.GetDirectoryName).Order(StringComparer.Ordinal).ToList();
            if (subs.Count > 0)
            {
                return subs.Select(s => ReadThread(s!)).ToList();
            }
            return Group(LetterFiles(folder).Select(LetterReader.ReadFile));
        }
        return [ReadThread(folder)];
    }

    /// <summary>Reads every letter under one folder as one thread named after the folder.</summary>
    public static LetterThread ReadThread(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return Build(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), LetterFiles(folder).Select(LetterReader.ReadFile));
    }

    /// <summary>Groups letters by file number (else company) and review: a review-complete letter ends a review.</summary>
    public static IReadOnlyList<LetterThread> Group(IEnumerable<Letter> letters)
    {
        ArgumentNullException.ThrowIfNull(letters);
        var result = new List<LetterThread>();
        foreach (var group in Order(letters).GroupBy(l => l.FileNumber ?? l.Company ?? "unknown", StringComparer.OrdinalIgnoreCase))
        {
            var review = new List<Letter>();
            var n = 1;
            foreach (var letter in group)
            {
                review.Add(letter);
                if (letter.Kind == LetterKind.ReviewComplete)
                {
                    result.Add(Build($"{group.Key}#{n++}", review));
                    review = [];
                }
            }
            if (review.Count > 0)
            {
                result.Add(Build(n == 1 ? group.Key : $"{group.Key}#{n}", review));
            }
        }
        return result;
    }

    private static List<Letter> Order(IEnumerable<Letter> letters) =>
        letters.OrderBy(l => l.Date ?? DateOnly.MaxValue).ThenBy(l => l.Side == LetterSide.Staff ? 0 : 1).ThenBy(l => l.Document, StringComparer.Ordinal).ToList();

    /// <summary>Builds one thread from its letters: orders them, pairs each response's comments, decides open or closed.</summary>
    public static LetterThread Build(string id, IEnumerable<Letter> letters)
    {
        ArgumentNullException.ThrowIfNull(letters);
        var ordered = Order(letters);
        var pairings = new List<CommentPairing>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var response = ordered[i];
            if (response.Kind != LetterKind.CompanyResponse || response.Comments.Count == 0)
            {
                continue;
            }
            var staff = StaffLetterAnswered(ordered, i);
            foreach (var c in response.Comments)
            {
                var original = staff is { } s ? ordered[s].Comments.FirstOrDefault(x => x.Number == c.Number) : null;
                var similarity = original is null ? 0 : Similarity(c.Text, original.Text);
                pairings.Add(new CommentPairing(i, c.Number, staff, Math.Round(similarity, 3), original is not null && similarity >= PairingThreshold));
            }
        }
        var opened = ordered.Select(l => l.Date).FirstOrDefault(d => d is not null);
        var closing = ordered.LastOrDefault(l => l.Kind == LetterKind.ReviewComplete);
        var closed = closing?.Date;
        return new LetterThread(
            id,
            ordered.Select(l => l.Company).FirstOrDefault(c => c is not null),
            ordered.Select(l => l.FileNumber).FirstOrDefault(c => c is not null),
            ordered,
            pairings,
            closing is not null,
            opened,
            closed,
            opened is { } o && closed is { } c2 ? c2.DayNumber - o.DayNumber : null);
    }

    /// <summary>
    /// Similarity of a quoted comment and the staff's: the Dice coefficient of their word sets, or, when the company
    /// quoted only part of the comment, the share of the quote's words found in the staff's comment.
    /// </summary>
    public static double Similarity(string quoted, string original)
    {
        var dice = TokenSimilarity.Dice(quoted, original);
        var q = TokenSimilarity.Tokens(quoted);
        var o = TokenSimilarity.Tokens(original);
        if (q.Count < 8 || o.Count == 0)
        {
            return dice;
        }
        var containment = (double)q.Count(o.Contains) / q.Count;
        // A quote of at least half the comment that is all the staff's words counts as the comment.
        return q.Count * 2 >= o.Count ? Math.Max(dice, containment) : dice;
    }

    private static int? StaffLetterAnswered(List<Letter> letters, int response)
    {
        var answers = letters[response].Answers;
        int? latest = null;
        for (var j = response - 1; j >= 0; j--)
        {
            if (letters[j].Side != LetterSide.Staff || letters[j].Comments.Count == 0)
            {
                continue;
            }
            if (answers is not null && letters[j].Date == answers)
            {
                return j;
            }
            latest ??= j;
        }
        if (answers is not null)
        {
            for (var j = 0; j < letters.Count; j++)
            {
                if (j != response && letters[j].Side == LetterSide.Staff && letters[j].Date == answers && letters[j].Comments.Count > 0)
                {
                    return j;
                }
            }
        }
        return latest;
    }
}
