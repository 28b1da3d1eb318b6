using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace EdgarSharp.Ownership.Internal;

/// <summary>
/// Reads EDGAR's HTML rendering of a Form 3, 4 or 5 (the <c>xslF345X0n</c> style sheets): the header boxes by
/// their labels, the two tables by their column headers (so a column that is missing is an error and the others
/// are still read), footnote marks <c>(1)</c> as ids <c>F1</c>, the Explanation of Responses, remarks and
/// signatures.
/// </summary>
internal static partial class RenderedHtmlParser
{
    private enum Col
    {
        Title,
        Conversion,
        Date,
        Deemed,
        Code,
        V,
        Amount,
        AmountA,
        AmountD,
        AD,
        Price,
        Exercisable,
        Expiration,
        UnderlyingTitle,
        UnderlyingAmount,
        After,
        Form,
        Nature,
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    [GeneratedRegex(@"\b(\d{1,2}/\d{1,2}/\d{4})\b")]
    private static partial Regex UsDate();

    [GeneratedRegex(@"CIK=(\d+)")]
    private static partial Regex CikLink();

    [GeneratedRegex(@"^\((\d{1,3})\)$")]
    private static partial Regex Mark();

    public static OwnershipDocument Parse(string html, OwnershipSource source, DiagnosticBag diagnostics)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        var doc = parser.ParseDocument(html);
        var body = doc.Body;
        if (body is null)
        {
            diagnostics.Error(OwnershipDiagnosticCodes.UnreadableRendering, "The HTML has no body; nothing was read.", new SourceLocation(source.Document));
            return new OwnershipDocument { Source = source };
        }
        var text = Squash(body.TextContent);
        var formMatch = Regex.Match(text, @"FORM\s+([345])\b", RegexOptions.CultureInvariant);
        var form = formMatch.Success ? formMatch.Groups[1].Value : null;
        if (form is null)
        {
            diagnostics.Error(OwnershipDiagnosticCodes.UnreadableRendering, "The HTML does not name FORM 3, 4 or 5; it does not look like an ownership form.", At(body, source));
        }

        var cells = body.QuerySelectorAll("td").ToList();
        IElement? Cell(string label) => cells.LastOrDefault(c => Squash(c.TextContent).Contains(label, StringComparison.Ordinal)
            && !c.QuerySelectorAll("td").Any(inner => Squash(inner.TextContent).Contains(label, StringComparison.Ordinal)));

        var issuerCell = Cell("Issuer Name and Ticker");
        var issuer = new Issuer(null, null, null);
        if (issuerCell is not null)
        {
            var link = issuerCell.QuerySelector("a");
            var ticker = Regex.Match(Squash(issuerCell.TextContent), @"\[\s*([^\]]*?)\s*\]", RegexOptions.CultureInvariant);
            issuer = new Issuer(link is null ? null : Cik(link), link is null ? null : Squash(link.TextContent), ticker.Success ? ticker.Groups[1].Value : null);
        }
        else
        {
            diagnostics.Error(OwnershipDiagnosticCodes.UnreadableRendering, "The issuer box (Issuer Name and Ticker) was not found.", At(body, source));
        }

        var owners = new List<ReportingOwner>();
        var relationship = ReadRelationship(Cell("Relationship of Reporting Person"));
        foreach (var ownerCell in cells.Where(c => c.Children.Any(ch => ch.LocalName == "span" && Squash(ch.TextContent).StartsWith("1. Name and Address of Reporting Person", StringComparison.Ordinal))))
        {
            var link = ownerCell.QuerySelector("a");
            var cik = link is null ? null : Cik(link);
            if (owners.Any(o => o.Cik == cik && cik is not null))
            {
                continue;
            }
            owners.Add(new ReportingOwner(cik, null, link is null ? null : Squash(link.TextContent), ReadAddress(ownerCell), owners.Count == 0 ? relationship : null));
        }

        DateOnly? period = null;
        foreach (var label in new[] { "Date of Earliest Transaction", "Date of Event Requiring Statement", "Statement for Issuer's Fiscal Year Ended" })
        {
            if (Cell(label) is { } c && DateIn(Squash(c.TextContent)[Squash(c.TextContent).IndexOf(label, StringComparison.Ordinal)..]) is { } d)
            {
                period = d;
            }
        }
        DateOnly? original = null;
        if (Cell("If Amendment, Date of Original Filed") is { } amendment)
        {
            var t = Squash(amendment.TextContent);
            original = DateIn(t[(t.IndexOf("(Month/Day/Year)", StringComparison.Ordinal) + 1)..]);
        }

