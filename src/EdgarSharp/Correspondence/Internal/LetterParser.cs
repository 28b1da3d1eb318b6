using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EdgarSharp.Correspondence.Internal;

/// <summary>A paragraph of the body: lines joined, with the page it starts on and whether it is emphasised.</summary>
internal sealed record Paragraph(string Text, int Page, bool Emphasis);

/// <summary>From source lines to a <see cref="Letter"/>: furniture, metadata, comments, citations, commitments.</summary>
internal static partial class LetterParser
{
    private const RegexOptions Opt = RegexOptions.CultureInvariant;
    private const RegexOptions OptI = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    private const string Month = "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
    private static readonly Regex DateRx = new(Month + @"\s+\d{1,2}\s*,\s*\d{4}", OptI);
    private static readonly Regex DateLineRx = new(@"^(?:Dated:?\s*)?" + Month + @"\s+\d{1,2}\s*,\s*\d{4}\.?$", OptI);
    private static readonly Regex PageLineRx = new(@"^(?:Page|PAGE|p\.)\s*\d{1,3}(?:\s+of\s+\d{1,3})?$|^[-–—]\s*\d{1,3}\s*[-–—]$|^\d{1,3}$|^Page\s+\d{1,3}\s*[-–—]|^Page\s+\d{1,3}\s*(?:<[^>]{0,40}>|\([^)]{0,40}\)|[,|]\s*.{0,40}\d{4})$|^.{0,80}\s[-–—|]\s*Page\s+\d{1,3}$|^.{0,140}\d{4}\s+Page\s+\d{1,3}(?:\s+FirstName\s+LastName)?$|^(?:FirstName\s*LastName.{0,60}|Comapany\s.{0,120})$", Opt);
    private static readonly Regex PageCodeRx = new(@"^[A-Z][A-Z0-9&.]{2,}(?:\s[A-Z0-9&.]+)?\s?-\s?\d{1,3}$", Opt);
    private static readonly Regex LegendRx = new(@"CONFIDENTIAL TREATMENT (?:HAS BEEN )?REQUESTED|FOIA CONFIDENTIAL TREATMENT|HAVE BEEN OMITTED AND FILED SEPARATELY|OMITTED (?:INFORMATION|PORTIONS)|CERTAIN (?:PORTIONS|INFORMATION) OF THIS (?:LETTER|DOCUMENT)|Confidential Treatment Requested by", Opt);
    private static readonly Regex ReRx = new(@"^(?:Re|RE|Subject|SUBJECT)\s*:\s*|^Re\s+(?=[A-Z])", Opt);
    private static readonly Regex SalutationRx = new(@"^(?:Dear\s+[^:,]{2,80}[:,]|Ladies\s+and\s+Gentlemen\s*[:,]?|Ladies\s+and\s+Gentleman\s*[:,]?|To\s+Whom\s+It\s+May\s+Concern\s*[:,]?|Dear\s+Sir(?:s| or Madam)?[:,]?)", OptI);
    private static readonly Regex ClosingRx = new(@"^(?:Sincerely(?: yours)?|Very truly yours|Yours (?:truly|sincerely|very truly)|Respectfully(?: submitted| yours)?|Best regards|Kind regards|Regards|Cordially|Truly yours)\s*[,.]?\s*(.*)$", OptI);
    private static readonly Regex CommentStartRx = new(@"^(?:(?:Staff(?:'s|’s)?\s+)?Comments?\s*(?:No\.?|Number|#)?\s*(\d{1,3})\s*[.:\-–—)]?\s*|(\d{1,3})\s*[.)](?:\s+|(?=[A-Z“""]))|(\d{1,3})\s*[.)]?$)(.*)$", OptI);
    private static readonly Regex ResponseRx = new(@"^(?:(?:[A-Z][\w&.,'’]*\s+){0,3})?(?:Response|RESPONSE)s?(?:\s+to\s+(?:the\s+)?(?:Staff(?:'s|’s)?\s+)?Comment(?:\s+No\.)?\s*\d*)?\s*(?:[:.–—-]\s*|$)(.*)$", Opt);
    private static readonly Regex BulletRx = new(@"^(?:[-•●◦▪■–·o§]\s+|\([a-z0-9ivx]{1,4}\)\s+|[a-z]\.\s+)", Opt);
    private static readonly Regex FilingHeadingRx = new(@"^(?:Amendment\s+No\.\s*\d+\s+to\s+)?(?:Form|Forms|Registration Statement|Schedule|Annual Report|Quarterly Report|Current Report|Preliminary|Definitive|Draft Registration|Offering Statement)\b.*(?:Filed|Fiscal|Year|Period|Ended|Submitted|File No|Quarter)", OptI);
    private static readonly Regex PageRefRx = new(@"(?:,|\s[-–—])\s*(?:page|pages|Page|Pages|p\.)\s*(?:F-)?(\d{1,4})(?:\s*(?:-|–|and|through|to)\s*\d{1,4})?\s*$", Opt);
    private static readonly Regex AnyPageRefRx = new(@"\b(?:on|at|see)\s+pages?\s+(?:F-)?(\d{1,4})", Opt);
    private static readonly Regex StaffClosingRx = new(@"^(?:We remind you|We urge all persons|You may contact|Please contact|Please direct|If you have any questions|Please let us know|Should you have|Please do not hesitate|Please feel free|We respectfully request an opportunity|Thank you for your|In closing|Please call|Please allow adequate time|Notwithstanding our comments|We also remind you|Please understand that we may have|Please refer to Rules? 460|We will consider a written request for acceleration|Any questions|If you would like to discuss|We would appreciate the opportunity|Do not hesitate|The Company acknowledges that|\*\s*\*\s*\*)", OptI);
    private static readonly Regex AnnexRx = new(@"^(?:Annex|ANNEX|Exhibit|EXHIBIT|Appendix|APPENDIX|Attachment|ATTACHMENT|Schedule|SCHEDULE)\s+(?:[A-Z]|[IVX]+|\d{1,2})(?:\s*[-–—:].*)?$", Opt);
    private static readonly Regex PriorRx = new(@"\b(?:prior|previous|earlier|original)\s+comments?\s+(?:No\.?\s*|number\s*)?(\d{1,3}(?:\s*(?:,|and|&|or)\s*\d{1,3})*)", OptI);
    private static readonly Regex ProseRx = new(@"[a-z]{3,}\s+(?:the|of|to|and|we|you|that|in|for|a)\s+", Opt);

