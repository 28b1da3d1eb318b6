using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EdgarSharp.Ownership.Internal;

/// <summary>
/// Reads a Form 3, 4 or 5 from text extracted from a PDF rendering (cells separated by tabs, columns scrambled,
/// numbers split across cells, homoglyphs for capitals, superscript footnote marks). Each row is read into
/// candidate readings per field; the form's arithmetic (holdings after each row, derivative securities left after
/// an exercise, Table I exercises matching Table II) chooses among them. What cannot be read is an error with its
/// line; what is inferred is named.
/// </summary>
internal sealed partial class RenderedTextParser
{
    private enum Kind
    {
        Word,
        Number,
        Money,
        Date,
        DateFragment,
        Mark,
        Junk,
    }

    private sealed record Token(string Text, int Cell, Kind Kind, DateOnly? Date = null, bool Standalone = false);

    private readonly string _document;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<string> _inferred = [];
    private readonly string[] _lines;

    private RenderedTextParser(string text, string document, DiagnosticBag diagnostics)
    {
        _document = document;
        _diagnostics = diagnostics;
        _lines = Fragments.Normalize(text).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
    }

    [GeneratedRegex(@"<[^>]{1,10}>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^(?<core>.*?)(?<mark>⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾|\((?<n>\d{1,2})\)|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)$")]
    private static partial Regex TrailingMark();

    [GeneratedRegex(@"^\s*[-•*]?\s*(?<dollar>\$?)(?<n>\d{1,2})\.(?<body>.*)$")]
    private static partial Regex FootnoteLine();

    [GeneratedRegex(@"Reporting Person\*?\s+(?<name>[^\t]+)")]
    private static partial Regex OwnerName();

    [GeneratedRegex(@"Trading Symbol\s+(?<name>[^\t\[]+?)\s*\[\s*(?<ticker>[A-Za-z0-9.\-]+)\s*\]")]
    private static partial Regex IssuerLine();

    [GeneratedRegex(@"^(?<city>.+?)\s+(?<state>[A-Z]{2})\s+(?<zip>\d{5}(?:-\d{4})?)$")]
    private static partial Regex CityLine();

    public static (OwnershipDocument Document, List<string> Inferred) Parse(string text, OwnershipSource source, DiagnosticBag diagnostics)
    {
        var parser = new RenderedTextParser(text, source.Document, diagnostics);
        return parser.Read(source);
    }

    private SourceLocation At(int line) => new(_document, line + 1, 1);

    private static string Flat(string line) => Tag().Replace(line, string.Empty).Replace('\t', ' ');

