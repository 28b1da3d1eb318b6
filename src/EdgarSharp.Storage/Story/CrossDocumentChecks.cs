using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgarSharp.Storage;

/// <summary>
/// The holdings check across two Forms 3/4/5 of one owner and issuer, for one position (table, security title,
/// direct or indirect, nature of ownership): what the earlier form says the owner held after its last row of the
/// position, and what the later form implies the owner held before its first (the shares owned after the first
/// transaction, less the shares acquired or plus the shares disposed of; a holding row's amount as it is).
/// </summary>
/// <c>Severity</c> is <c>error</c> for a break, <c>ok</c> when the two agree; <c>Code</c> is
/// <c>edgar:store-holdings-break</c> or <c>edgar:store-holdings-continuous</c>.
public sealed record HoldingsFinding(
    string Severity,
    string Code,
    string? OwnerCik,
    string? OwnerName,
    string Position,
    string EarlierFiling,
    string? EarlierDate,
    decimal HeldAfter,
    string LaterFiling,
    string? LaterDate,
    decimal ImpliedBefore,
    string Message)
{
    /// <summary>The shares unaccounted for between the two forms (before the later one less after the earlier one).</summary>
    public decimal Difference => ImpliedBefore - HeldAfter;
}

/// <summary>
/// A commitment made in a response letter checked against one later filing of the company in the store: <c>kept</c>
/// when the filing's XBRL text blocks hold the commitment's key terms (at least three in five of them, found by
/// full-text search), <c>not-kept</c> when they do not, <c>not-checkable</c> when the filing has no text in the store,
/// and <c>no-later-filing</c> (with no filing) when the store holds no later filing of the promised form and period.
/// </summary>
public sealed record CommitmentFinding(
    string Status,
    string LetterFiling,
    string? LetterDate,
    int Seq,
    int? Comment,
    string Commitment,
    IReadOnlyList<string> PromisedForms,
    string? PromisedPeriod,
    string? CheckedFiling,
    string? CheckedForm,
    string? CheckedPeriod,
    IReadOnlyList<string> Terms,
    IReadOnlyList<string> Found,
    string Message);

/// <summary>Checks across documents that no single reader can make: holdings between Forms 4, commitments against later filings.</summary>
public static partial class CrossDocumentChecks
{
    /// <summary>The code of a holdings break between two forms.</summary>
    public const string HoldingsBreak = "edgar:store-holdings-break";

    /// <summary>The code of two forms whose holdings agree.</summary>
    public const string HoldingsContinuous = "edgar:store-holdings-continuous";