    public static Letter Parse(string document, string format, List<SourceLine> source, int pages, List<Diagnostic> diagnostics)
    {
        var loc = new SourceLocation(document);
        var lines = source.Select(l => l with { Text = l.Text.Trim() }).ToList();
        if (lines.All(l => l.IsBlank))
        {
            diagnostics.Add(Diagnostic.Error("letter:empty", "The document holds no text; nothing to read. Check that the file is the letter itself and not empty.", loc));
            return new Letter { Document = document, SourceFormat = format, Pages = pages, Diagnostics = diagnostics };
        }

        // The letterhead and address block: the lines before the Re: line (or the salutation).
        var reIndex = lines.FindIndex(l => ReRx.IsMatch(l.Text) && l.Text.Length < 400);
        var salutationIndex = lines.FindIndex(Math.Max(0, reIndex), l => SalutationRx.IsMatch(l.Text));
        if (salutationIndex < 0)
        {
            salutationIndex = lines.FindIndex(l => SalutationRx.IsMatch(l.Text));
        }
        var headEnd = reIndex >= 0 ? reIndex : salutationIndex >= 0 ? salutationIndex : Math.Min(lines.Count, 25);
        var head = lines.Take(headEnd).Where(l => !l.IsBlank).Select(l => l.Text).ToList();

        // Legends (confidential treatment) are recorded and removed everywhere, with their page codes.
        var ctRequests = new List<string>();
        var legendFree = new List<SourceLine>(lines.Count);
        var legendRun = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            if (!l.IsBlank && LegendRx.IsMatch(l.Text) && (IsCapitals(l.Text) || l.Text.Length < 150))
            {
                var text = l.Text;
                if (!ctRequests.Contains(text, StringComparer.Ordinal))
                {
                    ctRequests.Add(text);
                }
                legendRun = true;
                // A legend set as several lines of one paragraph: take the rest of the paragraph when all in capitals.
                while (i + 1 < lines.Count && !lines[i + 1].IsBlank && IsCapitals(lines[i + 1].Text) && !PageCodeRx.IsMatch(lines[i + 1].Text))
                {
                    i++;
                }
                continue;
            }
            if (!l.IsBlank && PageCodeRx.IsMatch(l.Text) && (legendRun || ctRequests.Count > 0))
            {
                legendRun = false;
                legendFree.Add(new SourceLine(string.Empty, l.Page, false));
                legendFree.Add(new SourceLine("\f", l.Page, false));
                continue;
            }
            if (!l.IsBlank)
            {
                legendRun = false;
            }
            legendFree.Add(l);
        }
        lines = legendFree;
        reIndex = lines.FindIndex(l => ReRx.IsMatch(l.Text) && l.Text.Length < 400);
        salutationIndex = lines.FindIndex(Math.Max(0, reIndex), l => SalutationRx.IsMatch(l.Text));

        var date = head.Select(ParseDateLine).FirstOrDefault(d => d is not null)
            ?? lines.Take(Math.Max(headEnd, 10)).Select(l => ParseDate(l.Text)).FirstOrDefault(d => d is not null);
        var addressLines = new HashSet<string>(head.Select(Normal), StringComparer.Ordinal);

        // Lines repeated on many pages (footers, addresses, legends split over lines) are furniture.
        lines = StripRepeatedLines(lines, Math.Max(salutationIndex, 0));

        // Running headers and page numbers.
        lines = StripRunningHeaders(lines, addressLines, head, salutationIndex, out var pageMarks);
        if (pages == 0 && pageMarks > 0)
        {
            pages = pageMarks + 1;
        }
        reIndex = lines.FindIndex(l => ReRx.IsMatch(l.Text) && l.Text.Length < 400);
        salutationIndex = lines.FindIndex(Math.Max(0, reIndex), l => SalutationRx.IsMatch(l.Text));
        if (salutationIndex < 0)
        {
            salutationIndex = reIndex >= 0 ? NextBlankAfter(lines, reIndex) : -1;
        }

        // Re: block.
        var reText = string.Empty;
        if (reIndex >= 0)
        {
            var sb = new StringBuilder(ReRx.Replace(lines[reIndex].Text, string.Empty));
            var stop = salutationIndex > reIndex ? salutationIndex : Math.Min(lines.Count, reIndex + 8);
            for (var i = reIndex + 1; i < stop; i++)
            {
                if (lines[i].Text.Length > 0 && lines[i].Text != "\f")
                {
                    sb.Append(' ').Append(lines[i].Text);
                }
            }
            reText = LineSources.Collapse(sb.ToString());
        }
        var company = CompanyFrom(reText);
        var filings = FilingsFrom(reText);

        // Body (salutation to closing), signature and annexes.
        var bodyStart = salutationIndex >= 0 ? salutationIndex + 1 : (reIndex >= 0 ? NextBlankAfter(lines, reIndex) : 0);
        var annexIndex = -1;
        var closingIndex = -1;
        for (var i = Math.Max(bodyStart, 0); i < lines.Count; i++)
        {
            if (closingIndex < 0 && ClosingRx.IsMatch(lines[i].Text) && lines[i].Text.Length < 60)
            {
                closingIndex = i;
            }
            if (closingIndex >= 0 && i > closingIndex && AnnexRx.IsMatch(lines[i].Text) && lines[i].Text.Length < 80)
            {
                annexIndex = i;
                break;
            }
        }
        var bodyEnd = closingIndex >= 0 ? closingIndex : lines.Count;
        var signatureEnd = annexIndex >= 0 ? annexIndex : lines.Count;
        var signatureLines = closingIndex >= 0 ? lines.Skip(closingIndex).Take(signatureEnd - closingIndex).Where(l => !l.IsBlank && l.Text != "\f").Select(l => l.Text).ToList() : [];
        var signatories = Signatories(signatureLines);

        var paragraphs = Paragraphs(lines, Math.Max(bodyStart, 0), bodyEnd);
        var firstLines = lines.Where(l => !l.IsBlank).Take(12).Select(l => l.Text).ToList();
        var whole = string.Join("\n", lines.Where(l => !l.IsBlank).Select(l => l.Text));
        var side = DecideSide(firstLines, head, signatureLines, whole);

        var comments = Segment(paragraphs, side, filings, diagnostics, loc);
        var answers = side == LetterSide.Company ? AnswersFrom(paragraphs, comments) : null;

        var annexes = new List<LetterAnnex>();
        if (annexIndex >= 0)
        {
            var annexLines = lines.Skip(annexIndex).Where(l => !l.IsBlank && l.Text != "\f").Select(l => l.Text).ToList();
            var signStart = annexLines.FindIndex(l => ClosingRx.IsMatch(l) || l.StartsWith("By:", StringComparison.Ordinal));
            annexes.Add(new LetterAnnex(
                annexLines[0],
                annexLines.Select(ParseDateLine).FirstOrDefault(d => d is not null),
                signStart >= 0 ? Signatories(annexLines.Skip(signStart).ToList()) : [],
                string.Join("\n", annexLines.Skip(1))));
        }

        var kind = DecideKind(side, comments.Count, whole, firstLines);
        if (side == LetterSide.Unknown)
        {
            side = kind switch
            {
                LetterKind.AccelerationRequest or LetterKind.CompanyResponse => LetterSide.Company,
                LetterKind.StaffAction or LetterKind.ReviewComplete or LetterKind.NoReview or LetterKind.StaffCommentLetter => LetterSide.Staff,
                _ => side,
            };
        }
        else if (kind == LetterKind.StaffAction)
        {
            side = LetterSide.Staff;
        }
        var addressee = Addressee(head, date);
        var sender = SenderFrom(side, signatories, head);

        var body = string.Join("\n\n", paragraphs.Select(p => p.Text));
        var citations = Citations.Extract(comments, body);
        var commitments = side == LetterSide.Company ? Commitments.Extract(comments, body) : [];
        var redactions = FindRedactions(comments, paragraphs);

