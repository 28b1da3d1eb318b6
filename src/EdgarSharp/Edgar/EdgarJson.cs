using System.Globalization;
using System.Text.Json;

namespace EdgarSharp.Edgar;

/// <summary>One filing of a company's submissions JSON (a row of the columnar <c>filings.recent</c> or of a page).</summary>
/// <param name="AccessionNumber">The accession number.</param>
/// <param name="FilingDate">The filing date.</param>
/// <param name="ReportDate">The report (period) date, or null when empty.</param>
/// <param name="AcceptedAt">
/// The acceptance time. EDGAR writes it with a <c>Z</c> but the clock is US Eastern (it equals the submission header's
/// <c>ACCEPTANCE-DATETIME</c>), so it is read as New York wall-clock time with its offset (<see cref="UsEastern"/>).
/// </param>
/// <param name="Act">The act (<c>34</c>), or null when empty.</param>
/// <param name="Form">The form type.</param>
/// <param name="FileNumber">The file number, or null when empty.</param>
/// <param name="FilmNumber">The film number, or null when empty.</param>
/// <param name="Items">The 8-K items (<c>2.02</c>, <c>9.01</c>), split at commas.</param>
/// <param name="CoreType">The <c>core_type</c>, or null when absent.</param>
/// <param name="Size">The submission's size in bytes, or null.</param>
/// <param name="IsXbrl">True when the filing has XBRL.</param>
/// <param name="IsInlineXbrl">True when the filing has inline XBRL.</param>
/// <param name="PrimaryDocument">The primary document's name, or null when empty.</param>
/// <param name="PrimaryDocDescription">The primary document's description, or null when empty.</param>
public sealed record FilingRecord(
    string AccessionNumber,
    DateOnly? FilingDate,
    DateOnly? ReportDate,
    DateTimeOffset? AcceptedAt,
    string? Act,
    string Form,
    string? FileNumber,
    string? FilmNumber,
    IReadOnlyList<string> Items,
    string? CoreType,
    long? Size,
    bool IsXbrl,
    bool IsInlineXbrl,
    string? PrimaryDocument,
    string? PrimaryDocDescription);

/// <summary>A further page of filings named in <c>filings.files</c>.</summary>
/// <param name="Name">The page's file name (<c>CIK0000320193-submissions-001.json</c>).</param>
/// <param name="FilingCount">The number of filings it holds.</param>
/// <param name="FilingFrom">The first filing date it covers.</param>
/// <param name="FilingTo">The last filing date it covers.</param>
public sealed record SubmissionsPage(string Name, int FilingCount, DateOnly? FilingFrom, DateOnly? FilingTo);

/// <summary>A former name in the submissions JSON.</summary>
/// <param name="Name">The former name.</param>
/// <param name="From">When it started, or null.</param>
/// <param name="To">When it ended, or null.</param>
public sealed record CompanyFormerName(string Name, DateOnly? From, DateOnly? To);

