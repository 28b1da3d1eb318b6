using System.Text.RegularExpressions;

namespace EdgarSharp.Correspondence.Internal;

/// <summary>Rules, standards, items and forms cited in a letter, each with a normalised id.</summary>
internal static class Citations
{
    private const RegexOptions Opt = RegexOptions.CultureInvariant;
    private const string Item = @"\d{1,3}[A-Z]?(?:\s?\([a-z0-9]{1,5}\))*";
    private const string SxRule = @"\d{1,2}-\d{2}[A-Z]?(?:\s?\([a-z0-9]{1,5}\))*";

    private static readonly (Regex Rx, Func<Match, IEnumerable<(string Id, string Family)>> Ids)[] Rules =
    [
        // Item 303(a)(3)(ii) of Regulation S-K; Items 303 and 101(c) of Regulation S-K
        (new Regex(@"\bItems?\s+(" + Item + @"(?:\s*(?:,|and|or|through)\s*(?:Item\s+)?" + Item + @")*)\s+of\s+Regulation\s+S-([KX])\b", Opt),
            m => Split(m.Groups[1].Value, Item).Select(i => ("S-" + m.Groups[2].Value + " " + Clean(i), "S-" + m.Groups[2].Value))),
        // S-K Item 303(a); Regulation S-K Item 303
        (new Regex(@"\b(?:Regulation\s+)?S-([KX])\s+Items?\s+(" + Item + ")", Opt),
            m => [("S-" + m.Groups[1].Value + " " + Clean(m.Groups[2].Value), "S-" + m.Groups[1].Value)]),
        // Rule 5-02 of Regulation S-X; Rules 3-01 and 3-02 of Regulation S-X
        (new Regex(@"\b(?:Rules?|Sections?)\s+(" + SxRule + @"(?:\s*(?:,|and|or)\s*" + SxRule + @")*)\s+of\s+Regulation\s+S-X\b", Opt),
            m => Split(m.Groups[1].Value, SxRule).Select(i => ("S-X " + Clean(i), "S-X"))),
        (new Regex(@"\b(?:Regulation\s+)?S-X\s+(?:Rule\s+)?(" + SxRule + ")", Opt),
            m => [("S-X " + Clean(m.Groups[1].Value), "S-X")]),
        (new Regex(@"\bArticle\s+(\d{1,2})\s+of\s+Regulation\s+S-X\b", Opt),
            m => [("S-X Article " + m.Groups[1].Value, "S-X")]),
        // ASC 450-20-50-4, FASB ASC Topic 606, ASC Subtopic 350-20
        (new Regex(@"\b(?:FASB\s+)?(?:ASC|Accounting Standards Codification)(?:\s*\(ASC\))?\s*(?:Topic|Subtopic|Section|Paragraph|paragraph|topic|subtopic|section)?\s*(\d{3}(?:-\d{2}){0,3}(?:-\d{1,2}[A-Z]?)?)", Opt),
            m => [("ASC " + m.Groups[1].Value, "ASC")]),
        (new Regex(@"\b(?:Topic|Subtopic)\s+(\d{3}(?:-\d{2})?)\b", Opt),
            m => [("ASC " + m.Groups[1].Value, "ASC")]),
        // SAB 99; Staff Accounting Bulletin No. 99; SAB Topic 1.M
        (new Regex(@"\b(?:SAB|Staff Accounting Bulletin)\s+Topic\s+(\d{1,2})\.?([A-Z](?:\.\d)?)?", Opt),
            m => [("SAB Topic " + m.Groups[1].Value + m.Groups[2].Value, "SAB")]),
        (new Regex(@"\b(?:SAB|Staff Accounting Bulletin)\s*(?:No\.?\s*)?(\d{2,3})\b", Opt),
            m => [("SAB " + m.Groups[1].Value, "SAB")]),
        // SFAS 5, FAS No. 157, Statement of Financial Accounting Standards No. 5; FIN 48; APB 25; EITF 00-21
        (new Regex(@"\b(?:SFAS|FAS|Statement of Financial Accounting Standards|FASB Statement)\s*(?:No\.?\s*)?(\d{1,3})\b", Opt),
            m => [("SFAS " + m.Groups[1].Value, "FAS")]),
        (new Regex(@"\b(?:FIN|FASB Interpretation)\s*(?:No\.?\s*)?(\d{1,3})\b", Opt), m => [("FIN " + m.Groups[1].Value, "FAS")]),
        (new Regex(@"\b(?:APB)\s*(?:Opinion\s*)?(?:No\.?\s*)?(\d{1,2})\b", Opt), m => [("APB " + m.Groups[1].Value, "FAS")]),
        (new Regex(@"\bEITF\s*(?:Issue\s*)?(?:No\.?\s*)?(\d{2}-\d{1,2})\b", Opt), m => [("EITF " + m.Groups[1].Value, "FAS")]),
        (new Regex(@"\bIFRS\s*(\d{1,2})\b", Opt), m => [("IFRS " + m.Groups[1].Value, "IFRS")]),
        (new Regex(@"\bIAS\s*(\d{1,2})\b", Opt), m => [("IAS " + m.Groups[1].Value, "IAS")]),
        (new Regex(@"\bPCAOB\s+(?:Auditing Standard|AS)\s*(?:No\.?\s*)?(\d{1,4})\b", Opt), m => [("PCAOB AS " + m.Groups[1].Value, "PCAOB")]),
        // Rule 101(b)(3) of Regulation S-T
        (new Regex(@"\bRules?\s+(\d{1,3}[A-Za-z]?(?:\s?\([a-z0-9]{1,5}\))*)\s+(?:of|under)\s+Regulation\s+(S-T|M|G|FD|AB|A|D|S|BTR)\b", Opt),
            m => [("Regulation " + m.Groups[2].Value + " Rule " + Clean(m.Groups[1].Value), "Regulation")]),
        // Exchange Act Rule 13a-15(e); Rule 14a-8; Securities Act Rule 430B; Rule 144
        (new Regex(@"\b(?:(Exchange Act|Securities Act)\s+)?Rules?\s+(\d{1,2}[a-z]-\d{1,3}[A-Za-z]?(?:\s?\([a-z0-9]{1,5}\))*)", Opt),
            m => [("Exchange Act Rule " + Clean(m.Groups[2].Value), "Exchange Act")]),
        (new Regex(@"\b(?:(Securities Act)\s+)?Rules?\s+(\d{3}[A-Z]?(?:\s?\([a-z0-9]{1,5}\))*)(?!\s*of\s+Regulation)", Opt),
            m => [("Securities Act Rule " + Clean(m.Groups[2].Value), "Securities Act")]),
        // Section 13(a) of the Exchange Act
        (new Regex(@"\bSections?\s+(\d{1,2}[A-Z]?(?:\s?\([a-z0-9]{1,5}\))*)\s+of\s+the\s+(Securities Exchange Act(?: of 1934)?|Exchange Act|Securities Act(?: of 1933)?)", Opt),
            m => [((m.Groups[2].Value.Contains("Exchange", StringComparison.Ordinal) ? "Exchange Act Section " : "Securities Act Section ") + Clean(m.Groups[1].Value),
                m.Groups[2].Value.Contains("Exchange", StringComparison.Ordinal) ? "Exchange Act" : "Securities Act")]),
        (new Regex(@"\b(?:Exchange Act|Securities Act)\s+Section\s+(\d{1,2}[A-Z]?(?:\s?\([a-z0-9]{1,5}\))*)", Opt),
            m => [((m.Value.StartsWith("Exchange", StringComparison.Ordinal) ? "Exchange Act Section " : "Securities Act Section ") + Clean(m.Groups[1].Value),
                m.Value.StartsWith("Exchange", StringComparison.Ordinal) ? "Exchange Act" : "Securities Act")]),
        // Release No. 33-10890
        (new Regex(@"\bRelease\s+(?:No\.?\s*)?((?:33|34|IC|IA)-\d{3,6})", Opt), m => [("Release " + m.Groups[1].Value, "Release")]),
        // Regulation G, Regulation FD, Regulation AB
        (new Regex(@"\bRegulation\s+(G|FD|AB|BTR|M|A|D|S|S-T|14A|13D-G)\b(?!-)", Opt), m => [("Regulation " + m.Groups[1].Value, "Regulation")]),
        // Forms
        (new Regex(@"\bForms?\s+(10-K|10-Q|8-K|20-F|40-F|6-K|11-K|S-1|S-3|S-4|S-8|F-1|F-3|F-4|10|DEF\s?14A|PRE\s?14A|N-CSR)(/A)?\b", Opt),
            m => [("Form " + m.Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal) + m.Groups[2].Value, "Form")]),
    ];

    private static IEnumerable<string> Split(string list, string item) => Regex.Matches(list, item, Opt).Select(x => x.Value);

    private static string Clean(string s) => s.Replace(" ", string.Empty, StringComparison.Ordinal);

    /// <summary>The citations of one text, in order, each id once.</summary>
    public static List<(string Text, string Id, string Family)> Find(string text)
    {
        var found = new List<(int Index, string Text, string Id, string Family)>();
        var taken = new List<(int From, int To)>();
        foreach (var (rx, ids) in Rules)
        {
            foreach (Match m in rx.Matches(text))
            {
                // A span another rule has already read (the S-K item list) is not read again.
                if (taken.Any(t => m.Index < t.To && m.Index + m.Length > t.From))
                {
                    continue;
                }
                taken.Add((m.Index, m.Index + m.Length));
                foreach (var (id, family) in ids(m))
                {
                    found.Add((m.Index, m.Value, id, family));
                }
            }
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return found.OrderBy(f => f.Index).Where(f => seen.Add(f.Id)).Select(f => (f.Text, f.Id, f.Family)).ToList();
    }

    public static List<Citation> Extract(IReadOnlyList<LetterComment> comments, string body)
    {
        var result = new List<Citation>();
        foreach (var c in comments)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (text, id, family) in Find(c.Text + "\n" + c.Response))
            {
                if (seen.Add(id))
                {
                    result.Add(new Citation(text, id, family, c.Number));
                }
            }
        }
        if (comments.Count == 0)
        {
            result.AddRange(Find(body).Select(f => new Citation(f.Text, f.Id, f.Family, null)));
        }
        return result;
    }
}