    /// <summary>
    /// The holdings check over <paramref name="filings"/> (a company's filings; amendments should have replaced their
    /// originals, as <see cref="IEdgarStore.FilingListings"/> marks): for each owner and issuer, forms in order of
    /// period; each position of a form compared with the latest earlier form of the same owner that reports it.
    /// </summary>
    public static IReadOnlyList<HoldingsFinding> Holdings(IEnumerable<FilingRecord> filings)
    {
        ArgumentNullException.ThrowIfNull(filings);
        var findings = new List<HoldingsFinding>();
        var reports = filings.Where(f => f.Insider is { Rows.Count: > 0 }).ToList();
        foreach (var owner in reports.GroupBy(f => (Issuer: InsiderTotals.Cik(f.Insider!.IssuerCik) ?? f.Company?.Cik.ToString(CultureInfo.InvariantCulture),
                     Owner: InsiderTotals.Cik(f.Insider.OwnerCik) ?? f.Insider.OwnerName)))
        {
            var ordered = owner.OrderBy(f => f.Insider!.PeriodOfReport ?? f.PeriodOfReport ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(f => f.FilingDate ?? string.Empty, StringComparer.Ordinal).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
            var heldAfter = new Dictionary<string, (FilingRecord Filing, decimal Amount)>(StringComparer.Ordinal);
            foreach (var filing in ordered)
            {
                var rows = filing.Insider!.Rows.Where(r => r.SharesFollowing is not null).ToList();
                foreach (var position in rows.GroupBy(Position))
                {
                    var first = position.First();
                    decimal? before = first.IsHolding ? first.SharesFollowing
                        : first.Shares is { } shares ? first.AcquiredDisposed switch
                        {
                            "A" => first.SharesFollowing - shares,
                            "D" => first.SharesFollowing + shares,
                            _ => null,
                        } : null;
                    if (before is { } implied && heldAfter.TryGetValue(position.Key, out var earlier))
                    {
                        var ok = implied == earlier.Amount;
                        var difference = implied - earlier.Amount;
                        var message = ok
                            ? string.Create(CultureInfo.InvariantCulture,
                                $"{position.Key}: the {Amount(earlier.Amount)} held after {Describe(earlier.Filing)} are the holdings {Describe(filing)} starts from.")
                            : string.Create(CultureInfo.InvariantCulture,
                                $"{position.Key}: {Describe(earlier.Filing)} leaves the owner with {Amount(earlier.Amount)}, but {Describe(filing)} starts from {Amount(implied)}: {Amount(Math.Abs(difference))} {(difference < 0 ? "fewer" : "more")} shares that no stored form reports (a gift, sale or transfer left out?).");
                        findings.Add(new HoldingsFinding(ok ? "ok" : "error", ok ? HoldingsContinuous : HoldingsBreak, InsiderTotals.Cik(filing.Insider.OwnerCik),
                            filing.Insider.OwnerName, position.Key, earlier.Filing.Id, Date(earlier.Filing), earlier.Amount, filing.Id, Date(filing), implied, message));
                    }
                    heldAfter[position.Key] = (filing, position.Last().SharesFollowing!.Value);
                }
            }
        }
        return findings;
    }

    private static string Position(InsiderRow r) =>
        $"Table {r.Table} {Normalize(r.Security)} ({r.DirectOrIndirect ?? "D"}{(string.IsNullOrWhiteSpace(r.Nature) ? string.Empty : ", " + Normalize(r.Nature))})";

    private static string Normalize(string? text) => string.Join(' ', (text ?? "?").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string? Date(FilingRecord f) => f.Insider?.PeriodOfReport ?? f.PeriodOfReport ?? f.FilingDate;

    private static string Describe(FilingRecord f) => $"the Form {f.Form ?? "?"} of {Date(f) ?? "unknown date"} ({f.Id[..Math.Min(20, f.Id.Length)]})";

    private static string Amount(decimal value) => value.ToString("#,0.####", CultureInfo.InvariantCulture);

    /// <summary>
    /// The commitment check: every commitment of the company's stored responses that names the filing it is promised
    /// in, against each later filing of that form (and of that period, when the commitment names one) in the store.
    /// </summary>
    public static IReadOnlyList<CommitmentFinding> Commitments(IEdgarStore store, long cik)
    {
        ArgumentNullException.ThrowIfNull(store);
        var filings = store.Filings(cik);
        var findings = new List<CommitmentFinding>();
        foreach (var letterFiling in filings.Where(f => f.Letter is { Side: "company", Commitments.Count: > 0 }))
        {
            var letter = letterFiling.Letter!;
            var letterDate = letter.Date ?? letterFiling.FilingDate ?? string.Empty;
            foreach (var commitment in letter.Commitments)
            {
                var forms = PromisedForms(commitment);
                if (forms.Count == 0)
                {
                    continue;
                }
                var period = PromisedPeriod(commitment.Period);
                // "In future filings, beginning with the 10-K for 2024": that period and every later one.
                var onward = FutureFilings().IsMatch(commitment.Text + " " + commitment.Filing) || commitment.Text.Contains("beginning", StringComparison.OrdinalIgnoreCase);
                var proposed = letter.Comments.FirstOrDefault(c => c.Number == commitment.Comment)?.ProposedDisclosure;
                var terms = KeyTerms(proposed ?? commitment.Text);
                var later = filings.Where(f => f.FormBase is { } form && forms.Contains(form, StringComparer.OrdinalIgnoreCase)
                        && string.CompareOrdinal(f.FilingDate ?? f.PeriodOfReport ?? string.Empty, letterDate) > 0
                        && (period is null || (onward ? string.CompareOrdinal(f.PeriodOfReport ?? string.Empty, period) >= 0 : f.PeriodOfReport == period)))
                    .ToList();
                if (later.Count == 0)
                {
                    findings.Add(new CommitmentFinding("no-later-filing", letterFiling.Id, letter.Date, commitment.Seq, commitment.Comment, commitment.Text,
                        forms, period, null, null, null, terms, [],
                        $"No later {string.Join(" or ", forms)}{(period is null ? string.Empty : " for the period ending " + period)} is in the store to check the commitment against."));
                    continue;
                }
                foreach (var filing in later)
                {
                    if (store.TextCount(filing.Id, "text-block") == 0)
                    {
                        findings.Add(new CommitmentFinding("not-checkable", letterFiling.Id, letter.Date, commitment.Seq, commitment.Comment, commitment.Text,
                            forms, period, filing.Id, filing.Form, filing.PeriodOfReport, terms, [],
                            $"The Form {filing.Form} of {filing.PeriodOfReport ?? filing.FilingDate} has no text blocks in the store to search."));
                        continue;
                    }
                    var found = terms.Where(t => store.Search("\"" + t + "\"", 1, "text-block", filingId: filing.Id).Count > 0).ToList();
                    var kept = terms.Count > 0 && found.Count * 5 >= terms.Count * 3;
                    findings.Add(new CommitmentFinding(kept ? "kept" : "not-kept", letterFiling.Id, letter.Date, commitment.Seq, commitment.Comment, commitment.Text,
                        forms, period, filing.Id, filing.Form, filing.PeriodOfReport, terms, found,
                        string.Create(CultureInfo.InvariantCulture,
                            $"{(kept ? "Kept" : "Not kept")} in the Form {filing.Form} of {filing.PeriodOfReport ?? filing.FilingDate}: {found.Count} of {terms.Count} key terms found ({string.Join(", ", terms.Select(t => found.Contains(t) ? t : "-" + t))}).")));
                }
            }
        }
        return findings;
    }

    /// <summary>The forms a commitment is promised in (<c>10-K</c>, <c>10-Q</c>), from its filing phrase and its sentence.</summary>
    internal static IReadOnlyList<string> PromisedForms(CommitmentRecord c)
    {
        if (c.Filing is null)
        {
            return [];
        }
        var text = c.Filing + " " + c.Text;
        var forms = new List<string>();
        foreach (Match m in FormName().Matches(text))
        {
            forms.Add(m.Groups[1].Value.ToUpperInvariant());
        }
        if (text.Contains("annual report", StringComparison.OrdinalIgnoreCase))
        {
            forms.Add("10-K");
        }
        if (text.Contains("quarterly report", StringComparison.OrdinalIgnoreCase))
        {
            forms.Add("10-Q");
        }
        if (FutureFilings().IsMatch(c.Filing))
        {
            forms.AddRange(["10-K", "10-Q", "20-F", "40-F"]);
        }
        return forms.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The period end a commitment names (<c>year ended December 31, 2012</c> as <c>2012-12-31</c>), or null.</summary>
    internal static string? PromisedPeriod(string? period)
    {
        if (period is null || PeriodDate().Match(period) is not { Success: true } m)
        {
            return null;
        }
        return DateTime.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
    }

    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "about", "above", "additional", "after", "also", "annual", "any", "april", "august", "because", "been", "before", "being",
        "believe", "beginning", "both", "clarify", "comment", "comments", "company", "companys", "continue", "could", "december",
        "describe", "disclose", "disclosed", "disclosure", "disclosures", "discussion", "does", "each", "ended", "expand", "expects",
        "february", "filing", "filings", "fiscal", "following", "form", "from", "further", "future", "have", "include", "included",
        "including", "information", "intends", "into", "item", "january", "july", "june", "management", "march", "may", "more",
        "note", "november", "october", "other", "page", "period", "periods", "please", "proposes", "provide", "provided", "quarterly",
        "report", "reports", "response", "revise", "revised", "section", "september", "should", "staff", "subsequent", "such", "than",
        "that", "their", "them", "there", "these", "they", "this", "those", "through", "under", "upon", "were", "what", "when",
        "where", "which", "while", "will", "with", "within", "would", "year", "years", "our", "its", "has", "the", "and", "for",
    };

    /// <summary>
    /// Up to eight key terms of a promised disclosure: its words of four letters or more that are not common words of
    /// letters and filings, longest first (the longer a word, the more it says), ties in order of appearance.
    /// </summary>
    internal static IReadOnlyList<string> KeyTerms(string text)
    {
        var words = new List<string>();
        foreach (Match m in Word().Matches(text))
        {
            var w = m.Value.ToLowerInvariant().Replace("'", string.Empty, StringComparison.Ordinal).Replace("\u2019", string.Empty, StringComparison.Ordinal);
            if (w.Length >= 4 && !CommonWords.Contains(w) && !words.Contains(w))
            {
                words.Add(w);
            }
        }
        return words.Select((w, i) => (w, i)).OrderByDescending(x => x.w.Length).ThenBy(x => x.i).Take(8).OrderBy(x => x.i).Select(x => x.w).ToList();
    }

    [GeneratedRegex(@"\bForms?\s+(10-K|10-Q|8-K|20-F|40-F|S-1|S-3|S-4|F-1|10-KT|10-QT)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FormName();

    [GeneratedRegex(@"\b(future|subsequent|periodic)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FutureFilings();

    [GeneratedRegex(@"((?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s*\d{4})")]
    private static partial Regex PeriodDate();

    [GeneratedRegex(@"[A-Za-z][A-Za-z'\u2019]+")]
    private static partial Regex Word();
}