        if (comments.Count == 0 && kind is LetterKind.StaffCommentLetter or LetterKind.CompanyResponse)
        {
            diagnostics.Add(Diagnostic.Info("letter:no-comments", "The letter has no numbered comments; it is classified but holds no comments to pair.", loc));
        }
        if (date is null)
        {
            diagnostics.Add(Diagnostic.Warning("letter:no-date", "No date was found in the letterhead; the letter cannot be placed in a thread by date.", loc));
        }

        return new Letter
        {
            Document = document,
            SourceFormat = format,
            Kind = kind,
            Side = side,
            Date = date,
            Sender = sender,
            Addressee = addressee,
            Company = company,
            Filings = filings,
            Answers = answers,
            Signatories = signatories,
            Comments = comments,
            Citations = citations,
            Commitments = commitments,
            Redactions = redactions,
            ConfidentialTreatmentRequests = ctRequests,
            Annexes = annexes,
            Body = body,
            Pages = pages,
            Diagnostics = diagnostics,
        };
    }

    private static bool IsCapitals(string s) => s.Any(char.IsLetter) && !s.Any(char.IsLower);

    private static int NextBlankAfter(List<SourceLine> lines, int index)
    {
        for (var i = index + 1; i < lines.Count; i++)
        {
            if (lines[i].IsBlank)
            {
                return i;
            }
        }
        return lines.Count;
    }

    internal static string Normal(string s) => LineSources.Collapse(s).Trim().TrimEnd(',', '.', ';').ToUpperInvariant();

    private static List<SourceLine> StripRunningHeaders(List<SourceLine> lines, HashSet<string> address, List<string> head, int salutationIndex, out int pageMarks)
    {
        pageMarks = 0;
        var remove = new bool[lines.Count];
        bool HeaderLike(string text)
        {
            if (text.Length == 0 || text == "\f")
            {
                return false;
            }
            var n = Normal(text);
            if (DateLineRx.IsMatch(text) || PageLineRx.IsMatch(text) || address.Contains(n))
            {
                return true;
            }
            if (n.Length >= 6 && head.Any(h => Normal(h).StartsWith(n, StringComparison.Ordinal)))
            {
                return true;
            }
            return n is "SECURITIES AND EXCHANGE COMMISSION" or "U.S. SECURITIES AND EXCHANGE COMMISSION" or "DIVISION OF CORPORATION FINANCE"
                || n.StartsWith("PAGE ", StringComparison.Ordinal) && n.Length < 16;
        }

        for (var i = Math.Max(salutationIndex, 0) + 1; i < lines.Count; i++)
        {
            var t = lines[i].Text;
            var isPage = PageLineRx.IsMatch(t) && (!Regex.IsMatch(t, @"^\d{1,3}$", Opt) || IsPageEdge(lines, i));
            var pdfPageTop = i > 0 && lines[i].Page > 0 && lines[i - 1].Page > 0 && lines[i].Page != lines[i - 1].Page;
            if (isPage)
            {
                pageMarks++;
                remove[i] = true;
                // Header lines just before the page number (text sources repeat the address block there).
                for (int j = i - 1, k = 0; j >= 0 && k < 8; j--)
                {
                    if (lines[j].IsBlank || lines[j].Text == "\f")
                    {
                        if (k > 0)
                        {
                            break;
                        }
                        continue;
                    }
                    if (!HeaderLike(lines[j].Text))
                    {
                        break;
                    }
                    remove[j] = true;
                    k++;
                }
                for (int j = i + 1, k = 0; j < lines.Count && k < 5; j++)
                {
                    if (lines[j].IsBlank)
                    {
                        break;
                    }
                    if (!HeaderLike(lines[j].Text))
                    {
                        break;
                    }
                    remove[j] = true;
                    k++;
                }
            }
            else if (pdfPageTop || (i > 0 && lines[i - 1].Text == "\f"))
            {
                // The first lines of a new page: addressee, company, date, page number.
                for (int j = i, k = 0; j < lines.Count && k < 6; j++)
                {
                    if (lines[j].IsBlank)
                    {
                        continue;
                    }
                    if (!HeaderLike(lines[j].Text))
                    {
                        break;
                    }
                    remove[j] = true;
                    k++;
                }
            }
        }

        // Page-end lines: bare page numbers at the bottom of a PDF page.
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            if (!lines[i].IsBlank && lines[i].Page > 0 && Regex.IsMatch(lines[i].Text, @"^(?:[-–—]\s*)?\d{1,3}(?:\s*[-–—])?$", Opt))
            {
                var next = lines.Skip(i + 1).FirstOrDefault(l => !l.IsBlank);
                if (next.Text is null || next.Page != lines[i].Page)
                {
                    remove[i] = true;
                }
            }
        }

        var result = new List<SourceLine>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            if (remove[i])
            {
                if (result.Count > 0 && !result[^1].IsBlank)
                {
                    result.Add(new SourceLine(string.Empty, lines[i].Page, false));
                }
                continue;
            }
            result.Add(lines[i]);
        }
        return result;
    }

    private static List<SourceLine> StripRepeatedLines(List<SourceLine> lines, int from)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = from; i < lines.Count; i++)
        {
            var t = lines[i].Text;
            if (t.Length >= 12 && t.Length <= 160 && t != "\f")
            {
                var n = Normal(t);
                counts[n] = counts.GetValueOrDefault(n) + 1;
            }
        }
        var furniture = counts.Where(kv => kv.Value >= 3 || kv.Value >= 2 && Regex.IsMatch(kv.Key, @"WWW\.|\(\d{3}\)\s?\d{3}-\d{4}|\d{3}[ .-]\d{3}[ .-]\d{4}|CONFIDENTIAL|[A-Z]{2,}-\d{1,4}$", Opt))
            .Select(kv => kv.Key)
            .Where(k => !CommentStartRx.IsMatch(k) || CommentStartNumber(k) is null)
            .Where(k => !ResponseRx.IsMatch(k))
            .ToHashSet(StringComparer.Ordinal);
        if (furniture.Count == 0)
        {
            return lines;
        }
        var result = new List<SourceLine>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            if (i >= from && lines[i].Text.Length >= 12 && furniture.Contains(Normal(lines[i].Text)))
            {
                result.Add(new SourceLine(string.Empty, lines[i].Page, false));
                result.Add(new SourceLine("\f", lines[i].Page, false));
                continue;
            }
            result.Add(lines[i]);
        }
        return result;
    }

    private static bool IsPageEdge(List<SourceLine> lines, int i)
    {
        var prev = i > 0 ? lines[i - 1] : default;
        var next = i + 1 < lines.Count ? lines[i + 1] : default;
        return prev.Text is null || next.Text is null || prev.IsBlank && next.IsBlank || lines[i].Page > 0 && next.Page != lines[i].Page;
    }

    /// <summary>Lines into paragraphs: blank lines end a paragraph, and so do lines that start a comment, a bullet or a response; page breaks in mid-sentence are joined.</summary>
    private static List<Paragraph> Paragraphs(List<SourceLine> lines, int start, int end)
    {
        var result = new List<Paragraph>();
        var sb = new StringBuilder();
        var page = 0;
        var emphasis = true;
        var count = 0;
        var pageBreak = false;

        void Flush()
        {
            if (sb.Length > 0)
            {
                result.Add(new Paragraph(sb.ToString(), page, emphasis && count > 0));
            }
            sb.Clear();
            emphasis = true;
            count = 0;
        }

        string? bullet = null;
        var previousLine = string.Empty;
        for (var i = start; i < end && i < lines.Count; i++)
        {
            var l = lines[i];
            if (l.Text is "•" or "●" or "◦" or "▪" or "-" or "–" or "o" or "§" or "·")
            {
                bullet = "• ";
                continue;
            }
            if (bullet is not null && !l.IsBlank && l.Text != "\f")
            {
                l = l with { Text = bullet + l.Text };
                bullet = null;
            }
            if (l.Text == "\f")
            {
                pageBreak = true;
                continue;
            }
            if (l.IsBlank)
            {
                if (sb.Length > 0)
                {
                    pageBreak = pageBreak || (l.Page > 0 && NextNonBlankPage(lines, i) != l.Page);
                }
                if (!pageBreak)
                {
                    Flush();
                }
                continue;
            }
            var startsUnit = CommentStartRx.IsMatch(l.Text) && CommentStartNumber(l.Text) is not null || BulletRx.IsMatch(l.Text) || ResponseRx.IsMatch(l.Text) && l.Text.Length < 400 && LooksLikeResponseLabel(l.Text);
            if (pageBreak)
            {
                // A page break: the paragraph goes on when the text before it did not end a sentence and this line starts in lower case.
                var previous = sb.ToString();
                var continues = previous.Length > 0 && !".:;?!\"”)".Contains(previous[^1], StringComparison.Ordinal) && (char.IsLower(l.Text[0]) || !startsUnit && previous.Length > 120);
                if (!continues)
                {
                    Flush();
                }
                pageBreak = false;
            }
            if (sb.Length > 0 && (startsUnit || IsTitleLine(previousLine) && IsTitleLine(l.Text)))
            {
                Flush();
            }
            previousLine = l.Text;
            if (sb.Length == 0)
            {
                page = l.Page;
            }
            else
            {
                sb.Append(' ');
            }
            sb.Append(l.Text);
            emphasis &= l.Emphasis;
            count++;
        }
        Flush();
        return result;
    }

    /// <summary>A short title-case line with no closing punctuation: a heading line, never the middle of a sentence.</summary>
    private static bool IsTitleLine(string line) =>
        line.Length is > 2 and < 100 && char.IsUpper(line[0]) && !".,;:".Contains(line[^1], StringComparison.Ordinal) && TitleCase(PageRefRx.Replace(line, string.Empty)) && !line.Contains(',', StringComparison.Ordinal) || PageRefRx.IsMatch(line) && line.Length < 100 && char.IsUpper(line[0]);

    private static int NextNonBlankPage(List<SourceLine> lines, int i)
    {
        for (var j = i + 1; j < lines.Count; j++)
        {
            if (!lines[j].IsBlank)
            {
                return lines[j].Page;
            }
        }
        return -1;
    }

    private static bool LooksLikeResponseLabel(string text)
    {
        var m = ResponseRx.Match(text);
        if (!m.Success)
        {
            return false;
        }
        var label = text[..(text.Length - m.Groups[1].Length)];
        return label.Length < 60 && (label.Contains(':', StringComparison.Ordinal) || label.Trim().Length == text.Trim().Length || label.Contains('—', StringComparison.Ordinal) || label.Contains('–', StringComparison.Ordinal) || label.TrimEnd().EndsWith('.'));
    }

    internal static int? CommentStartNumber(string text)
    {
        var m = CommentStartRx.Match(text);
        if (!m.Success)
        {
            return null;
        }
        var g = m.Groups[1].Success ? m.Groups[1] : m.Groups[2].Success ? m.Groups[2] : m.Groups[3];
        var rest = m.Groups[4].Value;
        if (m.Groups[2].Success && (rest.Length == 0 || !char.IsUpper(rest[0]) && rest[0] != '“' && rest[0] != '"' && rest[0] != '\''))
        {
            return null;
        }
        if (m.Groups[2].Success && Regex.IsMatch(rest, @"^(?:January|February|March|April|May|June|July|August|September|October|November|December)\b", Opt))
        {
            return null;
        }
        return int.TryParse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static string CommentStartRest(string text) => CommentStartRx.Match(text).Groups[4].Value.Trim();

    private static bool IsHeading(Paragraph p)
    {
        var t = p.Text;
        if (t.Length is < 3 or > 220 || CommentStartNumber(t) is not null && !IsNumberedHeading(t) || BulletRx.IsMatch(t) || LooksLikeResponseLabel(t))
        {
            return false;
        }
        if (!char.IsUpper(t[0]) && !char.IsDigit(t[0]))
        {
            return false;
        }
        // The title of the filing under review, and a caption ending with the page it points to, are headings.
        if (char.IsUpper(t[0]) && (FilingHeadingRx.IsMatch(t) && t.Length < 200 && !t.EndsWith('.') || PageRefRx.IsMatch(t) && t.Length < 250))
        {
            return true;
        }
        if (t.Contains('$', StringComparison.Ordinal) || t.Contains('%', StringComparison.Ordinal) || t.StartsWith('“') || t.StartsWith('"'))
        {
            return false;
        }
        var words = t.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 28 || !words.Any(w => w.Count(char.IsLetter) >= 3))
        {
            return false;
        }
        var last = t[^1];
        if (last is '.' or ';' or ',' or ':' or '?' or '!')
        {
            return PageRefRx.IsMatch(t.TrimEnd('.')) || Regex.IsMatch(t, @"(?:Inc|Corp|Co|Ltd|No|L\.P|U\.S|S\.A)\.$", Opt) || words.Length <= 6 && last == '.' && !t[..^1].Contains('.', StringComparison.Ordinal) && !ProseRx.IsMatch(t) && t.Count(char.IsUpper) >= 1 && !char.IsLower(words[^1][0]);
        }
        return TitleCase(PageRefRx.Replace(t, string.Empty)) || !ProseRx.IsMatch(t) && words.Length <= 14;
    }

    private static readonly HashSet<string> SmallWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with", "page", "pages", "per", "under", "vs.", "&",
    };

    /// <summary>True when the words other than articles and prepositions all start with a capital or a digit.</summary>
    private static bool TitleCase(string t)
    {
        var words = t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !SmallWords.Contains(w)).ToList();
        if (words.Count == 0)
        {
            return false;
        }
        var capital = words.Count(w => char.IsUpper(w[0]) || char.IsDigit(w[0]) || w[0] is '(' or '“' or '"' or '\'' or '-' or '–');
        return capital >= words.Count * 0.85;
    }

    private sealed class Builder
    {
        public int Number;
        public List<string> Headings = [];
        public bool Inherited;
        public List<Paragraph> Parts = [];
    }

    private static List<LetterComment> Segment(List<Paragraph> paragraphs, LetterSide side, IReadOnlyList<FilingUnderReview> filings, List<Diagnostic> diagnostics, SourceLocation loc)
    {
        var builders = new List<Builder>();
        // In a response, a numbered paragraph is a quoted comment only when it looks like the others: followed by a
        // response label before the same number comes again (letters with labels), or emphasised (letters without).
        var labels = paragraphs.Select((p, i) => (p, i)).Where(x => LooksLikeResponseLabel(x.p.Text)).Select(x => x.i).ToList();
        var useLabels = side == LetterSide.Company && labels.Count > 0;
        var firstCandidate = paragraphs.FindIndex(p => CommentStartNumber(p.Text) is >= 1 and <= 5 && !IsNumberedHeading(p.Text));
        var useEmphasis = side == LetterSide.Company && !useLabels && firstCandidate >= 0 && paragraphs[firstCandidate].Emphasis;
        bool Acceptable(int i, int number)
        {
            if (useLabels)
            {
                var nextLabel = labels.FirstOrDefault(l => l > i, int.MaxValue);
                for (var j = i + 1; j < paragraphs.Count && j < nextLabel; j++)
                {
                    if (CommentStartNumber(paragraphs[j].Text) == number && !IsNumberedHeading(paragraphs[j].Text))
                    {
                        return false;
                    }
                }
                return true;
            }
            if (useEmphasis)
            {
                return paragraphs[i].Emphasis || CommentStartRest(paragraphs[i].Text).Length == 0 && i + 1 < paragraphs.Count && paragraphs[i + 1].Emphasis;
            }
            return true;
        }
        var pendingHeadings = new List<Paragraph>();
        var headings = new List<string>();
        var closed = false;
        Builder? current = null;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            var n = CommentStartNumber(p.Text);
            if (n is not null && IsNumberedHeading(p.Text))
            {
                n = null;
            }
            var last = builders.Count == 0 ? 0 : builders[^1].Number;
            var structured = useLabels || useEmphasis;
            if (n is { } number && (number == last + 1 || structured && number > last && number <= last + 5 && (builders.Count > 0 || number <= 5)) && Acceptable(i, number))
            {
                // The first comment of a staff letter must look like one; in a response the quoted comment follows.
                var own = pendingHeadings.Select(h => h.Text).Where(h => !FilingHeadingRx.IsMatch(h) && !filings.Any(f => Normal(f.Text) == Normal(h))).ToList();
                var resetByFiling = pendingHeadings.Any(h => FilingHeadingRx.IsMatch(h.Text));
                current = new Builder { Number = number };
                if (own.Count > 0)
                {
                    headings = own.TakeLast(3).ToList();
                    current.Headings = headings;
                }
                else if (resetByFiling)
                {
                    headings = [];
                }
                else
                {
                    current.Headings = headings;
                    current.Inherited = headings.Count > 0;
                }
                pendingHeadings.Clear();
                var rest = CommentStartRest(p.Text);
                if (rest.Length == 0 && i + 1 < paragraphs.Count)
                {
                    rest = paragraphs[++i].Text;
                    p = paragraphs[i];
                }
                current.Parts.Add(p with { Text = rest });
                builders.Add(current);
                closed = false;
                continue;
            }
            if (current is null)
            {
                if (IsHeading(p))
                {
                    pendingHeadings.Add(p);
                }
                else
                {
                    pendingHeadings.Clear();
                }
                continue;
            }
            if (closed)
            {
                if (IsHeading(p))
                {
                    pendingHeadings.Add(p);
                }
                continue;
            }
            if (StaffClosingRx.IsMatch(p.Text) && (side != LetterSide.Company || !HasResponse(current)))
            {
                if (side == LetterSide.Staff || side == LetterSide.Unknown)
                {
                    closed = true;
                    pendingHeadings.Clear();
                    continue;
                }
            }
            if (side == LetterSide.Company && HasResponse(current) && Regex.IsMatch(p.Text, @"^(?:Please (?:let us know|contact|direct|do not hesitate|feel free|call)|If you have any (?:further )?questions|Should you have any|Thank you for|We (?:thank|appreciate) the Staff|\*\s*\*\s*\*)", OptI))
            {
                closed = true;
                pendingHeadings.Clear();
                continue;
            }
            if (IsHeading(p))
            {
                pendingHeadings.Add(p);
                continue;
            }
            if (pendingHeadings.Count > 0)
            {
                current.Parts.AddRange(pendingHeadings);
                pendingHeadings.Clear();
            }
            current.Parts.Add(p);
        }

        // A company letter whose opening never speaks of comments (an undertaking, a supplemental letter) numbers
        // its own statements: they are not quoted comments.
        if (side == LetterSide.Company && !useLabels && !useEmphasis && builders.Count > 0)
        {
            var opening = string.Join(" ", paragraphs.TakeWhile(p => CommentStartNumber(p.Text) != builders[0].Number).Select(p => p.Text));
            if (!Regex.IsMatch(opening, @"\bcomments?\b", OptI))
            {
                builders.Clear();
            }
        }
        if (builders.Count == 0 && side != LetterSide.Company && paragraphs.Any(p => Regex.IsMatch(p.Text, @"\bfollowing comment\b(?!s)", OptI)))
        {
            builders = SingleStaffComment(paragraphs);
        }
        if (builders.Count == 0 && useLabels)
        {
            builders = Unnumbered(paragraphs, labels);
        }
        var numbers = builders.Select(b => b.Number).ToList();
        var result = new List<LetterComment>(builders.Count);
        foreach (var b in builders)
        {
            var (text, response) = side == LetterSide.Company ? SplitResponse(b.Parts) : (Join(b.Parts), null);
            int? page = null;
            foreach (var h in b.Headings.AsEnumerable().Reverse())
            {
                var m = PageRefRx.Match(h.TrimEnd('.'));
                if (m.Success)
                {
                    page = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                    break;
                }
            }
            var headingsClean = b.Headings.Select(h => PageRefRx.Replace(h.TrimEnd('.'), string.Empty).Trim()).ToList();
            if (page is null && !b.Inherited)
            {
                var m = AnyPageRefRx.Match(text);
                if (m.Success)
                {
                    page = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                }
            }
            var prior = new List<int>();
            foreach (Match m in PriorRx.Matches(text))
            {
                foreach (Match d in Regex.Matches(m.Groups[1].Value, @"\d+", Opt))
                {
                    var v = int.Parse(d.Value, CultureInfo.InvariantCulture);
                    if (!prior.Contains(v))
                    {
                        prior.Add(v);
                    }
                }
            }
            var proposed = response is null ? [] : response.Split('\n')
                .Where(r => r.Length > 60 && (r.StartsWith('“') || r.StartsWith('"')))
                .Select(r => r.Trim('“', '”', '"', ' '))
                .ToList();
            result.Add(new LetterComment(b.Number, headingsClean, b.Inherited, page, text, response, prior, proposed));
        }
        _ = numbers;
        _ = diagnostics;
        _ = loc;
        return result;
    }

    private static readonly Regex PreambleRx = new(@"following comment\b|^In (?:our|some of our) comments?|^Please respond to th|^After reviewing|^Unless we note otherwise|we may have additional comments", OptI);

    /// <summary>A staff letter with one comment and no number: the text between the standard preamble and the closing.</summary>
    private static List<Builder> SingleStaffComment(List<Paragraph> paragraphs)
    {
        var preamble = -1;
        for (var i = 0; i < paragraphs.Count && i < 8; i++)
        {
            if (PreambleRx.IsMatch(paragraphs[i].Text))
            {
                preamble = i;
            }
        }
        var headings = new List<string>();
        var parts = new List<Paragraph>();
        for (var i = preamble + 1; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            if (StaffClosingRx.IsMatch(p.Text))
            {
                break;
            }
            if (parts.Count == 0 && IsHeading(p))
            {
                if (!FilingHeadingRx.IsMatch(p.Text))
                {
                    headings.Add(p.Text);
                }
                continue;
            }
            parts.Add(p);
        }
        if (parts.Count == 0)
        {
            return [];
        }
        var b = new Builder { Number = 1, Headings = headings.TakeLast(3).ToList() };
        b.Parts.AddRange(parts);
        return [b];
    }

    private static readonly Regex CommentLabelRx = new(@"^(?:SEC\s+|Staff(?:'s|’s)?\s+)?Comments?(?:\s+No\.?\s*\d+)?\s*[:.]?$", OptI);

    /// <summary>
    /// A response whose comments carry no numbers: each response label closes one comment, which starts after a
    /// <c>Comment:</c> label or at the run of emphasised paragraphs before the label.
    /// </summary>
    private static List<Builder> Unnumbered(List<Paragraph> paragraphs, List<int> labels)
    {
        var result = new List<Builder>();
        var spans = new List<(int HeadStart, int Start, int Label, List<string> Own)>();
        var previousEnd = 0;
        List<string> headings = [];
        for (var k = 0; k < labels.Count; k++)
        {
            var label = labels[k];
            var start = -1;
            for (var j = label - 1; j >= previousEnd; j--)
            {
                if (CommentLabelRx.IsMatch(paragraphs[j].Text))
                {
                    start = j + 1;
                    break;
                }
            }
            if (start < 0)
            {
                start = label;
                while (start - 1 >= previousEnd && paragraphs[start - 1].Emphasis && !IsHeading(paragraphs[start - 1]))
                {
                    start--;
                }
            }
            var own = new List<string>();
            var h = start - 1;
            while (h >= previousEnd && (IsHeading(paragraphs[h]) || CommentLabelRx.IsMatch(paragraphs[h].Text)))
            {
                if (IsHeading(paragraphs[h]) && !FilingHeadingRx.IsMatch(paragraphs[h].Text))
                {
                    own.Insert(0, paragraphs[h].Text);
                }
                h--;
            }
            if (label - start <= 0)
            {
                continue;
            }
            spans.Add((h + 1, start, label, own));
            previousEnd = label + 1;
        }
        for (var k = 0; k < spans.Count; k++)
        {
            var (_, start, label, own) = spans[k];
            var end = k + 1 < spans.Count ? spans[k + 1].HeadStart : paragraphs.Count;
            var inherited = own.Count == 0;
            if (!inherited)
            {
                headings = own.TakeLast(3).ToList();
            }
            var b = new Builder { Number = result.Count + 1, Headings = headings, Inherited = inherited && headings.Count > 0 };
            b.Parts.AddRange(paragraphs.Skip(start).Take(label - start));
            b.Parts.AddRange(paragraphs.Skip(label).Take(Math.Max(0, end - label)).Where(p => !StaffClosingRx.IsMatch(p.Text)));
            result.Add(b);
        }
        return result;
    }

    /// <summary>A numbered line that is a section title (<c>1. Summary of Significant Accounting Policies</c>), not a comment.</summary>
    private static bool IsNumberedHeading(string text)
    {
        var rest = CommentStartRest(text);
        if (rest.Length == 0 || rest.Length > 120 || rest[^1] is '.' or '?' or ':' or ';')
        {
            return false;
        }
        return rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 12 && TitleCase(PageRefRx.Replace(rest, string.Empty));
    }

    private static bool HasResponse(Builder b) => b.Parts.Any(p => LooksLikeResponseLabel(p.Text)) || b.Parts.Count > 0 && b.Parts[0].Emphasis && b.Parts.Any(p => !p.Emphasis);

    private static (string Text, string? Response) SplitResponse(List<Paragraph> parts)
    {
        var label = parts.FindIndex(p => LooksLikeResponseLabel(p.Text));
        int split;
        string? first = null;
        if (label >= 0)
        {
            split = label;
            first = ResponseRx.Match(parts[label].Text).Groups[1].Value.Trim();
        }
        else if (parts.Count > 0 && parts[0].Emphasis && parts.FindIndex(p => !p.Emphasis) is var plain and > 0)
        {
            split = plain;
        }
        else
        {
            // No label and no emphasis: the quoted comment is the first paragraph and its bullets.
            split = 1;
            while (split < parts.Count && BulletRx.IsMatch(parts[split].Text))
            {
                split++;
            }
        }
        var text = Join(parts.Take(split));
        var rest = parts.Skip(label >= 0 ? split + 1 : split).Select(p => p.Text).ToList();
        if (!string.IsNullOrEmpty(first))
        {
            rest.Insert(0, first);
        }
        return (text, rest.Count == 0 ? string.Empty : string.Join("\n", rest));
    }

    private static string Join(IEnumerable<Paragraph> parts) =>
        string.Join("\n", parts.Select(p => BulletRx.IsMatch(p.Text) ? "- " + BulletRx.Replace(p.Text, string.Empty) : p.Text)).Trim();

    private static DateOnly? AnswersFrom(List<Paragraph> paragraphs, List<LetterComment> comments)
    {
        foreach (var p in paragraphs.Take(8))
        {
            if (comments.Count > 0 && p.Text.StartsWith(comments[0].Text.Length > 20 ? comments[0].Text[..20] : "\u0001", StringComparison.Ordinal))
            {
                break;
            }
            var m = Regex.Match(p.Text, @"(?:dated|of|on)\s+(" + Month + @"\s+\d{1,2}\s*,\s*\d{4})", OptI);
            if (m.Success && Regex.IsMatch(p.Text, @"letter|comments?", OptI))
            {
                return ParseDate(m.Groups[1].Value);
            }
        }
        return null;
    }

    private static LetterSide DecideSide(List<string> first, List<string> head, List<string> signature, string whole)
    {
        var staff = 0;
        var company = 0;
        var dateAt = head.FindIndex(l => ParseDateLine(l) is not null);
        var before = string.Join("\n", dateAt < 0 ? head.Take(3) : head.Take(dateAt));
        var after = string.Join("\n", dateAt < 0 ? head.Skip(3) : head.Skip(dateAt + 1));
        var secWords = new Regex(@"Securities and Exchange Commission|Division of Corporation Finance|Office of [A-Z][a-z]+|Mail Stop \d+", OptI);
        if (secWords.IsMatch(after))
        {
            company += 3;
        }
        else if (secWords.IsMatch(before) || Regex.IsMatch(string.Join("\n", first.Take(3)), @"securities and exchange commission", OptI))
        {
            staff += 3;
        }
        var headText = string.Join("\n", head);
        if (Regex.IsMatch(headText, @"\bVia\s+(?:EDGAR|Edgar|Electronic)|\bVIA EDGAR\b|\bBy EDGAR\b|\bBY EDGAR\b", Opt))
        {
            company += 1;
        }
        if (Regex.IsMatch(headText, @"^Via\s+E-?mail$", OptI | RegexOptions.Multiline))
        {
            staff += 1;
        }
        var sig = string.Join("\n", signature);
        if (Regex.IsMatch(sig, @"Division of Corporation Finance|Office of (?:[A-Z][a-z]+\s?)+|Assistant Director|Branch Chief|Staff Accountant|Staff Attorney|Special Counsel|Accounting Branch|Legal Branch", Opt))
        {
            staff += 2;
        }
        if (Regex.IsMatch(whole, @"We have reviewed your|we have the following comments?|We have completed our review|In some of our comments, we may ask you|Please respond to (?:this|these) (?:letter|comments?)|our comments or changes to disclosure in response to our comments|After reviewing your response|We have limited our review|we will not be reviewing|we did not review|will not review", OptI))
        {
            staff += 2;
        }
        if (Regex.IsMatch(whole, @"response to the (?:Staff|comment)|(?:Staff|Commission)(?:'s|’s) comments?|comment letter dated|the Staff(?:'s|’s)?\b|on behalf of (?:our client|[A-Z])|respectfully (?:submits|requests|advises)|hereby requests? (?:that|acceleration)", Opt))
        {
            company += 2;
        }
        return staff > company ? LetterSide.Staff : company > staff ? LetterSide.Company : LetterSide.Unknown;
    }

    private static LetterKind DecideKind(LetterSide side, int comments, string whole, List<string> first)
    {
        // An officer's certification (Exhibits 31 and 32 of a periodic report: "I, NAME, certify that: 1. I have
        // reviewed this report...") has numbered paragraphs like a comment letter but is no correspondence. Only its
        // opening is looked at: letters quote certifications when they ask for them to be refiled.
        if (CertificationRx.IsMatch(whole.AsSpan(0, Math.Min(whole.Length, 400))))
        {
            return LetterKind.Other;
        }
        if (Regex.IsMatch(string.Join("\n", first), @"BEFORE THE\s+SECURITIES AND EXCHANGE COMMISSION|ORDER (?:DECLARING|GRANTING|UNDER)|NOTICE OF EFFECTIVENESS", OptI))
        {
            return LetterKind.StaffAction;
        }
        if (side == LetterSide.Company || side == LetterSide.Unknown && Regex.IsMatch(whole, @"acceleration|declared effective|Rule 461", OptI))
        {
            if (comments == 0 && Regex.IsMatch(whole, @"request(?:s|ed)?\s+(?:that\s+)?(?:the\s+)?(?:acceleration|effective(?:ness)?\s+date)|accelerat\w+ (?:of )?the effective(?:ness)? (?:date|time)|declared effective|Rule 461", OptI))
            {
                return LetterKind.AccelerationRequest;
            }
            return comments > 0 || Regex.IsMatch(whole, @"\bcomments?\b|\bresponse\b", OptI) ? LetterKind.CompanyResponse : LetterKind.Other;
        }
        if (comments > 0)
        {
            return LetterKind.StaffCommentLetter;
        }
        if (Regex.IsMatch(whole, @"completed (?:our|its) review|concluded (?:our|its) review|review (?:is|has been) completed", OptI))
        {
            return LetterKind.ReviewComplete;
        }
        if (Regex.IsMatch(whole, @"(?:not|no) (?:to )?review|will not be reviewing|did not review|will not review|have not reviewed|no further review|not be subject to (?:a |any )?(?:further )?review", OptI))
        {
            return LetterKind.NoReview;
        }
        if (Regex.IsMatch(whole, @"We have (?:reviewed|limited our review)|following comments?", OptI))
        {
            return LetterKind.StaffCommentLetter;
        }
        return LetterKind.Other;
    }

    private static readonly Regex CertificationRx = new(@"\bI,\s+[^,\n]{2,80},\s+(?:hereby\s+)?certify(?:,)?\s+(?:that|pursuant)|\bI have reviewed this (?:quarterly|annual|transition) report on Form", Opt);

    private static readonly Regex OfficeWordRx = new(@"Commission|Division|Office|Inc\b|LLP|LLC|Corporation|Company|Corp\b|Street|Avenue|Boulevard|Floor|Suite|Washington|Ltd|plc|N\.V\.|Group|Holdings|Bank|Partners|L\.P\.|Trust|Department|Services", Opt);
    private static readonly Regex PersonRx = new(@"^(?:(?:Mr|Ms|Mrs|Dr)\.\s+)?[A-Z][a-zA-Z'’\-]+(?:\s+(?:[A-Z]\.|[A-Z][a-zA-Z'’\-]+)){1,3}(?:,\s*(?:Jr|Sr|III|II|Esq)\.?)?$", Opt);

    private static LetterParty? Addressee(List<string> head, DateOnly? date)
    {
        var start = head.FindIndex(l => ParseDateLine(l) is not null);
        var candidates = head.Skip(start + 1)
            .Where(l => !Regex.IsMatch(l, @"^(?:Via|VIA|By|BY)\b|^(?:Mail Stop|Attn|Attention)\b|^\(?\d|E-?mail|Hand Delivery|EDGAR|Confidential", Opt))
            .ToList();
        for (var i = 0; i < candidates.Count; i++)
        {
            var l = candidates[i].TrimEnd(',');
            var name = l.Split(',')[0];
            if (PersonRx.IsMatch(name) && !OfficeWordRx.IsMatch(name))
            {
                string? title = l.Contains(',', StringComparison.Ordinal) ? l[(l.IndexOf(',', StringComparison.Ordinal) + 1)..].Trim() : null;
                var next = i + 1;
                if (title is null && next < candidates.Count && !Regex.IsMatch(candidates[next], @"Securities and Exchange Commission|^\d", Opt))
                {
                    title = candidates[next];
                    next++;
                }
                var office = next < candidates.Count ? candidates[next] : null;
                return new LetterParty(name.Trim(), title, office);
            }
        }
        var firstOffice = candidates.FirstOrDefault(l => OfficeWordRx.IsMatch(l));
        return firstOffice is null ? null : new LetterParty(null, null, firstOffice);
    }

    private static LetterParty? SenderFrom(LetterSide side, List<LetterParty> signatories, List<string> head)
    {
        if (signatories.Count > 0)
        {
            return signatories[0];
        }
        return head.Count > 0 && side == LetterSide.Company ? new LetterParty(null, null, head[0]) : null;
    }

    private static List<LetterParty> Signatories(List<string> lines)
    {
        var result = new List<LetterParty>();
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            var m = Regex.Match(l, @"^(?:By:\s*)?/s/\s*(.+)$", Opt);
            if (!m.Success)
            {
                continue;
            }
            var name = m.Groups[1].Value.Trim();
            var j = i + 1;
            string? title = null;
            string? office = null;
            var rest = new List<string>();
            for (; j < lines.Count && rest.Count < 4; j++)
            {
                var t = lines[j];
                if (t.StartsWith("/s/", StringComparison.Ordinal) || t.StartsWith("By:", StringComparison.Ordinal) || Regex.IsMatch(t, @"^(?:cc|CC|Cc|Enclosures?|Attachments?)\s*[:.]", Opt) || AnnexRx.IsMatch(t))
                {
                    break;
                }
                var nm = Regex.Match(t, @"^Name:\s*(.+)$", Opt);
                if (nm.Success)
                {
                    name = nm.Groups[1].Value.Trim();
                    continue;
                }
                var tm = Regex.Match(t, @"^Title:\s*(.+)$", Opt);
                if (tm.Success)
                {
                    title = tm.Groups[1].Value.Trim();
                    continue;
                }
                if (Normal(t) == Normal(name))
                {
                    continue;
                }
                if (t.StartsWith(name + ",", StringComparison.Ordinal))
                {
                    title = t[(name.Length + 1)..].Trim();
                    continue;
                }
                rest.Add(t);
            }
            foreach (var r in rest)
            {
                if (title is null && !OfficeWordRx.IsMatch(r))
                {
                    title = r;
                }
                else if (office is null)
                {
                    office = r;
                }
            }
            result.Add(new LetterParty(name, title, office));
        }
        if (result.Count == 0)
        {
            // A closing with a typed name and no /s/: the first line after the closing that reads as a name.
            var name = lines.Skip(1).FirstOrDefault(l => PersonRx.IsMatch(l) && !OfficeWordRx.IsMatch(l));
            if (name is not null)
            {
                var at = lines.IndexOf(name);
                var title = at + 1 < lines.Count ? lines[at + 1] : null;
                var office = at + 2 < lines.Count ? lines[at + 2] : null;
                result.Add(new LetterParty(name, title, office));
            }
        }
        return result;
    }

    private static string? CompanyFrom(string re)
    {
        if (re.Length == 0)
        {
            return null;
        }
        var m = Regex.Match(re, @"^(.+?)(?:\s*\((?:the\s+)?[“""]|\s+(?:Amendment No|Forms?\s+[0-9A-Z]|Registration Statement|Schedule\s|Annual Report|Quarterly Report|Current Report|Preliminary|Definitive|Draft|Offering Statement|Response to|File No|Filed\s)|$)", Opt);
        var name = m.Groups[1].Value.Trim().TrimEnd(',', ';', ' ');
        return name.Length == 0 || name.Length > 120 ? null : name;
    }

    private static readonly Regex FormRx = new(@"(?:Amendment\s+No\.\s*\d+\s+to\s+)?(?:(?:Registration Statement|Annual Report|Quarterly Report|Current Report|Proxy Statement|Transition Report|Offering Statement)\s+on\s+)?(?:Forms?|Schedule)\s+((?:DEF|PRE|DEFA|PREM|DEFM)\s?14[AC]|TO-[TC]|14D-9|13[DEG]|[0-9]{1,2}-[A-Z]{1,2}[0-9]?|[A-Z]{1,2}-[0-9]{1,2}[A-Z]?|20-F|40-F|10)(/A)?\b", Opt);

    private static List<FilingUnderReview> FilingsFrom(string re)
    {
        var result = new List<FilingUnderReview>();
        var matches = FormRx.Matches(re);
        var files = Regex.Matches(re, @"File\s+(?:No|Nos|Number)s?\.?\s*:?\s*((?:\d{1,3}\s?-\s?\d{4,6}(?:-\d{1,3})?)(?:\s*(?:,|and|&)\s*\d{1,3}\s?-\s?\d{4,6}(?:-\d{1,3})?)*)", OptI);
        var fileNumbers = files.SelectMany(f => Regex.Matches(f.Groups[1].Value, @"\d{1,3}\s?-\s?\d{4,6}(?:-\d{1,3})?", Opt)).Select(x => x.Value.Replace(" ", string.Empty, StringComparison.Ordinal)).ToList();
        for (var i = 0; i < matches.Count; i++)
        {
            var m = matches[i];
            var end = i + 1 < matches.Count ? matches[i + 1].Index : re.Length;
            var segment = re[m.Index..end];
            var period = Regex.Match(segment, @"(?:for\s+(?:the\s+)?)?((?:Fiscal\s+)?(?:Year|Quarter|Quarterly Period|Period|Transition Period|Fiscal Quarter)s?\s+Ended\s+" + Month + @"\s+\d{1,2}\s*,\s*\d{4})", OptI);
            var filed = Regex.Match(segment, @"(?:Filed|Submitted|Furnished)(?:\s+on)?\s+(" + Month + @"\s+\d{1,2}\s*,\s*\d{4})", OptI);
            var file = Regex.Match(segment, @"\d{1,3}\s?-\s?\d{4,6}(?:-\d{1,3})?", Opt);
            var form = m.Groups[1].Value + m.Groups[2].Value;
            var fileNumber = file.Success && files.Count > 0 ? file.Value.Replace(" ", string.Empty, StringComparison.Ordinal) : fileNumbers.FirstOrDefault();
            result.Add(new FilingUnderReview(form, period.Success ? period.Groups[1].Value : null, filed.Success ? ParseDate(filed.Groups[1].Value) : null, fileNumber, segment.Trim()));
        }
        if (result.Count == 0 && fileNumbers.Count > 0)
        {
            result.Add(new FilingUnderReview(string.Empty, null, null, fileNumbers[0], re));
        }
        return result;
    }

    internal static DateOnly? ParseDateLine(string line)
    {
        var t = line.Trim();
        return DateLineRx.IsMatch(t) || Regex.IsMatch(t, @"^" + Month + @"\s+\d{1,2}\s*,\s*\d{4}\b", OptI) && t.Length < 40 ? ParseDate(t) : null;
    }

    internal static DateOnly? ParseDate(string text)
    {
        var m = DateRx.Match(text);
        if (!m.Success)
        {
            return null;
        }
        var s = Regex.Replace(m.Value, @"\s*,\s*", ", ", Opt);
        s = Regex.Replace(s, @"\s+", " ", Opt).Replace(".", string.Empty, StringComparison.Ordinal).Replace("Sept ", "Sep ", StringComparison.Ordinal);
        string[] formats = ["MMMM d, yyyy", "MMM d, yyyy"];
        return DateOnly.TryParseExact(s, formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var d) ? d : null;
    }

    private static readonly Regex RedactionRx = new(@"\[\s*\*{2,}\s*\]|\[\s*Redacted\s*\]|\[\s*REDACTED\s*\]|\[\s*\*\s*\*\s*\*\s*\]", Opt);

    private static List<Redaction> FindRedactions(List<LetterComment> comments, List<Paragraph> paragraphs)
    {
        var result = new List<Redaction>();
        void Scan(string? text, int? comment, bool inResponse, int? page)
        {
            if (string.IsNullOrEmpty(text))
            {
                return;
            }
            foreach (Match m in RedactionRx.Matches(text))
            {
                var from = Math.Max(0, m.Index - 60);
                var to = Math.Min(text.Length, m.Index + m.Length + 60);
                result.Add(new Redaction(m.Value, text[from..to], comment, inResponse, page));
            }
        }
        foreach (var c in comments)
        {
            Scan(c.Text, c.Number, false, null);
            Scan(c.Response, c.Number, true, null);
        }
        if (comments.Count == 0)
        {
            foreach (var p in paragraphs)
            {
                Scan(p.Text, null, false, p.Page > 0 ? p.Page : null);
            }
        }
        else
        {
            // Text before the first comment (the preamble).
            var firstText = comments[0].Text;
            foreach (var p in paragraphs)
            {
                if (firstText.Length > 0 && p.Text.Contains(firstText[..Math.Min(30, firstText.Length)], StringComparison.Ordinal))
                {
                    break;
                }
                Scan(p.Text, null, false, p.Page > 0 ? p.Page : null);
            }
        }
        return result;
    }
}