/// <summary>Sentences in which the company promises a change.</summary>
internal static class Commitments
{
    private const RegexOptions Opt = RegexOptions.CultureInvariant;
    private static readonly Regex TriggerRx = new(@"\b(will (?:also )?(?:include|revise|continue|add|expand|provide|disclose|clarify|update|enhance|modify|remove|amend|present|discuss|file|separately|consider|reflect|describe|make|incorporate)|intends? to|propose[sd]? to|plans? to|undertakes? to|commits? to|expects? to (?:add|include|provide|revise|disclose)|in future filings)\b", Opt | RegexOptions.IgnoreCase);
    private static readonly Regex SubjectRx = new(@"\b(?:[Tt]he Company|[Ww]e|[Oo]ur|[Mm]anagement|[Tt]he [A-Z][a-z]+ will)\b|future (?:SEC )?filings", Opt);
    private static readonly Regex FilingRx = new(@"(?:(?:Annual|Quarterly|Current) Report on )?Form\s+(?:10-K|10-Q|8-K|20-F|6-K|S-\d|DEF 14A)(?:/A)?|future (?:SEC |periodic )?(?:filings|reports)|(?:subsequent|future) (?:quarterly and annual|annual and quarterly|periodic|annual|quarterly) (?:reports|filings)|(?:Item|Note|Footnote)\s+\d+[A-Z]?(?=\s+(?:of|to|in)\s+the\s+Form)", Opt);
    private static readonly Regex PeriodRx = new(@"(?:fiscal\s+)?(?:year|quarter|quarterly period|period)s?\s+end(?:ed|ing)\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}|fiscal (?:year )?\d{4}|(?:for|in) (?:the )?(?:fiscal )?(?:year )?\d{4}(?! \d)", Opt | RegexOptions.IgnoreCase);
    private static readonly Regex DefinedRx = new(@"((?:fiscal\s+)?(?:year|quarter|quarterly period|period)s?\s+end(?:ed|ing)\s+[A-Z][a-z]+\s+\d{1,2},\s+\d{4})\s*\(the\s+[“""]([^”""]+)[”""]\)", Opt | RegexOptions.IgnoreCase);

