namespace EdgarSharp.Storage;

/// <summary>A letter of a thread.</summary>
public sealed record ThreadLetter(string FilingId, string Kind, string Side, string? Date, string? Answers, int Comments, int Commitments);

/// <summary>
/// A staff comment of a thread with the company's response when one is stored: <paramref name="Open"/> when the
/// staff asked and no stored response answers it and no later letter closed the review.
/// </summary>
public sealed record ThreadComment(
    int Number,
    string? Heading,
    string Text,
    string? StaffLetter,
    string? StaffDate,
    string? ResponseLetter,
    string? ResponseDate,
    string? Response,
    bool Open);

/// <summary>A commitment of a thread with the response letter it was made in.</summary>
public sealed record ThreadCommitment(string FilingId, string? Date, CommitmentRecord Commitment);

/// <summary>
/// One review: the letters of a file number (else of the company) in date order, their comments paired with the
/// responses, the commitments made, and whether the review is closed (a <c>review-complete</c> letter).
/// </summary>
public sealed record CommentThread(
    string? FileNumber,
    string Status,
    string? Opened,
    string? Closed,
    IReadOnlyList<ThreadLetter> Letters,
    IReadOnlyList<ThreadComment> Comments,
    IReadOnlyList<ThreadCommitment> Commitments)
{
    /// <summary>The comments still open.</summary>
    public IEnumerable<ThreadComment> OpenComments => Comments.Where(c => c.Open);
}

/// <summary>Comment-letter threads built from the letters in the store.</summary>
public static class CommentThreads
{
    /// <summary>
    /// The threads of <paramref name="filings"/> (a company's filings; those without a letter are ignored): letters
    /// grouped by file number, in date order. A response answers the staff letter of the date it names, else the latest
    /// staff letter before it; its comments pair with that letter's by number. A review-complete letter closes the thread.
    /// </summary>
    public static IReadOnlyList<CommentThread> Build(IEnumerable<FilingRecord> filings)
    {
        ArgumentNullException.ThrowIfNull(filings);
        var threads = new List<CommentThread>();
        var letters = filings.Where(f => f.Letter is not null).ToList();
        foreach (var group in letters.GroupBy(f => f.Letter!.FileNumber ?? string.Empty).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(f => f.Letter!.Date ?? f.FilingDate ?? string.Empty, StringComparer.Ordinal).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
            var comments = new List<ThreadComment>();
            var closedBy = ordered.LastOrDefault(f => f.Letter!.Kind == "review-complete");
            var closed = closedBy?.Letter!.Date ?? closedBy?.FilingDate;
            foreach (var staff in ordered.Where(f => f.Letter!.Side == "staff"))
            {
                var date = staff.Letter!.Date;
                foreach (var c in staff.Letter.Comments)
                {
                    var answer = ordered.Where(f => f.Letter!.Side == "company" && Answers(f, staff, ordered))
                        .Select(f => (Filing: f, Comment: f.Letter!.Comments.FirstOrDefault(x => x.Number == c.Number)))
                        .FirstOrDefault(x => x.Comment?.Response is not null);
                    var isClosed = closed is not null && string.CompareOrdinal(closed, date ?? string.Empty) >= 0;
                    comments.Add(new ThreadComment(c.Number, c.Heading, c.Text, staff.Id, date, answer.Filing?.Id, answer.Filing?.Letter!.Date,
                        answer.Comment?.Response, answer.Filing is null && !isClosed));
                }
            }
            // Responses to staff letters not in the store: their comments as the company quotes them, answered.
            foreach (var response in ordered.Where(f => f.Letter!.Side == "company" && !ordered.Any(s => s.Letter!.Side == "staff" && Answers(f, s, ordered))))
            {
                foreach (var c in response.Letter!.Comments)
                {
                    comments.Add(new ThreadComment(c.Number, c.Heading, c.Text, null, response.Letter.Answers, response.Id, response.Letter.Date,
                        c.Response, false));
                }
            }
            var commitments = ordered.Where(f => f.Letter!.Side == "company")
                .SelectMany(f => f.Letter!.Commitments.Select(c => new ThreadCommitment(f.Id, f.Letter.Date, c))).ToList();
            threads.Add(new CommentThread(
                group.Key.Length == 0 ? null : group.Key,
                closed is null ? "open" : "closed",
                ordered[0].Letter!.Date ?? ordered[0].FilingDate,
                closed,
                ordered.Select(f => new ThreadLetter(f.Id, f.Letter!.Kind, f.Letter.Side, f.Letter.Date, f.Letter.Answers, f.Letter.Comments.Count,
                    f.Letter.Commitments.Count)).ToList(),
                comments,
                commitments));
        }
        return threads;
    }

    /// <summary>Whether <paramref name="response"/> answers <paramref name="staff"/>: the date it names, else the latest staff letter before it.</summary>
    private static bool Answers(FilingRecord response, FilingRecord staff, IReadOnlyList<FilingRecord> thread)
    {
        var answers = response.Letter!.Answers;
        if (answers is not null)
        {
            return string.Equals(answers, staff.Letter!.Date, StringComparison.Ordinal);
        }
        var date = response.Letter.Date ?? string.Empty;
        var before = thread.Where(f => f.Letter!.Side == "staff" && string.CompareOrdinal(f.Letter.Date ?? string.Empty, date) <= 0).LastOrDefault();
        return ReferenceEquals(before, staff);
    }
}