    private int Find(Func<string, bool> predicate, int from = 0)
    {
        for (var i = from; i < _lines.Length; i++)
        {
            if (predicate(_lines[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private (OwnershipDocument, List<string>) Read(OwnershipSource source)
    {
        var formLine = Find(l => Regex.IsMatch(l, @"^\s*FORM\s+[345]\b", RegexOptions.CultureInvariant));
        var form = formLine >= 0 ? Regex.Match(_lines[formLine], @"FORM\s+([345])", RegexOptions.CultureInvariant).Groups[1].Value : null;
        var tableOne = Find(l => Flat(l).Replace(" ", "", StringComparison.Ordinal).Contains("TableI-", StringComparison.Ordinal)
            || Regex.IsMatch(Flat(l).Replace(" ", "", StringComparison.Ordinal), "Table(I|1)[^I]", RegexOptions.CultureInvariant));
        var tableTwo = Find(l => Flat(l).Contains("Table II", StringComparison.Ordinal), Math.Max(0, tableOne + 1));
        var explanation = Find(l => Flat(l).Replace(" ", "", StringComparison.Ordinal).Contains("Explanation", StringComparison.Ordinal)
            || Flat(l).Replace(" ", "", StringComparison.Ordinal).Contains("ofResponses", StringComparison.Ordinal), Math.Max(0, tableTwo + 1));
        if (tableOne < 0)
        {
            _diagnostics.Error(OwnershipDiagnosticCodes.UnreadableRendering, "No Table I heading was found; this text does not look like a Form 3, 4 or 5. Only the header was read.", At(0));
        }
        var headerEnd = tableOne >= 0 ? tableOne : _lines.Length;
        var owner = ReadOwner(headerEnd);
        var issuer = ReadIssuer(headerEnd);
        var (amendmentDate, earliest) = ReadHeaderDates(headerEnd);

        var endOne = tableTwo >= 0 ? tableTwo : explanation >= 0 ? explanation : _lines.Length;
        var endTwo = explanation >= 0 ? explanation : _lines.Length;
        var derivative = tableTwo >= 0 ? ReadDerivativeRows(tableTwo + 1, endTwo) : null;
        var nonDerivative = tableOne >= 0 ? ReadNonDerivativeRows(tableOne + 1, endOne, derivative ?? []) : null;
        var (footnotes, remarks) = explanation >= 0 ? ReadFootnotes(explanation + 1) : (new List<Footnote>(), null);
        var signatures = ReadSignatures();

        var period = earliest;
        if (period is null && form == "4")
        {
            period = (nonDerivative ?? []).Concat(derivative ?? []).Select(r => r.TransactionDate.Value).Where(d => d is not null).Min();
            if (period is not null)
            {
                _inferred.Add("periodOfReport: the date of earliest transaction is lost in the text; the earliest transaction date was taken");
            }
        }
        var document = new OwnershipDocument
        {
            DocumentType = form is null ? null : amendmentDate is null ? form : form + "/A",
            PeriodOfReport = period,
            DateOfOriginalSubmission = amendmentDate,
            Issuer = issuer,
            ReportingOwners = owner is null ? [] : [owner],
            NonDerivativeTable = nonDerivative,
            DerivativeTable = derivative,
            Footnotes = footnotes,
            Remarks = remarks,
            Signatures = signatures,
            Source = source,
            Inferred = _inferred,
        };
        return (document, _inferred);
    }

    // ---------------------------------------------------------------- header

    private ReportingOwner? ReadOwner(int headerEnd)
    {
        string? name = null;
        var nameLine = -1;
        for (var i = 0; i < headerEnd && name is null; i++)
        {
            var m = OwnerName().Match(_lines[i]);
            if (m.Success && _lines[i].Contains("Name and Address", StringComparison.Ordinal))
            {
                name = m.Groups["name"].Value.Trim();
                nameLine = i;
            }
        }
        if (name is null)
        {
            _diagnostics.Error(OwnershipDiagnosticCodes.UnreadableRendering, "The reporting person's name (box 1) was not found.", At(0));
        }
        return new ReportingOwner(null, null, name, ReadAddress(nameLine, headerEnd), ReadRelationship(headerEnd));
    }

    private OwnerAddress? ReadAddress(int nameLine, int headerEnd)
    {
        if (nameLine < 0)
        {
            return null;
        }
        var streetLine = Find(l => l.Contains("(Street)", StringComparison.Ordinal), nameLine);
        if (streetLine < 0 || streetLine >= headerEnd)
        {
            return null;
        }
        string? street = null;
        for (var i = nameLine + 1; i < streetLine; i++)
        {
            var first = _lines[i].Split('\t')[0].Trim();
            if (first.Length > 0 && char.IsAsciiDigit(first[0]))
            {
                var cells = new List<string>();
                foreach (var cell in _lines[i].Split('\t'))
                {
                    var c = cell.Trim();
                    // The street ends at an empty cell or at the next box's label.
                    if ((c.Length == 0 && cells.Count > 0) || (cells.Count > 0 && IsLabel(c)))
                    {
                        break;
                    }
                    cells.Add(c);
                }
                street = string.Concat(cells);
                break;
            }
        }
        var rest = _lines[streetLine][(_lines[streetLine].IndexOf("(Street)", StringComparison.Ordinal) + 8)..];
        var parts = new List<string>();
        foreach (var cell in rest.Split('\t'))
        {
            var c = Regex.Replace(cell.Trim(), @"^[a-z]+\)\s*", string.Empty, RegexOptions.CultureInvariant);
            if (c.Length == 0 || c.StartsWith('-') || c.Contains("Amendment", StringComparison.Ordinal))
            {
                if (parts.Count > 0)
                {
                    break;
                }
                continue;
            }
            parts.Add(c);
        }
        string? city = null, state = null, zip = null;
        foreach (var candidate in JoinText(parts))
        {
            var m = CityLine().Match(candidate);
            if (m.Success)
            {
                (city, state, zip) = (m.Groups["city"].Value, m.Groups["state"].Value, m.Groups["zip"].Value);
                break;
            }
        }
        return street is null && city is null ? null : new OwnerAddress(street, null, city, state, zip, null);
    }

    private static bool IsLabel(string cell) =>
        Regex.IsMatch(cell, @"^\d{1,2}[A-Z]?\.\s", RegexOptions.CultureInvariant) || cell.StartsWith("If Am", StringComparison.Ordinal)
        || cell.Contains("Director", StringComparison.Ordinal) || cell.Contains("Officer", StringComparison.Ordinal) || cell.Contains("(Month", StringComparison.Ordinal);

    /// <summary>Texts split across cells joined with the largest overlap first (<c>NEW YO</c> + <c>EW YORK</c>).</summary>
    private static IEnumerable<string> JoinText(List<string> parts)
    {
        if (parts.Count == 0)
        {
            yield break;
        }
        var joined = parts[0];
        for (var i = 1; i < parts.Count; i++)
        {
            var b = parts[i];
            var best = 0;
            for (var k = Math.Min(joined.Length, b.Length) - 1; k >= 2; k--)
            {
                if (joined.AsSpan(joined.Length - k).SequenceEqual(b.AsSpan(0, k)))
                {
                    best = k;
                    break;
                }
            }
            joined = best > 0 ? joined + b[best..] : joined + " " + b;
        }
        yield return joined;
        yield return string.Join(' ', parts);
    }

    private OwnerRelationship? ReadRelationship(int headerEnd)
    {
        bool? director = null, officer = null, tenPercent = null, other = null;
        string? title = null;
        for (var i = 0; i < headerEnd; i++)
        {
            var line = _lines[i];
            foreach (var cell in line.Split('\t'))
            {
                var c = cell.Trim();
                if (Regex.IsMatch(c, @"^X\s+Director", RegexOptions.CultureInvariant))
                {
                    director = true;
                }
                if (Regex.IsMatch(c, @"^X\s+Officer", RegexOptions.CultureInvariant))
                {
                    officer = true;
                }
                if (Regex.IsMatch(c, @"^X\s+10% Owner", RegexOptions.CultureInvariant))
                {
                    tenPercent = true;
                }
                if (Regex.IsMatch(c, @"^X\s+Other \(", RegexOptions.CultureInvariant))
                {
                    other = true;
                }
            }
            var give = line.IndexOf("(give title", StringComparison.Ordinal);
            if (give >= 0 && title is null)
            {
                var after = line[(give + "(give title".Length)..];
                var first = after.Split('\t')[0].Trim();
                if (first.StartsWith("below)", StringComparison.Ordinal) && first.Length > "below)".Length)
                {
                    // The title written after the label in the same cell.
                    title = first["below)".Length..].Trim();
                }
                else if (first.StartsWith("below)", StringComparison.Ordinal))
                {
                    // The title is on the next line of text.
                    for (var j = i + 1; j < headerEnd; j++)
                    {
                        var next = _lines[j].Split('\t').Select(x => x.Trim()).FirstOrDefault(x => x.Length > 0);
                        if (next is not null)
                        {
                            if (!next.Contains("Date", StringComparison.Ordinal) && !next.Contains("(", StringComparison.Ordinal))
                            {
                                title = next;
                            }
                            break;
                        }
                    }
                }
                else
                {
                    var parts = new List<string>();
                    if (first.Length > 0)
                    {
                        parts.Add(first);
                    }
                    var below = after.LastIndexOf("below)", StringComparison.Ordinal);
                    if (below >= 0)
                    {
                        var tail = after[(below + "below)".Length)..].Split('\t')[0].Trim();
                        if (tail.Length > 0)
                        {
                            parts.Add(tail);
                        }
                    }
                    title = parts.Count == 0 ? null : string.Join(' ', parts);
                }
            }
        }
        if (officer is null && !string.IsNullOrEmpty(title))
        {
            officer = true;
            _inferred.Add($"reportingOwnerRelationship.isOfficer: the officer box is lost in the text; inferred from the title '{title}'");
            _diagnostics.Warning(
                OwnershipDiagnosticCodes.Inferred,
                $"The officer box cannot be read in this text; the owner is taken to be an officer because the form gives the title '{title}'.",
                At(0));
        }
        if (director is null && officer is null && tenPercent is null && other is null)
        {
            return null;
        }
        return new OwnerRelationship(director, officer, tenPercent, other, title, null);
    }

    private Issuer ReadIssuer(int headerEnd)
    {
        for (var i = 0; i < headerEnd; i++)
        {
            var m = IssuerLine().Match(_lines[i]);
            if (m.Success)
            {
                return new Issuer(null, m.Groups["name"].Value.Trim(), m.Groups["ticker"].Value);
            }
        }
        _diagnostics.Error(OwnershipDiagnosticCodes.UnreadableRendering, "The issuer's name and ticker (box 2) were not found.", At(0));
        return new Issuer(null, null, null);
    }

    /// <summary>The date of an amendment's original, and the date of earliest transaction / event / fiscal year end, when legible.</summary>
    private (DateOnly? Amendment, DateOnly? Period) ReadHeaderDates(int headerEnd)
    {
        DateOnly? amendment = null, period = null;
        for (var i = 0; i < headerEnd; i++)
        {
            var line = _lines[i];
            foreach (var (label, isAmendment) in new[] { ("Date of Original Filed", true), ("If Amendment", true), ("Earliest Transaction", false), ("Requiring Statement", false), ("Fiscal Year Ended", false) })
            {
                var at = line.IndexOf(label, StringComparison.Ordinal);
                if (at < 0)
                {
                    continue;
                }
                var tail = line[at..];
                var close = tail.IndexOf(')', StringComparison.Ordinal);
                var text = close >= 0 ? tail[(close + 1)..] : tail;
                var cell = text.Split('\t').Select(c => c.Trim()).FirstOrDefault(c => c.Length > 0) ?? string.Empty;
                if (Fragments.TryFindDate(cell, out var date))
                {
                    if (isAmendment)
                    {
                        amendment ??= date;
                    }
                    else
                    {
                        period ??= date;
                    }
                }
            }
        }
        return (amendment, period);
    }

    // ---------------------------------------------------------------- tokens

    private static List<Token> Tokenize(string line)
    {
        var tokens = new List<Token>();
        var cells = Tag().Replace(line, string.Empty).Split('\t');
        for (var cell = 0; cell < cells.Length; cell++)
        {
            var pieces = cells[cell].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var cellTokens = new List<Token>();
            for (var p = 0; p < pieces.Length; p++)
            {
                var piece = pieces[p];
                if (piece == "$" && p + 1 < pieces.Length)
                {
                    piece = "$" + pieces[++p];
                }
                var marks = new Stack<string>();
                while (true)
                {
                    var m = TrailingMark().Match(piece);
                    if (!m.Success || (m.Groups["n"].Success && m.Groups["core"].Length > 0 && !Fragments.IsNumberChar(m.Groups["core"].Value[^1]) && !char.IsLetter(m.Groups["core"].Value[^1])))
                    {
                        break;
                    }
                    var digits = m.Groups["n"].Success ? m.Groups["n"].Value : new string(m.Groups["mark"].Value.Select(Fragments.SuperscriptDigit).Where(c => c is not null).Select(c => c!.Value).ToArray());
                    marks.Push(digits);
                    piece = m.Groups["core"].Value;
                }
                if (piece.Length > 0)
                {
                    cellTokens.Add(Classify(piece, cell));
                }
                foreach (var mark in marks)
                {
                    cellTokens.Add(new Token(mark, cell, Kind.Mark));
                }
            }
            var standalone = cellTokens.Count > 0 && cellTokens.All(t => t.Kind == Kind.Mark);
            tokens.AddRange(standalone ? cellTokens.Select(t => t with { Standalone = true }) : cellTokens);
        }
        return tokens;
    }

    private static Token Classify(string piece, int cell)
    {
        if (Fragments.TryFindDate(piece, out var date))
        {
            return new Token(piece, cell, Kind.Date, date);
        }
        if (piece.Contains('/', StringComparison.Ordinal) && piece.Any(char.IsAsciiDigit) && piece.All(c => char.IsAsciiDigit(c) || c == '/'))
        {
            return new Token(piece, cell, Kind.DateFragment);
        }
        var dollar = piece.IndexOf('$', StringComparison.Ordinal);
        if (dollar >= 0 && !piece.AsSpan(0, dollar).ContainsAnyExcept("([:;!'\"`"))
        {
            var rest = Fragments.Clean(piece[(dollar + 1)..]);
            return rest.Length > 0 ? new Token(rest, cell, Kind.Money) : new Token(piece, cell, Kind.Junk);
        }
        if (piece.Any(char.IsAsciiDigit) && piece.All(c => char.IsAsciiDigit(c) || c is ',' or '.' or '(' or ')' or '-' or ':'))
        {
            return new Token(Fragments.Clean(piece), cell, Kind.Number);
        }
        if (piece.Any(char.IsLetter))
        {
            return new Token(piece, cell, Kind.Word);
        }
        return new Token(piece, cell, Kind.Junk);
    }

    private static string Id(string mark) => "F" + mark;

    // ---------------------------------------------------------------- rows

    /// <summary>A row read into candidate readings before the arithmetic chooses.</summary>
    private sealed class DraftRow
    {
        public int Line;
        public string Title = "";
        public List<string> TitleMarks = [];
        public DateOnly? Date;
        public List<string> DateMarks = [];
        public DateOnly? Deemed;
        public string? Code;
        public List<string> CodeMarks = [];
        public List<Reading> Amount = [];
        public List<string> AmountMarks = [];
        public AcquiredDisposed? Sign;
        public int SignPenalty;
        public List<Reading> Price = [];
        public string? PriceText;
        public List<string> PriceMarks = [];
        public List<Reading> After = [];
        public List<string> AfterMarks = [];
        public OwnershipForm? Form;
        public List<string> FormMarks = [];
        public string? Nature;
        public List<string> NatureMarks = [];
        // Table II
        public List<Reading> Conversion = [];
        public List<string> ConversionMarks = [];
        public DateOnly? Exercisable;
        public List<string> ExercisableMarks = [];
        public DateOnly? Expiration;
        public List<string> ExpirationMarks = [];
        public string? Underlying;
        public List<string> UnderlyingMarks = [];
        public List<Reading> UnderlyingAmount = [];
        public List<string> UnderlyingAmountMarks = [];
        // Chosen
        public decimal? ChosenAmount;
        public AcquiredDisposed? ChosenSign;
        public decimal? ChosenAfter;
    }

    private static bool IsRowLine(List<Token> tokens) =>
        tokens.Count > 2 && tokens[0].Kind == Kind.Word && (tokens.Any(t => t.Kind == Kind.Date) || tokens.Count(t => t.Kind == Kind.DateFragment) >= 2)
        && !tokens.Any(t => t.Kind == Kind.Word && t.Text.Contains("Month/Day", StringComparison.Ordinal));

    /// <summary>Reads the title: words up to the first number, money, date or mark.</summary>
    private static int ReadTitle(List<Token> t, DraftRow row)
    {
        var i = 0;
        var words = new List<string>();
        while (i < t.Count && t[i].Kind is Kind.Word or Kind.Junk)
        {
            if (t[i].Kind == Kind.Word)
            {
                words.Add(t[i].Text);
            }
            i++;
        }
        while (i < t.Count && t[i].Kind == Kind.Mark)
        {
            row.TitleMarks.Add(Id(t[i].Text));
            i++;
        }
        row.Title = string.Join(' ', words);
        return i;
    }

    /// <summary>Reads the transaction date (and a deemed execution date) from the tokens at <paramref name="i"/>.</summary>
    private static int ReadDates(List<Token> t, int i, DraftRow row, bool stopAtCode)
    {
        var fragments = new List<string>();
        var dates = new List<DateOnly>();
        while (i < t.Count)
        {
            var token = t[i];
            if (token.Kind == Kind.Date)
            {
                dates.Add(token.Date!.Value);
            }
            else if (token.Kind == Kind.DateFragment)
            {
                fragments.Add(token.Text);
            }
            else if (token.Kind == Kind.Mark && dates.Count > 0)
            {
                row.DateMarks.Add(Id(token.Text));
            }
            else if (token.Kind is Kind.Word && stopAtCode)
            {
                break;
            }
            else if (token.Kind is not Kind.Junk)
            {
                break;
            }
            i++;
        }
        if (dates.Count == 0)
        {
            for (var f = 0; f + 1 < fragments.Count && dates.Count == 0; f++)
            {
                if (Fragments.TryJoinDate(fragments[f], fragments[f + 1], out var joined))
                {
                    dates.Add(joined);
                }
            }
        }
        if (dates.Count > 0)
        {
            row.Date = dates[0];
        }
        if (dates.Count > 1)
        {
            row.Deemed = dates[1];
        }
        return i;
    }

    private static string? CodeOf(Token token)
    {
        var text = token.Text.Trim('(', ')', '.', ':');
        return text.Length == 1 && OwnershipCodes.IsTransactionCode(text) ? text : null;
    }

    private static int ReadCode(List<Token> t, int i, DraftRow row)
    {
        while (i < t.Count && t[i].Kind == Kind.Junk)
        {
            i++;
        }
        if (i < t.Count && t[i].Kind == Kind.Word && CodeOf(t[i]) is { } code)
        {
            row.Code = code;
            i++;
            while (i < t.Count && t[i].Kind == Kind.Mark && !t[i].Standalone)
            {
                row.CodeMarks.Add(Id(t[i].Text));
                i++;
            }
            // "V": reported voluntarily, early.
            if (i < t.Count && t[i].Kind == Kind.Word && t[i].Text is "V" or "v" && t[i].Cell != t[i - 1].Cell)
            {
                i++;
            }
        }
        return i;
    }

    private static AcquiredDisposed? SignOf(Token token, out int penalty)
    {
        var text = token.Text.Trim('(', ')', '.', ':', '!');
        penalty = 0;
        switch (text)
        {
            case "A":
                return AcquiredDisposed.Acquired;
            case "D":
                return AcquiredDisposed.Disposed;
            case "I" or "l" or "1" or "O":
                // A damaged (D): read as D, at a cost.
                penalty = 2;
                return AcquiredDisposed.Disposed;
            default:
                return null;
        }
    }

    private static OwnershipForm? FormOf(Token token) => token.Text.Trim('(', ')', '.') switch
    {
        "D" => OwnershipForm.Direct,
        "I" => OwnershipForm.Indirect,
        _ => null,
    };

    /// <summary>Reads the ownership form (D or I) and any nature of ownership after it.</summary>
    private static void ReadOwnership(List<Token> t, int i, DraftRow row)
    {
        var words = new List<string>();
        for (; i < t.Count; i++)
        {
            var token = t[i];
            if (row.Form is null && token.Kind == Kind.Word && FormOf(token) is { } form)
            {
                row.Form = form;
                continue;
            }
            if (token.Kind == Kind.Mark)
            {
                (row.Form is null || words.Count == 0 ? row.FormMarks : row.NatureMarks).Add(Id(token.Text));
                if (words.Count > 0)
                {
                    row.FormMarks.Remove(Id(token.Text));
                }
                continue;
            }
            if (token.Kind == Kind.Word && row.Form is not null)
            {
                words.Add(token.Text);
            }
        }
        if (words.Count > 0)
        {
            row.Nature = string.Join(' ', words);
        }
    }

    private List<OwnershipRow> ReadNonDerivativeRows(int from, int to, IReadOnlyList<OwnershipRow> tableTwo)
    {
        var drafts = new List<DraftRow>();
        for (var line = from; line < to; line++)
        {
            var t = Tokenize(_lines[line]);
            if (!IsRowLine(t) && !IsHoldingLine(t))
            {
                continue;
            }
            var row = new DraftRow { Line = line };
            var i = ReadTitle(t, row);
            i = ReadDates(t, i, row, stopAtCode: true);
            i = ReadCode(t, i, row);
            var amount = new List<string>();
            var after = new List<string>();
            var stage = row.Code is null && row.Date is null ? 3 : 0; // 0 amount, 1 sign seen, 2 price seen, 3 holdings
            var tentative = false;
            for (; i < t.Count; i++)
            {
                var token = t[i];
                if (stage == 3 && after.Count > 0 && token.Kind == Kind.Word && FormOf(token) is not null)
                {
                    break;
                }
                switch (token.Kind)
                {
                    case Kind.Number when stage == 0:
                        amount.Add(token.Text);
                        break;
                    case Kind.Number when stage == 1:
                        // A bare number after the sign is the price unless a $ amount follows it.
                        row.Price = Fragments.Readings([token.Text]);
                        row.PriceText = token.Text;
                        tentative = true;
                        stage = 2;
                        break;
                    case Kind.Money when stage <= 1 || (stage == 2 && tentative):
                        row.Price = Fragments.Readings([token.Text]);
                        row.PriceText = token.Text;
                        tentative = false;
                        stage = 2;
                        break;
                    case Kind.Number or Kind.Money when stage >= 2:
                        after.Add(token.Text);
                        stage = 3;
                        break;
                    case Kind.Word when stage == 0 && SignOf(token, out var penalty) is { } sign:
                        row.Sign = sign;
                        row.SignPenalty = penalty;
                        stage = 1;
                        break;
                    case Kind.Mark:
                        (stage switch { 0 => row.AmountMarks, 1 => row.AmountMarks, 2 => row.PriceMarks, _ => row.AfterMarks }).Add(Id(token.Text));
                        break;
                }
            }
            ReadOwnership(t, i, row);
            row.Amount = Fragments.Readings(amount);
            row.After = Fragments.Readings(after);
            if (row.After.Count == 0)
            {
                _diagnostics.Error(
                    OwnershipDiagnosticCodes.UnreadableRendering,
                    $"Table I row '{row.Title}': the amount owned following the transaction cannot be read; the row is kept without it.",
                    At(line));
            }
            if (row.Code is not null && row.Price.Count == 0 && row.PriceMarks.Count == 0)
            {
                _diagnostics.Error(
                    OwnershipDiagnosticCodes.MissingColumn,
                    $"Table I row '{row.Title}': no price was found; the row is kept without it. Check the Price column of the rendering.",
                    At(line));
            }
            drafts.Add(row);
        }
        Solve(drafts, tableTwo);
        return drafts.Select(d => BuildRow(d, OwnershipTable.NonDerivative)).ToList();
    }

    private static bool IsHoldingLine(List<Token> t) =>
        t.Count >= 2 && t[0].Kind == Kind.Word && t.Any(x => x.Kind == Kind.Number) && !t.Any(x => x.Kind is Kind.Date or Kind.DateFragment)
        && t.Exists(x => x.Kind == Kind.Word && FormOf(x) is not null)
        && !t.Any(x => x.Kind == Kind.Word && (x.Text.Contains("Instr", StringComparison.Ordinal) || x.Text.Contains("Table", StringComparison.Ordinal)));

    private List<OwnershipRow> ReadDerivativeRows(int from, int to)
    {
        var drafts = new List<DraftRow>();
        for (var line = from; line < to; line++)
        {
            var t = Tokenize(_lines[line]);
            if (!IsRowLine(t))
            {
                continue;
            }
            var row = new DraftRow { Line = line };
            var i = ReadTitle(t, row);
            // Column 2: conversion or exercise price.
            var conversion = new List<string>();
            while (i < t.Count && t[i].Kind is Kind.Money or Kind.Number or Kind.Mark or Kind.Junk)
            {
                if (t[i].Kind is Kind.Money or Kind.Number)
                {
                    conversion.Add(t[i].Text);
                }
                else if (t[i].Kind == Kind.Mark)
                {
                    row.ConversionMarks.Add(Id(t[i].Text));
                }
                i++;
            }
            row.Conversion = Fragments.Readings(conversion);
            i = ReadDates(t, i, row, stopAtCode: true);
            i = ReadCode(t, i, row);
            var amount = new List<string>();
            var dates = new List<DateOnly>();
            var dateMarks = new List<List<string>>();
            var loose = new List<string>();
            // Column 5: amount; column 6: the exercisable and expiration dates, either a footnote alone.
            for (; i < t.Count; i++)
            {
                var token = t[i];
                if (token.Kind == Kind.Date)
                {
                    dates.Add(token.Date!.Value);
                    dateMarks.Add([]);
                    continue;
                }
                if (token.Kind == Kind.Mark)
                {
                    if (!token.Standalone && dates.Count > 0 && t[i - 1].Kind is Kind.Date or Kind.Mark && !t[i - 1].Standalone)
                    {
                        dateMarks[^1].Add(Id(token.Text));
                    }
                    else if (token.Standalone || dates.Count > 0)
                    {
                        loose.Add(Id(token.Text));
                    }
                    else
                    {
                        row.AmountMarks.Add(Id(token.Text));
                    }
                    continue;
                }
                if (token.Kind == Kind.Number && dates.Count == 0 && loose.Count == 0)
                {
                    amount.Add(token.Text);
                    continue;
                }
                if (token.Kind == Kind.Word && dates.Count > 0)
                {
                    break;
                }
            }
            if (dates.Count >= 2)
            {
                row.Exercisable = dates[0];
                row.ExercisableMarks.AddRange(dateMarks[0]);
                row.ExercisableMarks.AddRange(loose);
                row.Expiration = dates[1];
                row.ExpirationMarks.AddRange(dateMarks[1]);
            }
            else if (dates.Count == 1)
            {
                // One date: the expiration date; the exercisable date is a footnote alone (or blank).
                row.ExercisableMarks.AddRange(loose);
                row.Expiration = dates[0];
                row.ExpirationMarks.AddRange(dateMarks[0]);
            }
            else
            {
                row.ExercisableMarks.AddRange(loose);
            }
            // Column 7: underlying title and amount; 8: price; 9: owned following; 10, 11: ownership.
            var words = new List<string>();
            var underlying = new List<string>();
            var after = new List<string>();
            var stage = 0;
            for (; i < t.Count; i++)
            {
                var token = t[i];
                if (stage == 3 && after.Count > 0 && token.Kind == Kind.Word && FormOf(token) is not null)
                {
                    break;
                }
                switch (token.Kind)
                {
                    case Kind.Word when stage == 0:
                        words.Add(token.Text);
                        break;
                    case Kind.Number when stage <= 1:
                        underlying.Add(token.Text);
                        stage = 1;
                        break;
                    case Kind.Money when stage <= 1:
                        row.Price.AddRange(Fragments.Readings([token.Text]));
                        row.PriceText = token.Text;
                        stage = 2;
                        break;
                    case Kind.Number or Kind.Money when stage >= 2:
                        after.Add(token.Text);
                        stage = 3;
                        break;
                    case Kind.Mark:
                        (stage switch { 0 => row.UnderlyingMarks, 1 => row.UnderlyingAmountMarks, 2 => row.PriceMarks, _ => row.AfterMarks }).Add(Id(token.Text));
                        break;
                }
            }
            ReadOwnership(t, i, row);
            row.Underlying = words.Count == 0 ? null : RepairWords(words);
            row.UnderlyingAmount = Fragments.Readings(underlying);
            row.Amount = Fragments.Readings(amount);
            row.After = Fragments.Readings(after);
            if (row.After.Count == 0)
            {
                _diagnostics.Error(
                    OwnershipDiagnosticCodes.UnreadableRendering,
                    $"Table II row '{row.Title}': the number of derivative securities owned following the transaction cannot be read.",
                    At(line));
            }
            drafts.Add(row);
        }
        SolveDerivative(drafts);
        return drafts.Select(d => BuildRow(d, OwnershipTable.Derivative)).ToList();
    }

    private static readonly string[] Vocabulary = ["Common", "Stock", "Class", "Preferred", "Ordinary", "Shares", "Units", "Option", "Options", "Warrant", "Warrants", "Restricted"];

    /// <summary>Words split by extraction (<c>Commo</c> ... <c>n</c>) put back together with the form's vocabulary.</summary>
    private static string RepairWords(List<string> words)
    {
        var list = new List<string>(words);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Length != 1 || !char.IsLower(list[i][0]))
            {
                continue;
            }
            for (var j = 0; j < list.Count; j++)
            {
                if (j != i && Vocabulary.Contains(list[j] + list[i], StringComparer.Ordinal))
                {
                    list[j] += list[i];
                    list.RemoveAt(i);
                    i--;
                    break;
                }
            }
        }
        return string.Join(' ', list);
    }

    // ---------------------------------------------------------------- arithmetic

    private static string ChainKey(DraftRow r) => $"{r.Title.ToUpperInvariant()}|{r.Form}|{r.Nature}";

    /// <summary>Table I: chooses amount, sign and holdings per row so that the most links of each chain add up.</summary>
    private void Solve(List<DraftRow> rows, IReadOnlyList<OwnershipRow> tableTwo)
    {
        // An exercise in Table II of the same amount and date favours that amount in Table I.
        foreach (var row in rows.Where(r => r.Code is "M" or "X" or "C" or "O"))
        {
            var exercised = tableTwo.Where(x => x.Coding?.Code == row.Code && x.TransactionDate.Value == row.Date)
                .Select(x => x.UnderlyingSecurityShares.Value ?? x.Shares.Value).Where(v => v is not null).Select(v => v!.Value).ToHashSet();
            row.Amount = row.Amount.Select(a => exercised.Contains(a.Value) ? a with { Penalty = a.Penalty - 1 } : a).OrderBy(a => a.Penalty).ToList();
        }
        foreach (var chain in rows.Where(r => r.Code is not null).GroupBy(ChainKey, StringComparer.Ordinal))
        {
            Chain(chain.ToList(), r => r.Code is "S" or "F" or "D" or "G" ? AcquiredDisposed.Disposed : AcquiredDisposed.Acquired);
        }
        foreach (var row in rows.Where(r => r.Code is null))
        {
            row.ChosenAfter = row.After.FirstOrDefault().Penalty < 6 && row.After.Count > 0 ? row.After[0].Value : null;
        }
    }

    private void SolveDerivative(List<DraftRow> rows)
    {
        foreach (var chain in rows.GroupBy(r => $"{r.Title.ToUpperInvariant()}|{r.Conversion.FirstOrDefault().Value}|{r.Expiration}|{r.Form}", StringComparer.Ordinal))
        {
            Chain(chain.ToList(), r => r.Code is "A" or "P" or "J" or "L" or "W" ? AcquiredDisposed.Acquired : AcquiredDisposed.Disposed);
        }
        foreach (var row in rows)
        {
            // The underlying amount: the reading equal to the derivative amount when there is one (one-for-one options).
            if (row.ChosenAmount is { } a && row.UnderlyingAmount.Any(u => u.Value == a))
            {
                row.UnderlyingAmount = [new Reading(a, 0)];
            }
        }
    }

    /// <summary>
    /// Dynamic programming over one chain: for each row a holdings reading, so that the holdings before plus or
    /// minus one reading of the amount gives them; the most links that add up win, then the most natural readings.
    /// </summary>
    private void Chain(List<DraftRow> rows, Func<DraftRow, AcquiredDisposed> usualSign)
    {
        const int Link = 20;
        var n = rows.Count;
        var score = new List<int[]>();
        var back = new List<int[]>();
        for (var i = 0; i < n; i++)
        {
            var after = rows[i].After;
            var s = new int[Math.Max(1, after.Count)];
            var b = new int[s.Length];
            for (var j = 0; j < s.Length; j++)
            {
                var own = after.Count == 0 ? 0 : -after[j].Penalty;
                if (i == 0 || rows[i - 1].After.Count == 0 || after.Count == 0)
                {
                    var prevBest = i == 0 ? 0 : score[i - 1].Max();
                    s[j] = prevBest + own;
                    b[j] = i == 0 ? -1 : Array.IndexOf(score[i - 1], score[i - 1].Max());
                    continue;
                }
                var best = int.MinValue;
                var bestP = 0;
                for (var p = 0; p < score[i - 1].Length; p++)
                {
                    var link = LinkScore(rows[i - 1].After[p].Value, rows[i], after[j].Value, usualSign, out _, out _);
                    var total = score[i - 1][p] + own + (link is { } l ? Link - l : 0);
                    if (total > best)
                    {
                        best = total;
                        bestP = p;
                    }
                }
                s[j] = best;
                b[j] = bestP;
            }
            score.Add(s);
            back.Add(b);
        }
        // Backtrack.
        var choice = new int[n];
        choice[n - 1] = Array.IndexOf(score[n - 1], score[n - 1].Max());
        for (var i = n - 1; i > 0; i--)
        {
            choice[i - 1] = Math.Max(0, back[i][choice[i]]);
        }
        for (var i = 0; i < n; i++)
        {
            var row = rows[i];
            row.ChosenAfter = row.After.Count == 0 ? null : row.After[choice[i]].Value;
            var linked = false;
            if (i > 0 && rows[i - 1].ChosenAfter is { } before && row.ChosenAfter is { } after
                && LinkScore(before, row, after, usualSign, out var amount, out var sign) is not null)
            {
                row.ChosenAmount = amount;
                row.ChosenSign = sign;
                linked = true;
            }
            if (!linked)
            {
                row.ChosenAmount = row.Amount.Count == 0 ? null : row.Amount[0].Value;
                row.ChosenSign = row.Sign ?? usualSign(row);
            }
            if (row.Amount.Count > 1 && row.ChosenAmount != row.Amount[0].Value || row.After.Count > 1 && choice[i] != 0)
            {
                _diagnostics.Info(
                    OwnershipDiagnosticCodes.ReadingChosen,
                    $"'{row.Title}' of {row.Date:yyyy-MM-dd}: the text allows several readings; the holdings chain chose amount {row.ChosenAmount?.ToString(CultureInfo.InvariantCulture)} and holdings {row.ChosenAfter?.ToString(CultureInfo.InvariantCulture)}.",
                    At(row.Line));
            }
        }
    }

    /// <summary>The cost of the cheapest amount and sign that take <paramref name="before"/> to <paramref name="after"/>; null when none does.</summary>
    private static int? LinkScore(decimal before, DraftRow row, decimal after, Func<DraftRow, AcquiredDisposed> usualSign, out decimal amount, out AcquiredDisposed sign)
    {
        int? best = null;
        amount = 0;
        sign = default;
        foreach (var a in row.Amount)
        {
            foreach (var s in new[] { AcquiredDisposed.Acquired, AcquiredDisposed.Disposed })
            {
                var implied = s == AcquiredDisposed.Acquired ? before + a.Value : before - a.Value;
                if (implied != after)
                {
                    continue;
                }
                var cost = a.Penalty + (row.Sign is { } read ? (read == s ? row.SignPenalty : 3) : (usualSign(row) == s ? 0 : 2));
                if (best is null || cost < best)
                {
                    best = cost;
                    amount = a.Value;
                    sign = s;
                }
            }
        }
        return best;
    }

    private OwnershipRow BuildRow(DraftRow d, OwnershipTable table)
    {
        var isHolding = d.Code is null && d.Date is null;
        var location = At(d.Line);
        // A field shows on the form when it has a value or a footnote mark; otherwise it reads as absent.
        static Footnoted<T> F<T>(T? value, List<string> marks) where T : struct =>
            value is null && marks.Count == 0 ? Footnoted<T>.Absent : new Footnoted<T>(value, value is { } v ? Footnoted<T>.Format(v) : null, marks.Distinct(StringComparer.Ordinal).ToList());
        static FootnotedText T(string? text, List<string> marks) =>
            text is null && marks.Count == 0 ? FootnotedText.Absent : new FootnotedText(text, marks.Distinct(StringComparer.Ordinal).ToList());
        var row = new OwnershipRow
        {
            Table = table,
            IsHolding = isHolding,
            Location = location,
            SecurityTitle = T(d.Title, d.TitleMarks),
            SharesOwnedFollowing = F(d.ChosenAfter, d.AfterMarks),
            DirectOrIndirect = F(d.Form, d.FormMarks),
            NatureOfOwnership = T(d.Nature, d.NatureMarks),
        };
        if (table == OwnershipTable.Derivative)
        {
            row = row with
            {
                ConversionOrExercisePrice = F(d.Conversion.Count > 0 ? d.Conversion[0].Value : (decimal?)null, d.ConversionMarks),
                ExerciseDate = F(d.Exercisable, d.ExercisableMarks),
                ExpirationDate = F(d.Expiration, d.ExpirationMarks),
                UnderlyingSecurityTitle = T(d.Underlying, d.UnderlyingMarks),
                UnderlyingSecurityShares = F(d.UnderlyingAmount.Count > 0 ? d.UnderlyingAmount[0].Value : (decimal?)null, d.UnderlyingAmountMarks),
            };
        }
        if (isHolding)
        {
            return row;
        }
        return row with
        {
            TransactionDate = F(d.Date, d.DateMarks),
            DeemedExecutionDate = F(d.Deemed, []),
            Coding = d.Code is null ? null : new TransactionCoding(null, d.Code, null, d.CodeMarks.Distinct(StringComparer.Ordinal).ToList()),
            Shares = F(d.ChosenAmount, d.AmountMarks),
            PricePerShare = F(d.Price.Count > 0 ? d.Price[0].Value : (decimal?)null, d.PriceMarks),
            AcquiredDisposed = F(d.ChosenSign, []),
        };
    }

    // ---------------------------------------------------------------- footnotes, remarks, signatures

    private (List<Footnote> Footnotes, string? Remarks) ReadFootnotes(int from)
    {
        var notes = new List<(string Id, StringBuilder Text)>();
        StringBuilder? remarks = null;
        for (var i = from; i < _lines.Length; i++)
        {
            var line = _lines[i].Replace('\t', ' ').Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (IsSignatureBlock(line))
            {
                break;
            }
            if (line.StartsWith("Remarks:", StringComparison.Ordinal))
            {
                remarks = new StringBuilder(line["Remarks:".Length..].Trim());
                continue;
            }
            if (remarks is not null)
            {
                remarks.Append(remarks.Length > 0 ? " " : "").Append(line);
                continue;
            }
            var m = FootnoteLine().Match(line);
            if (m.Success && int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) == notes.Count + 1)
            {
                var body = m.Groups["body"].Value;
                if (m.Groups["dollar"].Length > 0)
                {
                    // "$5.\ All$ shares": a mathematical-mode artefact of the extraction around the number.
                    body = body.Replace("\\ ", " ", StringComparison.Ordinal).TrimStart('\\');
                    var dollar = body.IndexOf('$', StringComparison.Ordinal);
                    if (dollar >= 0)
                    {
                        body = body.Remove(dollar, 1);
                    }
                }
                notes.Add((Id(m.Groups["n"].Value), new StringBuilder(Regex.Replace(body.Trim(), @"\s+", " ", RegexOptions.CultureInvariant))));
                continue;
            }
            if (notes.Count > 0 && !line.StartsWith("_", StringComparison.Ordinal))
            {
                notes[^1].Text.Append(' ').Append(line);
            }
        }
        return (notes.Select(n => new Footnote(n.Id, n.Text.ToString())).ToList(), remarks?.ToString());
    }

    private static bool IsSignatureBlock(string line) =>
        line.Contains("Signature of Reporting Person", StringComparison.Ordinal) || line.StartsWith("/s/", StringComparison.Ordinal)
        || line.Contains("attorney-in-fact", StringComparison.OrdinalIgnoreCase) || line.StartsWith("Reminder:", StringComparison.Ordinal);

    private List<OwnerSignature> ReadSignatures()
    {
        var label = Find(l => l.Contains("Signature of Reporting Person", StringComparison.Ordinal));
        if (label < 0)
        {
            return [];
        }
        for (var i = label - 1; i >= 0; i--)
        {
            var line = _lines[i].Replace('\t', ' ').Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (FootnoteLine().IsMatch(line) || line.StartsWith("Explanation", StringComparison.Ordinal))
            {
                return [];
            }
            var cells = _lines[i].Split('\t').Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
            DateOnly? date = null;
            if (cells.Count > 1 && Fragments.TryFindDate(cells[^1], out var d))
            {
                date = d;
                cells.RemoveAt(cells.Count - 1);
            }
            return [new OwnerSignature(string.Join(' ', cells), date)];
        }
        return [];
    }
}