        var tables = body.QuerySelectorAll("table").ToList();
        IElement? TableStarting(string title) => tables.FirstOrDefault(t =>
            t.QuerySelector("thead th") is { } th && Squash(th.TextContent).StartsWith(title, StringComparison.Ordinal));
        var tableOne = TableStarting("Table I -");
        var tableTwo = TableStarting("Table II -");
        var nonDerivative = tableOne is null ? null : ReadTable(tableOne, OwnershipTable.NonDerivative, form, source, diagnostics);
        var derivative = tableTwo is null ? null : ReadTable(tableTwo, OwnershipTable.Derivative, form, source, diagnostics);
        if (tableOne is null)
        {
            diagnostics.Error(OwnershipDiagnosticCodes.UnreadableRendering, "Table I was not found in the rendering.", At(body, source));
        }

        var (footnotes, remarks) = ReadExplanation(tables);
        var signatures = ReadSignatures(tables);

        return new OwnershipDocument
        {
            DocumentType = form is null ? null : original is null ? form : form + "/A",
            PeriodOfReport = period,
            DateOfOriginalSubmission = original,
            NotSubjectToSection16 = CheckBox(cells, "no longer subject to Section 16"),
            Aff10b5One = form == "4" || form == "5" ? CheckBox(cells, "Rule 10b5-1(c)") : null,
            Form3HoldingsReported = form == "5" ? CheckBox(cells, "Form 3 Holdings Reported") : null,
            Form4TransactionsReported = form == "5" ? CheckBox(cells, "Form 4 Transactions Reported") : null,
            Issuer = issuer,
            ReportingOwners = owners,
            NonDerivativeTable = nonDerivative,
            DerivativeTable = derivative,
            Footnotes = footnotes,
            Remarks = remarks,
            Signatures = signatures,
            Source = source,
        };
    }

    private static SourceLocation At(IElement element, OwnershipSource source) =>
        element.SourceReference is { } r ? new SourceLocation(source.Document, r.Position.Line, r.Position.Column) : new SourceLocation(source.Document);

    internal static string Squash(string? text) => Space().Replace(text ?? string.Empty, " ").Trim();

    private static string? Cik(IElement link) => link.GetAttribute("href") is { } href && CikLink().Match(href) is { Success: true } m ? m.Groups[1].Value : null;

    private static DateOnly? DateIn(string text)
    {
        var m = UsDate().Match(text);
        return m.Success && Fragments.TryParseUsDate(m.Groups[1].Value, out var d) ? d : null;
    }

    /// <summary>A check box row: a cell with a boxed table (X or blank) followed by the label cell; null when the form has no such box.</summary>
    private static bool? CheckBox(List<IElement> cells, string label)
    {
        var labelCell = cells.FirstOrDefault(c => c.QuerySelector("table") is null && Squash(c.TextContent).Contains(label, StringComparison.Ordinal));
        if (labelCell?.PreviousElementSibling is not { } box)
        {
            return null;
        }
        return Squash(box.TextContent) == "X";
    }

    private static OwnerAddress? ReadAddress(IElement ownerCell)
    {
        var tables = ownerCell.QuerySelectorAll("table").ToList();
        var streetTable = tables.FirstOrDefault(t => t.QuerySelector("span") is not null && !Squash(t.TextContent).StartsWith("(", StringComparison.Ordinal)
            && t.QuerySelector("a") is null && t.PreviousElementSibling?.LocalName == "table");
        var streets = streetTable?.QuerySelectorAll("tr").Select(tr => Squash(tr.TextContent)).ToList() ?? [];
        var cityTable = tables.FirstOrDefault(t => t.PreviousElementSibling is { LocalName: "span" } s && Squash(s.TextContent) == "(Street)");
        var parts = cityTable?.QuerySelectorAll("td").Select(td => Squash(td.TextContent)).ToList() ?? [];
        if (streets.Count == 0 && parts.Count == 0)
        {
            return null;
        }
        string? Part(int i) => i < parts.Count && parts[i].Length > 0 ? parts[i] : null;
        return new OwnerAddress(
            streets.Count > 0 && streets[0].Length > 0 ? streets[0] : null,
            streets.Count > 1 && streets[1].Length > 0 ? streets[1] : null,
            Part(0), Part(1), Part(2), null);
    }