/// <summary>
/// A company's submissions JSON from data.sec.gov (<c>CIKnnnnnnnnnn.json</c>): the company, its recent filings
/// (read from the columnar <c>filings.recent</c> into one record per filing), the further pages it names, and the
/// filings of those pages when they were followed.
/// </summary>
/// <param name="Cik">The CIK as written (ten digits).</param>
/// <param name="Name">The company name.</param>
/// <param name="EntityType">The entity type (<c>operating</c>), or null.</param>
/// <param name="Sic">The SIC code as written, or null.</param>
/// <param name="SicDescription">The SIC description, or null.</param>
/// <param name="Tickers">The tickers.</param>
/// <param name="Exchanges">The exchanges.</param>
/// <param name="Ein">The EIN, or null.</param>
/// <param name="Category">The filer category, or null.</param>
/// <param name="FiscalYearEnd">The fiscal year end as <c>MMDD</c>, or null.</param>
/// <param name="StateOfIncorporation">The state of incorporation, or null.</param>
/// <param name="Phone">The phone, or null.</param>
/// <param name="BusinessAddress">The business address, or null.</param>
/// <param name="MailingAddress">The mailing address, or null.</param>
/// <param name="FormerNames">The former names.</param>
/// <param name="Filings">The recent filings, then those of every page followed, in file order.</param>
/// <param name="Pages">The pages named in <c>filings.files</c>.</param>
/// <param name="Diagnostics">Bad JSON, columns of unequal length, bad dates, pages that could not be followed.</param>
public sealed record CompanySubmissions(
    string Cik,
    string? Name,
    string? EntityType,
    string? Sic,
    string? SicDescription,
    IReadOnlyList<string> Tickers,
    IReadOnlyList<string> Exchanges,
    string? Ein,
    string? Category,
    string? FiscalYearEnd,
    string? StateOfIncorporation,
    string? Phone,
    Address? BusinessAddress,
    Address? MailingAddress,
    IReadOnlyList<CompanyFormerName> FormerNames,
    IReadOnlyList<FilingRecord> Filings,
    IReadOnlyList<SubmissionsPage> Pages,
    IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>One fact of the companyfacts JSON: a value of a concept in one unit, for one period, from one filing.</summary>
/// <param name="Unit">The unit (<c>USD</c>, <c>shares</c>, <c>USD/shares</c>).</param>
/// <param name="Start">The period start for durations; null for instants.</param>
/// <param name="End">The period end (or the instant).</param>
/// <param name="Value">The value, as a decimal.</param>
/// <param name="AccessionNumber">The filing's accession number.</param>
/// <param name="FiscalYear">The fiscal year of the filing, or null.</param>
/// <param name="FiscalPeriod">The fiscal period (<c>FY</c>, <c>Q1</c>), or null.</param>
/// <param name="Form">The form of the filing.</param>
/// <param name="Filed">The filing date.</param>
/// <param name="Frame">The calendar frame (<c>CY2019Q3I</c>), or null.</param>
public sealed record CompanyFact(string Unit, DateOnly? Start, DateOnly End, decimal Value, string AccessionNumber, int? FiscalYear,
    string? FiscalPeriod, string Form, DateOnly Filed, string? Frame);

/// <summary>A concept of the companyfacts JSON and its facts.</summary>
/// <param name="Taxonomy">The taxonomy (<c>us-gaap</c>, <c>dei</c>).</param>
/// <param name="Name">The concept's local name.</param>
/// <param name="Label">The label, or null.</param>
/// <param name="Description">The description, or null.</param>
/// <param name="Facts">Its facts in every unit, in file order.</param>
public sealed record CompanyConcept(string Taxonomy, string Name, string? Label, string? Description, IReadOnlyList<CompanyFact> Facts);

/// <summary>A company's facts from data.sec.gov's companyfacts JSON.</summary>
/// <param name="Cik">The CIK.</param>
/// <param name="EntityName">The entity name.</param>
/// <param name="Concepts">The concepts, taxonomy by taxonomy, in file order.</param>
/// <param name="Diagnostics">Bad JSON and facts left out (a value that is not a decimal, a bad date).</param>
public sealed record CompanyFacts(long Cik, string? EntityName, IReadOnlyList<CompanyConcept> Concepts, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Every fact of every concept.</summary>
    public IEnumerable<(CompanyConcept Concept, CompanyFact Fact)> AllFacts => Concepts.SelectMany(c => c.Facts.Select(f => (c, f)));
}

/// <summary>A row of <c>company_tickers.json</c>.</summary>
/// <param name="Cik">The CIK.</param>
/// <param name="Ticker">The ticker.</param>
/// <param name="Title">The company name.</param>
public sealed record CompanyTicker(long Cik, string Ticker, string Title);

/// <summary>
/// Reads EDGAR's JSON documents into typed models with <see cref="System.Text.Json"/>: a company's submissions
/// (<see cref="ReadSubmissions(Stream, string?)"/>, pages followed by <see cref="ReadSubmissionsFile"/>), companyfacts
/// (<see cref="ReadCompanyFacts"/>) and <c>company_tickers.json</c> (<see cref="ReadTickers"/>). Decimals for values,
/// <see cref="DateOnly"/> for dates. Bad input never throws: invalid JSON is one error and an empty model; a value
/// that cannot be read is a warning and is left out. Exceptions only for I/O failures. Each document is parsed once
/// into a pooled <see cref="JsonDocument"/> (memory about the size of the file). Thread-safe.
/// </summary>
public static class EdgarJsonReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static JsonDocument? Parse(Stream stream, string document, DiagnosticBag diagnostics)
    {
        try
        {
            return JsonDocument.Parse(stream, Options);
        }
        catch (JsonException ex)
        {
            diagnostics.Error(EdgarCodes.BadJson, $"The document is not valid JSON ({ex.Message}).", new SourceLocation(document, (int)(ex.LineNumber ?? -1) + 1, (int)(ex.BytePositionInLine ?? -1) + 1));
            return null;
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;

    private static DateOnly? Date(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var head = text.Length >= 10 ? text[..10] : text;
        return DateOnly.TryParseExact(head, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    /// <summary>Reads a submissions JSON file and follows the pages in <c>filings.files</c> found beside it (missing pages are reported).</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static CompanySubmissions ReadSubmissionsFile(string path, bool followPages = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        CompanySubmissions main;
        using (var stream = File.OpenRead(path))
        {
            main = ReadSubmissions(stream, path);
        }
        if (!followPages || main.Pages.Count == 0)
        {
            return main;
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return FollowPages(main, page =>
        {
            var file = Path.Combine(folder, EdgarFileNames.Sanitize(page.Name));
            return File.Exists(file) ? File.OpenRead(file) : null;
        });
    }

    /// <summary>
    /// Appends the filings of each page of <paramref name="main"/> that <paramref name="open"/> returns a stream for
    /// (null: the page is missing, reported as a warning); checks each page's filing count.
    /// </summary>
    public static CompanySubmissions FollowPages(CompanySubmissions main, Func<SubmissionsPage, Stream?> open)
    {
        ArgumentNullException.ThrowIfNull(main);
        ArgumentNullException.ThrowIfNull(open);
        var diagnostics = new DiagnosticBag();
        foreach (var d in main.Diagnostics)
        {
            diagnostics.Add(d);
        }
        var filings = main.Filings.ToList();
        foreach (var page in main.Pages)
        {
            using var stream = open(page);
            if (stream is null)
            {
                diagnostics.Warning(EdgarCodes.BadJson, $"The page '{page.Name}' named in filings.files was not found; its {page.FilingCount} filings are missing.", new SourceLocation(page.Name));
                continue;
            }
            using var json = Parse(stream, page.Name, diagnostics);
            if (json is null)
            {
                continue;
            }
            var rows = Columnar(json.RootElement, page.Name, diagnostics);
            if (rows.Count != page.FilingCount)
            {
                diagnostics.Warning(EdgarCodes.BadValue, $"The page '{page.Name}' holds {rows.Count} filings, not the {page.FilingCount} filings.files declares.", new SourceLocation(page.Name));
            }
            filings.AddRange(rows);
        }
        return main with { Filings = filings, Diagnostics = diagnostics.ToList() };
    }

    /// <summary>Reads a submissions JSON (the company document, or one page: then only <see cref="CompanySubmissions.Filings"/> is filled).</summary>
    public static CompanySubmissions ReadSubmissions(Stream stream, string? document = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var name = document ?? "(submissions)";
        var diagnostics = new DiagnosticBag();
        using var json = Parse(stream, name, diagnostics);
        if (json is null || json.RootElement.ValueKind != JsonValueKind.Object)
        {
            if (json is not null)
            {
                diagnostics.Error(EdgarCodes.BadJson, "The submissions JSON is not an object.", new SourceLocation(name));
            }
            return new CompanySubmissions("", null, null, null, null, [], [], null, null, null, null, null, null, null, [], [], [], diagnostics.ToList());
        }
        var root = json.RootElement;
        if (!root.TryGetProperty("filings", out var filingsElement))
        {
            // A page: the columns at the top level.
            var rows = Columnar(root, name, diagnostics);
            return new CompanySubmissions("", null, null, null, null, [], [], null, null, null, null, null, null, null, [], rows, [], diagnostics.ToList());
        }
        var recent = filingsElement.TryGetProperty("recent", out var r) ? Columnar(r, name, diagnostics) : [];
        var pages = new List<SubmissionsPage>();
        if (filingsElement.TryGetProperty("files", out var files) && files.ValueKind == JsonValueKind.Array)
        {
            foreach (var f in files.EnumerateArray())
            {
                if (Str(f, "name") is { } pageName)
                {
                    var count = f.TryGetProperty("filingCount", out var c) && c.TryGetInt32(out var n) ? n : 0;
                    pages.Add(new SubmissionsPage(pageName, count, Date(Str(f, "filingFrom")), Date(Str(f, "filingTo"))));
                }
            }
        }
        var formers = new List<CompanyFormerName>();
        if (root.TryGetProperty("formerNames", out var fn) && fn.ValueKind == JsonValueKind.Array)
        {
            foreach (var f in fn.EnumerateArray())
            {
                formers.Add(new CompanyFormerName(Str(f, "name") ?? "", Date(Str(f, "from")), Date(Str(f, "to"))));
            }
        }
        Address? AddressOf(string kind)
        {
            if (!root.TryGetProperty("addresses", out var a) || a.ValueKind != JsonValueKind.Object || !a.TryGetProperty(kind, out var x) || x.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            return new Address(Str(x, "street1"), Str(x, "street2"), Str(x, "city"), Str(x, "stateOrCountry"), Str(x, "zipCode"), null);
        }
        var cik = root.TryGetProperty("cik", out var cikElement)
            ? cikElement.ValueKind == JsonValueKind.Number ? cikElement.GetRawText() : cikElement.GetString() ?? ""
            : "";
        return new CompanySubmissions(cik, Str(root, "name"), Str(root, "entityType"), Str(root, "sic"), Str(root, "sicDescription"),
            Strings(root, "tickers"), Strings(root, "exchanges"), Str(root, "ein"), Str(root, "category"), Str(root, "fiscalYearEnd"),
            Str(root, "stateOfIncorporation"), Str(root, "phone"), AddressOf("business"), AddressOf("mailing"), formers, recent, pages, diagnostics.ToList());
    }

    private static List<string> Strings(JsonElement e, string name)
    {
        var list = new List<string>();
        if (e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in a.EnumerateArray())
            {
                if (x.ValueKind == JsonValueKind.String && x.GetString() is { } s)
                {
                    list.Add(s);
                }
            }
        }
        return list;
    }

    /// <summary>Turns the columnar arrays (<c>accessionNumber: [...]</c>, <c>form: [...]</c>, ...) into rows.</summary>
    private static List<FilingRecord> Columnar(JsonElement columns, string document, DiagnosticBag diagnostics)
    {
        var rows = new List<FilingRecord>();
        if (columns.ValueKind != JsonValueKind.Object || !columns.TryGetProperty("accessionNumber", out var accessions) || accessions.ValueKind != JsonValueKind.Array)
        {
            diagnostics.Error(EdgarCodes.BadJson, "The filings have no accessionNumber column.", new SourceLocation(document));
            return rows;
        }
        var count = accessions.GetArrayLength();
        var arrays = new Dictionary<string, JsonElement[]>(StringComparer.Ordinal);
        foreach (var p in columns.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.Array)
            {
                continue;
            }
            var values = p.Value.EnumerateArray().ToArray();
            if (values.Length != count)
            {
                diagnostics.Warning(EdgarCodes.BadValue, $"The column '{p.Name}' has {values.Length} values for {count} filings; its missing values are null.", new SourceLocation(document));
            }
            arrays[p.Name] = values;
        }
        string? S(string column, int i) => arrays.TryGetValue(column, out var a) && i < a.Length && a[i].ValueKind == JsonValueKind.String && a[i].GetString() is { Length: > 0 } s ? s : null;
        bool B(string column, int i) => arrays.TryGetValue(column, out var a) && i < a.Length && a[i].ValueKind == JsonValueKind.Number && a[i].TryGetInt32(out var n) && n != 0;
        long? L(string column, int i) => arrays.TryGetValue(column, out var a) && i < a.Length && a[i].ValueKind == JsonValueKind.Number && a[i].TryGetInt64(out var n) ? n : null;
        var badDates = 0;
        for (var i = 0; i < count; i++)
        {
            var accession = S("accessionNumber", i) ?? "";
            var filed = Date(S("filingDate", i));
            if (filed is null)
            {
                badDates++;
            }
            DateTimeOffset? accepted = null;
            if (S("acceptanceDateTime", i) is { } at)
            {
                var clock = at.EndsWith('Z') ? at[..^1] : at;
                if (DateTime.TryParseExact(clock, ["yyyy-MM-ddTHH:mm:ss.fff", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                {
                    accepted = UsEastern.ToOffset(local);
                }
            }
            var items = S("items", i) is { } it ? it.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            rows.Add(new FilingRecord(accession, filed, Date(S("reportDate", i)), accepted, S("act", i), S("form", i) ?? "", S("fileNumber", i),
                S("filmNumber", i), items, S("core_type", i), L("size", i), B("isXBRL", i), B("isInlineXBRL", i), S("primaryDocument", i), S("primaryDocDescription", i)));
        }
        if (badDates > 0)
        {
            diagnostics.Warning(EdgarCodes.BadValue, string.Create(CultureInfo.InvariantCulture, $"{badDates} filing(s) have no readable filingDate."), new SourceLocation(document));
        }
        return rows;
    }

    /// <summary>Reads a companyfacts JSON.</summary>
    public static CompanyFacts ReadCompanyFacts(Stream stream, string? document = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var name = document ?? "(companyfacts)";
        var diagnostics = new DiagnosticBag();
        using var json = Parse(stream, name, diagnostics);
        var concepts = new List<CompanyConcept>();
        if (json is null || json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("facts", out var facts) || facts.ValueKind != JsonValueKind.Object)
        {
            if (json is not null)
            {
                diagnostics.Error(EdgarCodes.BadJson, "The companyfacts JSON has no 'facts' object.", new SourceLocation(name));
            }
            return new CompanyFacts(0, null, concepts, diagnostics.ToList());
        }
        var root = json.RootElement;
        var cik = root.TryGetProperty("cik", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt64(out var n) ? n : 0;
        var skipped = 0;
        foreach (var taxonomy in facts.EnumerateObject())
        {
            if (taxonomy.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            foreach (var concept in taxonomy.Value.EnumerateObject())
            {
                var list = new List<CompanyFact>();
                if (concept.Value.TryGetProperty("units", out var units) && units.ValueKind == JsonValueKind.Object)
                {
                    foreach (var unit in units.EnumerateObject())
                    {
                        if (unit.Value.ValueKind != JsonValueKind.Array)
                        {
                            continue;
                        }
                        foreach (var f in unit.Value.EnumerateArray())
                        {
                            var end = Date(Str(f, "end"));
                            var filed = Date(Str(f, "filed"));
                            if (end is null || filed is null || !f.TryGetProperty("val", out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetDecimal(out var value))
                            {
                                skipped++;
                                continue;
                            }
                            int? fy = f.TryGetProperty("fy", out var fyElement) && fyElement.ValueKind == JsonValueKind.Number && fyElement.TryGetInt32(out var y) ? y : null;
                            list.Add(new CompanyFact(unit.Name, Date(Str(f, "start")), end.Value, value, Str(f, "accn") ?? "", fy, Str(f, "fp"), Str(f, "form") ?? "", filed.Value, Str(f, "frame")));
                        }
                    }
                }
                concepts.Add(new CompanyConcept(taxonomy.Name, concept.Name, Str(concept.Value, "label"), Str(concept.Value, "description"), list));
            }
        }
        if (skipped > 0)
        {
            diagnostics.Warning(EdgarCodes.BadValue, string.Create(CultureInfo.InvariantCulture, $"{skipped} fact(s) had no readable end date, filing date or decimal value and were left out."), new SourceLocation(name));
        }
        return new CompanyFacts(cik, Str(root, "entityName"), concepts, diagnostics.ToList());
    }

    /// <summary>Reads <c>company_tickers.json</c> (an object of <c>{ "cik_str", "ticker", "title" }</c> rows keyed by index).</summary>
    public static (IReadOnlyList<CompanyTicker> Tickers, IReadOnlyList<Diagnostic> Diagnostics) ReadTickers(Stream stream, string? document = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var name = document ?? "(company_tickers)";
        var diagnostics = new DiagnosticBag();
        using var json = Parse(stream, name, diagnostics);
        var list = new List<CompanyTicker>();
        if (json is null)
        {
            return (list, diagnostics.ToList());
        }
        var rows = json.RootElement.ValueKind switch
        {
            JsonValueKind.Object => json.RootElement.EnumerateObject().Select(p => p.Value).ToList(),
            JsonValueKind.Array => json.RootElement.EnumerateArray().ToList(),
            _ => [],
        };
        var bad = 0;
        foreach (var row in rows)
        {
            if (row.ValueKind == JsonValueKind.Object && row.TryGetProperty("cik_str", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt64(out var cik) && Str(row, "ticker") is { } ticker)
            {
                list.Add(new CompanyTicker(cik, ticker, Str(row, "title") ?? ""));
            }
            else
            {
                bad++;
            }
        }
        if (bad > 0)
        {
            diagnostics.Warning(EdgarCodes.BadValue, string.Create(CultureInfo.InvariantCulture, $"{bad} row(s) lack a numeric cik_str or a ticker and were left out."), new SourceLocation(name));
        }
        if (rows.Count == 0)
        {
            diagnostics.Error(EdgarCodes.BadJson, "The document holds no ticker rows.", new SourceLocation(name));
        }
        return (list, diagnostics.ToList());
    }
}