    public static List<Commitment> Extract(IReadOnlyList<LetterComment> comments, string body)
    {
        var defined = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in DefinedRx.Matches(body + "\n" + string.Join("\n", comments.Select(c => c.Response))))
        {
            defined.TryAdd(m.Groups[2].Value, m.Groups[1].Value);
        }
        var result = new List<Commitment>();
        foreach (var c in comments)
        {
            if (string.IsNullOrEmpty(c.Response))
            {
                continue;
            }
            foreach (var paragraph in c.Response.Split('\n'))
            {
                // Proposed disclosure is quoted text, not the company's promise.
                if (paragraph.StartsWith('“') || paragraph.StartsWith('"'))
                {
                    continue;
                }
                var unquoted = Regex.Replace(paragraph, @"“[^”]{60,}”", "“…”", Opt);
                foreach (var sentence in Sentences(unquoted))
                {
                    var t = TriggerRx.Match(sentence);
                    if (!t.Success || !SubjectRx.IsMatch(sentence))
                    {
                        continue;
                    }
                    var filings = FilingRx.Matches(sentence).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
                    var period = PeriodRx.Match(sentence);
                    string? periodText = period.Success ? period.Value : null;
                    if (periodText is null)
                    {
                        foreach (var (term, value) in defined)
                        {
                            if (sentence.Contains(term, StringComparison.Ordinal))
                            {
                                periodText = value;
                                break;
                            }
                        }
                    }
                    result.Add(new Commitment(sentence.Trim(), t.Groups[1].Value, filings.Count == 0 ? null : string.Join("; ", filings), periodText, c.Number));
                }
            }
        }
        return result;
    }

    internal static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '.' or '?' or '!' && (i + 1 == text.Length || text[i + 1] == ' ' && i + 2 < text.Length && (char.IsUpper(text[i + 2]) || text[i + 2] is '“' or '"')))
            {
                // Not after an abbreviation (Inc., No., U.S.).
                var word = text[start..(i + 1)].Split(' ')[^1];
                if (word is "Inc." or "No." or "Nos." or "Co." or "Corp." or "Mr." or "Ms." or "Dr." or "U.S." or "N.E." or "Ltd." or "L.P." or "S.A." or "v." or "St.")
                {
                    continue;
                }
                yield return text[start..(i + 1)];
                start = i + 1;
            }
        }
        if (start < text.Length && text[start..].Trim().Length > 0)
        {
            yield return text[start..];
        }
    }
}