    private static OwnerRelationship? ReadRelationship(IElement? cell)
    {
        var table = cell?.QuerySelector("table");
        if (table is null)
        {
            return null;
        }
        var rows = table.QuerySelectorAll("tr").Select(tr => tr.QuerySelectorAll("td").Select(td => Squash(td.TextContent)).ToList()).ToList();
        bool director = false, officer = false, ten = false, other = false;
        string? title = null, otherText = null;
        foreach (var r in rows)
        {
            for (var i = 0; i + 1 < r.Count; i += 2)
            {
                var mark = r[i] == "X";
                var label = r[i + 1];
                if (label.StartsWith("Director", StringComparison.Ordinal))
                {
                    director = mark;
                }
                else if (label.StartsWith("10% Owner", StringComparison.Ordinal))
                {
                    ten = mark;
                }
                else if (label.StartsWith("Officer", StringComparison.Ordinal))
                {
                    officer = mark;
                }
                else if (label.StartsWith("Other", StringComparison.Ordinal))
                {
                    other = mark;
                }
            }
        }
        if (rows.Count >= 3 && rows[2].Count >= 4)
        {
            title = rows[2][1].Length > 0 ? rows[2][1] : null;
            otherText = rows[2][3].Length > 0 ? rows[2][3] : null;
        }
        return new OwnerRelationship(director, officer, ten, other, title, otherText);
    }

    /// <summary>The leaf columns of a table's header: each top header, or each sub-header under one that spans several.</summary>
    private static List<(Col? Field, string Label)> Columns(IElement table)
    {
        var headRows = table.QuerySelectorAll("thead tr").ToList();
        var result = new List<(Col?, string)>();
        if (headRows.Count < 2)
        {
            return result;
        }
        var top = headRows[1].QuerySelectorAll("th").ToList();
        var sub = headRows.Count > 2 ? headRows[2].QuerySelectorAll("th").Select(th => Squash(th.TextContent)).ToList() : [];
        var s = 0;
        var derivative = Squash(headRows[0].TextContent).StartsWith("Table II", StringComparison.Ordinal);
        foreach (var th in top)
        {
            var label = Squash(th.TextContent);
            var span = int.TryParse(th.GetAttribute("colspan"), NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : 1;
            var rowspan = int.TryParse(th.GetAttribute("rowspan"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : 1;
            if (rowspan >= 2 || sub.Count == 0 || span == 1 && !label.Contains("Transaction Code", StringComparison.Ordinal))
            {
                result.Add((Classify(label, null, derivative), label));
                continue;
            }
            for (var k = 0; k < span && s < sub.Count; k++, s++)
            {
                result.Add((Classify(label, sub[s], derivative), $"{label} / {sub[s]}"));
            }
        }
        return result;
    }

    private static Col? Classify(string label, string? sub, bool derivative)
    {
        bool Has(string text) => label.Contains(text, StringComparison.Ordinal);
        if (label.StartsWith("1. Title", StringComparison.Ordinal))
        {
            return Col.Title;
        }
        if (Has("Conversion or Exercise Price"))
        {
            return Col.Conversion;
        }
        if (Has("Deemed Execution Date"))
        {
            return Col.Deemed;
        }
        if (Has("Transaction Date"))
        {
            return Col.Date;
        }
        if (Has("Transaction Code"))
        {
            return sub == "V" ? Col.V : Col.Code;
        }
        if (Has("Acquired (A) or Disposed"))
        {
            return sub switch
            {
                "Amount" => Col.Amount,
                "(A) or (D)" => Col.AD,
                "Price" => Col.Price,
                "(A)" => Col.AmountA,
                "(D)" => Col.AmountD,
                _ => null,
            };
        }
        if (Has("Date Exercisable and Expiration Date"))
        {
            return sub == "Date Exercisable" ? Col.Exercisable : sub == "Expiration Date" ? Col.Expiration : null;
        }
        if (Has("Title and Amount of Securities Underlying"))
        {
            return sub == "Title" ? Col.UnderlyingTitle : Col.UnderlyingAmount;
        }
        if (Has("Price of Derivative Security"))
        {
            return Col.Price;
        }
        if (Has("Beneficially Owned"))
        {
            return Col.After;
        }
        if (Has("Ownership Form"))
        {
            return Col.Form;
        }
        if (Has("Nature of Indirect Beneficial Ownership"))
        {
            return Col.Nature;
        }
        _ = derivative;
        return null;
    }

    private static Col[] Required(OwnershipTable table, string? form) => (table, form) switch
    {
        (OwnershipTable.NonDerivative, "3") => [Col.Title, Col.After, Col.Form, Col.Nature],
        (OwnershipTable.Derivative, "3") => [Col.Title, Col.Exercisable, Col.Expiration, Col.UnderlyingTitle, Col.UnderlyingAmount, Col.Conversion, Col.Form, Col.Nature],
        (OwnershipTable.NonDerivative, _) => [Col.Title, Col.Date, Col.Deemed, Col.Code, Col.Amount, Col.AD, Col.Price, Col.After, Col.Form, Col.Nature],
        _ => [Col.Title, Col.Conversion, Col.Date, Col.Deemed, Col.Code, Col.AmountA, Col.AmountD, Col.Exercisable, Col.Expiration, Col.UnderlyingTitle, Col.UnderlyingAmount, Col.Price, Col.After, Col.Form, Col.Nature],
    };

    /// <summary>A cell's value (its text without footnote marks and the $ sign) and its footnote ids.</summary>
    private static (string Value, List<string> Ids) CellValue(IElement cell)
    {
        var ids = new List<string>();
        foreach (var sup in cell.QuerySelectorAll("sup"))
        {
            var m = Mark().Match(Squash(sup.TextContent));
            if (m.Success)
            {
                ids.Add("F" + m.Groups[1].Value);
            }
        }
        var clone = (IElement)cell.Clone(deep: true);
        foreach (var sup in clone.QuerySelectorAll("sup").ToList())
        {
            sup.Remove();
        }
        var value = Squash(clone.TextContent);
        if (value.StartsWith('$'))
        {
            value = value[1..].Trim();
        }
        return (value, ids);
    }

    private static List<OwnershipRow> ReadTable(IElement table, OwnershipTable kind, string? form, OwnershipSource source, DiagnosticBag diagnostics)
    {
        var columns = Columns(table);
        var where = At(table, source);
        foreach (var required in Required(kind, form))
        {
            if (!columns.Exists(c => c.Field == required))
            {
                diagnostics.Error(
                    OwnershipDiagnosticCodes.MissingColumn,
                    $"Table {(kind == OwnershipTable.NonDerivative ? "I" : "II")} has no column for {required}; that field is left empty in every row and the other columns are read.",
                    where);
            }
        }
        var rows = new List<OwnershipRow>();
        foreach (var tr in table.QuerySelectorAll("tbody tr"))
        {
            var tds = tr.Children.Where(c => c.LocalName == "td").ToList();
            var values = new Dictionary<Col, (string Value, List<string> Ids)>();
            for (var i = 0; i < tds.Count && i < columns.Count; i++)
            {
                if (columns[i].Field is { } field)
                {
                    values[field] = CellValue(tds[i]);
                }
            }
            rows.Add(BuildRow(kind, form, values, At(tr, source), diagnostics));
        }
        return rows;
    }

    private static OwnershipRow BuildRow(OwnershipTable kind, string? form, Dictionary<Col, (string Value, List<string> Ids)> v, SourceLocation at, DiagnosticBag diagnostics)
    {
        (string Value, List<string> Ids) Get(Col c) => v.TryGetValue(c, out var x) ? x : (string.Empty, []);
        FootnotedText Text(Col c)
        {
            var (value, ids) = Get(c);
            return value.Length == 0 && ids.Count == 0 ? FootnotedText.Absent : new FootnotedText(value.Length == 0 ? null : value, ids);
        }
        Footnoted<decimal> Number(Col c)
        {
            var (value, ids) = Get(c);
            if (value.Length == 0)
            {
                return ids.Count == 0 ? Footnoted<decimal>.Absent : Footnoted<decimal>.FootnotesOnly([.. ids]);
            }
            if (Fragments.TryParse(value, out var d))
            {
                return new Footnoted<decimal>(d, Footnoted<decimal>.Format(d), ids);
            }
            diagnostics.Error(OwnershipDiagnosticCodes.BadNumber, $"'{value}' in the rendering is not a number; its text is kept.", at);
            return new Footnoted<decimal>(null, value, ids);
        }
        Footnoted<DateOnly> Date(Col c)
        {
            var (value, ids) = Get(c);
            if (value.Length == 0)
            {
                return ids.Count == 0 ? Footnoted<DateOnly>.Absent : Footnoted<DateOnly>.FootnotesOnly([.. ids]);
            }
            if (Fragments.TryParseUsDate(value, out var d))
            {
                return new Footnoted<DateOnly>(d, Footnoted<DateOnly>.Format(d), ids);
            }
            diagnostics.Error(OwnershipDiagnosticCodes.BadDate, $"'{value}' in the rendering is not a date; its text is kept.", at);
            return new Footnoted<DateOnly>(null, value, ids);
        }
        Footnoted<T> Code<T>(Col c, Func<string, T?> parse) where T : struct
        {
            var (value, ids) = Get(c);
            if (value.Length == 0 && ids.Count == 0)
            {
                return Footnoted<T>.Absent;
            }
            var parsed = value.Length == 0 ? null : parse(value);
            return new Footnoted<T>(parsed, value.Length == 0 ? null : value, ids);
        }

        var isHolding = form == "3" || (Get(Col.Date).Value.Length == 0 && Get(Col.Code).Value.Length == 0);
        var row = new OwnershipRow
        {
            Table = kind,
            IsHolding = isHolding,
            Location = at,
            SecurityTitle = Text(Col.Title),
            SharesOwnedFollowing = Number(Col.After),
            DirectOrIndirect = Code(Col.Form, s => OwnershipCodes.TryParse(s, out OwnershipForm f) ? f : (OwnershipForm?)null),
            NatureOfOwnership = Text(Col.Nature),
        };
        if (kind == OwnershipTable.Derivative)
        {
            row = row with
            {
                ConversionOrExercisePrice = Number(Col.Conversion),
                ExerciseDate = Date(Col.Exercisable),
                ExpirationDate = Date(Col.Expiration),
                UnderlyingSecurityTitle = Text(Col.UnderlyingTitle),
                UnderlyingSecurityShares = Number(Col.UnderlyingAmount),
            };
        }
        if (isHolding)
        {
            return row;
        }
        var (code, codeIds) = Get(Col.Code);
        Footnoted<decimal> shares;
        Footnoted<AcquiredDisposed> ad;
        if (kind == OwnershipTable.NonDerivative)
        {
            shares = Number(Col.Amount);
            ad = Code(Col.AD, s => OwnershipCodes.TryParse(s, out AcquiredDisposed x) ? x : (AcquiredDisposed?)null);
        }
        else
        {
            var acquired = Number(Col.AmountA);
            var disposed = Number(Col.AmountD);
            shares = acquired.IsPresent ? acquired : disposed;
            ad = acquired.HasValue ? Footnoted<AcquiredDisposed>.Of(AcquiredDisposed.Acquired)
                : disposed.HasValue ? Footnoted<AcquiredDisposed>.Of(AcquiredDisposed.Disposed)
                : Footnoted<AcquiredDisposed>.Absent;
        }
        var vColumn = Get(Col.V).Value;
        return row with
        {
            TransactionDate = Date(Col.Date),
            DeemedExecutionDate = Date(Col.Deemed),
            Coding = new TransactionCoding(null, code.Length == 0 ? null : code, null, codeIds),
            Timeliness = vColumn == "V" ? Footnoted<Timeliness>.Of(Timeliness.Early) : Footnoted<Timeliness>.Absent,
            Shares = shares,
            AcquiredDisposed = ad,
            PricePerShare = Number(Col.Price),
        };
    }

    private static (List<Footnote>? Footnotes, string? Remarks) ReadExplanation(List<IElement> tables)
    {
        var table = tables.FirstOrDefault(t => t.QuerySelector("tr") is { } tr && Squash(tr.TextContent) == "Explanation of Responses:");
        if (table is null)
        {
            return (null, null);
        }
        var notes = new List<Footnote>();
        string? remarks = null;
        var inRemarks = false;
        foreach (var tr in table.QuerySelectorAll("tr").Skip(1))
        {
            var text = Squash(tr.TextContent);
            if (text == "Remarks:")
            {
                inRemarks = true;
                remarks = string.Empty;
                continue;
            }
            if (inRemarks)
            {
                remarks = remarks!.Length == 0 ? text : remarks + " " + text;
                continue;
            }
            var m = Regex.Match(text, @"^(\d{1,3})\.\s*(.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant);
            if (m.Success)
            {
                notes.Add(new Footnote("F" + m.Groups[1].Value, m.Groups[2].Value));
            }
        }
        return (notes, remarks);
    }

    private static List<OwnerSignature> ReadSignatures(List<IElement> tables)
    {
        var table = tables.FirstOrDefault(t => Squash(t.TextContent).Contains("** Signature of Reporting Person", StringComparison.Ordinal) && t.QuerySelector("table") is null);
        var signatures = new List<OwnerSignature>();
        if (table is null)
        {
            return signatures;
        }
        foreach (var tr in table.QuerySelectorAll("tr"))
        {
            var tds = tr.Children.Where(c => c.LocalName == "td").Select(td => Squash(td.TextContent)).ToList();
            if (tds.Any(t => t.Contains("Signature of Reporting Person", StringComparison.Ordinal)))
            {
                break;
            }
            if (tds.Count >= 3 && tds[1].Length > 0)
            {
                signatures.Add(new OwnerSignature(tds[1], Fragments.TryParseUsDate(tds[2], out var d) ? d : null, Fragments.TryParseUsDate(tds[2], out _) ? null : tds[2]));
            }
        }
        return signatures;
    }
}
