using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using EdgarSharp.Internal;

namespace EdgarSharp.Edgar;

/// <summary>A row of a filing index page's document tables.</summary>
/// <param name="Sequence">The sequence number, or null (the complete submission text file has none).</param>
/// <param name="Description">The description.</param>
/// <param name="Document">The document's file name.</param>
/// <param name="Url">The link as written.</param>
/// <param name="Type">The document type, or empty.</param>
/// <param name="Size">The size in bytes, or null.</param>
/// <param name="Table">The table's summary (<c>Document Format Files</c>, <c>Data Files</c>).</param>
public sealed record IndexPageDocument(int? Sequence, string Description, string Document, string Url, string Type, long? Size, string Table);

/// <summary>A filer block of a filing index page.</summary>
/// <param name="Name">The company name with its role as shown (<c>BlackRock Inc. (Filer)</c>).</param>
/// <param name="Cik">The CIK, ten digits.</param>
public sealed record IndexPageFiler(string Name, string Cik);

/// <summary>A filing index page (<c>ACCESSION-index.html</c>).</summary>
/// <param name="AccessionNumber">The accession number.</param>
/// <param name="FormType">The form (<c>8-K</c>).</param>
/// <param name="FilingDate">The filing date.</param>
/// <param name="AcceptedAt">The acceptance time, US Eastern with its offset.</param>
/// <param name="Period">The period of report.</param>
/// <param name="DocumentCount">The <c>Documents</c> count shown.</param>
/// <param name="Items">The items shown.</param>
/// <param name="Documents">The rows of the document tables.</param>
/// <param name="Filers">The filer blocks.</param>
/// <param name="Diagnostics">What was missing.</param>
public sealed record FilingIndexPage(string? AccessionNumber, string? FormType, DateOnly? FilingDate, DateTimeOffset? AcceptedAt, DateOnly? Period,
    int? DocumentCount, IReadOnlyList<string> Items, IReadOnlyList<IndexPageDocument> Documents, IReadOnlyList<IndexPageFiler> Filers, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>An entry of a directory listing (HTML page or <c>index.json</c>).</summary>
/// <param name="Name">The file or folder name.</param>
/// <param name="Size">The size as shown (<c>644 KB</c>, <c>3837</c>), or empty.</param>
/// <param name="LastModified">The last-modified time as shown, or empty.</param>
/// <param name="IsDirectory">True for a folder.</param>
public sealed record DirectoryEntry(string Name, string Size, string LastModified, bool IsDirectory);

/// <summary>A directory listing.</summary>
/// <param name="Path">The listed folder (<c>daily-index/2018/QTR4/</c>), or null.</param>
/// <param name="Entries">Its entries.</param>
/// <param name="Diagnostics">What was missing.</param>
public sealed record DirectoryListing(string? Path, IReadOnlyList<DirectoryEntry> Entries, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>An entry of a filings feed (Atom latest filings, a company's filings XML, the Current Events page).</summary>
/// <param name="FormType">The form type.</param>
/// <param name="CompanyName">The company name, or empty.</param>
/// <param name="Cik">The CIK, or null.</param>
/// <param name="Role">The role shown (<c>Filer</c>, <c>Reporting</c>), or null.</param>
/// <param name="AccessionNumber">The accession number, or null.</param>
/// <param name="FilingDate">The filing date, or null.</param>
/// <param name="Updated">The entry's update time, or null.</param>
/// <param name="Url">The filing index link, or null.</param>
public sealed record FeedEntry(string FormType, string CompanyName, long? Cik, string? Role, string? AccessionNumber, DateOnly? FilingDate, DateTimeOffset? Updated, string? Url);

/// <summary>A filings feed.</summary>
/// <param name="Title">The title, or null.</param>
/// <param name="Updated">The feed's update time, or null.</param>
/// <param name="Entries">The entries in order.</param>
/// <param name="DeclaredCount">A total the page states (Current Events: "The total number of matches"), or null.</param>
/// <param name="Diagnostics">Bad XML, entries without links, counts that disagree.</param>
public sealed record FilingFeed(string? Title, DateTimeOffset? Updated, IReadOnlyList<FeedEntry> Entries, int? DeclaredCount, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>A report of <c>FilingSummary.xml</c>.</summary>
/// <param name="Position">The position, or null.</param>
/// <param name="ShortName">The short name.</param>
/// <param name="LongName">The long name.</param>
/// <param name="HtmlFileName">The R file (<c>R2.htm</c>), or null.</param>
/// <param name="Role">The role URI, or null.</param>
/// <param name="MenuCategory">The menu category (<c>Statements</c>), or null.</param>
/// <param name="ReportType">The report type (<c>Sheet</c>), or null.</param>
/// <param name="Instance">The instance the report comes from, or null.</param>
public sealed record FilingSummaryReport(int? Position, string ShortName, string LongName, string? HtmlFileName, string? Role, string? MenuCategory, string? ReportType, string? Instance);

/// <summary>EDGAR's <c>FilingSummary.xml</c>.</summary>
/// <param name="Version">The renderer version.</param>
/// <param name="ContextCount">The number of contexts, or null.</param>
/// <param name="ElementCount">The number of elements, or null.</param>
/// <param name="Reports">The reports.</param>
/// <param name="InputFiles">The input files.</param>
/// <param name="Diagnostics">Bad XML.</param>
public sealed record FilingSummary(string? Version, int? ContextCount, int? ElementCount, IReadOnlyList<FilingSummaryReport> Reports, IReadOnlyList<string> InputFiles, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Readers of EDGAR's pages and small XML documents: filing index pages (<c>-index.html</c>, with AngleSharp, as
/// browsers parse them), <c>-index-headers.html</c> (the SGML header inside, read by the submission header parser),
/// directory listings (HTML pages and <c>index.json</c>), the Current Events page, the Atom "latest filings" feed and
/// a company's filings XML, and <c>FilingSummary.xml</c> (XML through the project's safe reader: DOCTYPEs ignored,
/// nothing resolved). Bad input never throws: what is missing or malformed becomes a diagnostic beside what was read.
/// Exceptions only for I/O failures. Each page is parsed once in memory. Thread-safe.
/// </summary>
public static partial class EdgarPageReader
{
    [GeneratedRegex(@"\d{10}-\d{2}-\d{6}", RegexOptions.CultureInvariant)]
    private static partial Regex Accession();

    [GeneratedRegex(@"^(?<form>.+?) - (?<name>.*) \((?<cik>\d{10})\) \((?<role>[^)]*)\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex AtomTitle();

    [GeneratedRegex(@"(?<date>\d{2}-\d{2}-\d{4})\s+<a href=""(?<url>[^""]+)"">(?<form>[^<]+)</a>\s+<a href=""[^""]*"">(?<cik>\d+)</a>\s+(?<name>[^\r\n]*)", RegexOptions.CultureInvariant)]
    private static partial Regex CurrentEventsRow();

    [GeneratedRegex(@"total number of matches for [^<]* is <strong>(?<n>\d+)</strong>", RegexOptions.CultureInvariant)]
    private static partial Regex CurrentEventsTotal();

    private static readonly HtmlParser Html = new();

    private static string Text(AngleSharp.Dom.IElement? e) => e is null ? string.Empty : Regex.Replace(e.TextContent, @"\s+", " ").Trim();

    /// <summary>Reads a filing index page (<c>-index.html</c>).</summary>
    public static FilingIndexPage ReadIndexPage(string html, string? document = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        var name = document ?? "(index page)";
        var diagnostics = new DiagnosticBag();
        var page = Html.ParseDocument(html);
        var info = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var head in page.QuerySelectorAll("div.infoHead"))
        {
            if (head.NextElementSibling is { } value && value.ClassList.Contains("info"))
            {
                info.TryAdd(Text(head), value.InnerHtml);
            }
        }
        string? Info(string key) => info.TryGetValue(key, out var v) ? Regex.Replace(v, "<[^>]+>", " ").Trim() : null;
        var secNum = Text(page.QuerySelector("#secNum"));
        var accession = Accession().Match(secNum) is { Success: true } m ? m.Value : null;
        var formName = Text(page.QuerySelector("#formName strong"));
        var form = formName.StartsWith("Form ", StringComparison.Ordinal) ? formName[5..].Trim() : formName.Length > 0 ? formName : null;
        DateTimeOffset? accepted = null;
        if (Info("Accepted") is { } at && DateTime.TryParseExact(at, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            accepted = UsEastern.ToOffset(local);
        }
        var items = info.TryGetValue("Items", out var itemsHtml)
            ? itemsHtml.Split("<br>", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(i => Regex.Replace(i, "<[^>]+>", "").Trim()).Where(i => i.Length > 0).ToList()
            : [];
        var documents = new List<IndexPageDocument>();
        foreach (var table in page.QuerySelectorAll("table.tableFile"))
        {
            var summary = table.GetAttribute("summary") ?? "";
            foreach (var row in table.QuerySelectorAll("tr").Skip(1))
            {
                var cells = row.QuerySelectorAll("td").ToList();
                if (cells.Count < 5)
                {
                    continue;
                }
                var link = cells[2].QuerySelector("a");
                documents.Add(new IndexPageDocument(
                    int.TryParse(Text(cells[0]), NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq : null,
                    Text(cells[1]), Text(link), link?.GetAttribute("href") ?? "", Text(cells[3]),
                    long.TryParse(Text(cells[4]), NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : null, summary));
            }
        }
        var filers = new List<IndexPageFiler>();
        foreach (var company in page.QuerySelectorAll("span.companyName"))
        {
            var text = Text(company);
            var cik = Regex.Match(text, @"CIK: ?(\d{10})");
            var cut = text.IndexOf("CIK", StringComparison.Ordinal);
            filers.Add(new IndexPageFiler(cut > 0 ? text[..cut].Trim() : text, cik.Success ? cik.Groups[1].Value : ""));
        }
        if (accession is null)
        {
            diagnostics.Warning(EdgarCodes.UnexpectedHtml, "The page shows no accession number (#secNum); is it an EDGAR filing index page?", new SourceLocation(name));
        }
        if (documents.Count == 0)
        {
            diagnostics.Warning(EdgarCodes.UnexpectedHtml, "The page lists no documents (table.tableFile).", new SourceLocation(name));
        }
        return new FilingIndexPage(accession, form, ParseDate(Info("Filing Date")), accepted, ParseDate(Info("Period of Report")),
            int.TryParse(Info("Documents"), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null,
            items, documents, filers, diagnostics.ToList());
    }

    private static DateOnly? ParseDate(string? s) =>
        s is not null && DateOnly.TryParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>
    /// Reads the header of an <c>-index-headers.html</c> page: the first <c>&lt;SEC-HEADER&gt;</c> up to
    /// <c>&lt;/SEC-HEADER&gt;</c> (in a comment or as the whole file), parsed like a submission's header.
    /// </summary>
    public static (SubmissionHeader Header, IReadOnlyList<Diagnostic> Diagnostics) ReadIndexHeaders(string html, string? document = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        var name = document ?? "(index headers)";
        var start = html.IndexOf("<SEC-HEADER>", StringComparison.Ordinal);
        if (start < 0)
        {
            var bag = new DiagnosticBag();
            bag.Error(EdgarCodes.UnexpectedHtml, "The page holds no <SEC-HEADER>; is it an EDGAR -index-headers.html page?", new SourceLocation(name));
            return (SubmissionHeader.Empty, bag.ToList());
        }
        var end = html.IndexOf("</SEC-HEADER>", start, StringComparison.Ordinal);
        var text = end < 0 ? html[start..] : html[start..(end + "</SEC-HEADER>".Length)];
        var submission = SubmissionReader.Read(Encoding.Latin1.GetBytes(text), name);
        return (submission.Header, submission.Diagnostics);
    }

    /// <summary>Reads an EDGAR directory listing page (<c>Directory listing of ...</c>, the <c>Name</c>/<c>Size</c>/<c>Last Modified</c> table).</summary>
    public static DirectoryListing ReadDirectoryListing(string html, string? document = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        var diagnostics = new DiagnosticBag();
        var page = Html.ParseDocument(html);
        var title = page.Title ?? "";
        var path = title.StartsWith("Directory listing of ", StringComparison.Ordinal) ? title["Directory listing of ".Length..].Trim() : null;
        var entries = new List<DirectoryEntry>();
        foreach (var row in page.QuerySelectorAll("tr"))
        {
            var cells = row.QuerySelectorAll("td").ToList();
            var link = cells.Count >= 1 ? cells[0].QuerySelector("a") : null;
            if (link is null || cells.Count < 3)
            {
                continue;
            }
            var href = link.GetAttribute("href") ?? "";
            entries.Add(new DirectoryEntry(Text(link), Text(cells[1]), Text(cells[2]), href.EndsWith('/')));
        }
        if (path is null || entries.Count == 0)
        {
            diagnostics.Warning(EdgarCodes.UnexpectedHtml, "The page is not an EDGAR directory listing (no 'Directory listing of' title or no entries).", new SourceLocation(document ?? "(listing)"));
        }
        return new DirectoryListing(path, entries, diagnostics.ToList());
    }

    /// <summary>Reads a directory listing in JSON (<c>index.json</c>: <c>{ "directory": { "item": [...], "name" } }</c>).</summary>
    public static DirectoryListing ReadDirectoryJson(Stream stream, string? document = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var name = document ?? "(index.json)";
        var diagnostics = new DiagnosticBag();
        var entries = new List<DirectoryEntry>();
        try
        {
            using var json = JsonDocument.Parse(stream);
            if (!json.RootElement.TryGetProperty("directory", out var dir) || !dir.TryGetProperty("item", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                diagnostics.Error(EdgarCodes.BadJson, "The JSON has no directory.item array.", new SourceLocation(name));
                return new DirectoryListing(null, entries, diagnostics.ToList());
            }
            foreach (var item in items.EnumerateArray())
            {
                string S(string p) => item.TryGetProperty(p, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
                entries.Add(new DirectoryEntry(S("name"), S("size"), S("last-modified"), S("type") == "folder.gif" || S("type") == "dir"));
            }
            var path = dir.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            return new DirectoryListing(path, entries, diagnostics.ToList());
        }
        catch (JsonException ex)
        {
            diagnostics.Error(EdgarCodes.BadJson, $"The document is not valid JSON ({ex.Message}).", new SourceLocation(name));
            return new DirectoryListing(null, entries, diagnostics.ToList());
        }
    }

    /// <summary>Reads EDGAR's Current Events page (the <c>&lt;pre&gt;</c> list of date, form, CIK and company rows); checks the stated total.</summary>
    public static FilingFeed ReadCurrentEvents(string html, string? document = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        var diagnostics = new DiagnosticBag();
        var entries = new List<FeedEntry>();
        foreach (Match m in CurrentEventsRow().Matches(html))
        {
            var url = m.Groups["url"].Value;
            entries.Add(new FeedEntry(m.Groups["form"].Value.Trim(), System.Net.WebUtility.HtmlDecode(m.Groups["name"].Value.Trim()),
                long.Parse(m.Groups["cik"].Value, CultureInfo.InvariantCulture), null,
                Accession().Match(url) is { Success: true } a ? a.Value : null,
                DateOnly.TryParseExact(m.Groups["date"].Value, "MM-dd-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
                null, url));
        }
        int? total = CurrentEventsTotal().Match(html) is { Success: true } t ? int.Parse(t.Groups["n"].Value, CultureInfo.InvariantCulture) : null;
        if (total is { } n && n != entries.Count)
        {
            diagnostics.Warning(EdgarCodes.UnexpectedHtml, string.Create(CultureInfo.InvariantCulture, $"The page states {n} matches but lists {entries.Count} rows."), new SourceLocation(document ?? "(current events)"));
        }
        if (entries.Count == 0)
        {
            diagnostics.Warning(EdgarCodes.UnexpectedHtml, "The page lists no filings; is it EDGAR's Current Events page?", new SourceLocation(document ?? "(current events)"));
        }
        var title = Html.ParseDocument(html).Title;
        return new FilingFeed(title, null, entries, total, diagnostics.ToList());
    }

    /// <summary>
    /// Reads an Atom feed of filings (EDGAR's "latest filings": titles <c>FORM - NAME (CIK) (ROLE)</c>) or a company's
    /// filings XML (<c>companyfilings</c>: <c>filing</c> elements with <c>type</c>, <c>datefiled</c>, <c>filinghref</c>).
    /// </summary>
    public static FilingFeed ReadFeed(Stream stream, string? document = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var name = document ?? "(feed)";
        var diagnostics = new DiagnosticBag();
        var entries = new List<FeedEntry>();
        XDocument xml;
        try
        {
            using var reader = SafeXml.Create(stream, name);
            xml = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException ex)
        {
            diagnostics.Error(EdgarCodes.BadXml, $"The feed is not well-formed XML ({ex.Message}).", new SourceLocation(name, ex.LineNumber, ex.LinePosition));
            return new FilingFeed(null, null, entries, null, diagnostics.ToList());
        }
        var root = xml.Root!;
        static string? Child(XElement e, string local) => e.Elements().FirstOrDefault(c => c.Name.LocalName == local)?.Value.Trim();
        var title = Child(root, "title");
        DateTimeOffset? updated = DateTimeOffset.TryParse(Child(root, "updated"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var u) ? u : null;
        foreach (var entry in root.Elements().Where(e => e.Name.LocalName == "entry"))
        {
            var link = entry.Elements().FirstOrDefault(e => e.Name.LocalName == "link")?.Attribute("href")?.Value;
            var term = entry.Elements().FirstOrDefault(e => e.Name.LocalName == "category")?.Attribute("term")?.Value;
            entries.Add(AtomEntry(Child(entry, "title"), Child(entry, "updated"), link, term, Child(entry, "id"), Child(entry, "summary"), name, diagnostics));
        }
        var info = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "companyinfo");
        long? cik = info is not null && long.TryParse(Child(info, "cik"), NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : null;
        var company = info is null ? "" : Child(info, "name") ?? "";
        foreach (var filing in root.Descendants().Where(e => e.Name.LocalName == "filing"))
        {
            var type = Child(filing, "type") ?? "";
            var date = Child(filing, "datefiled");
            var href = Child(filing, "filinghref");
            var accession = href is not null && Accession().Match(href) is { Success: true } a ? a.Value : null;
            if (accession is null)
            {
                diagnostics.Warning(EdgarCodes.BadValue, $"The {type} filing of {date} has no usable link ('{href}'); it is listed without an accession number.", new SourceLocation(name));
            }
            entries.Add(new FeedEntry(type, company, cik, null, accession, ParseDate(date), null, accession is null ? null : href));
        }
        if (title is null && info is null)
        {
            diagnostics.Warning(EdgarCodes.UnexpectedHtml, $"The root element '{root.Name.LocalName}' is neither an Atom feed nor EDGAR's company filings XML.", new SourceLocation(name));
        }
        return new FilingFeed(title, updated, entries, null, diagnostics.ToList());
    }

    private static FeedEntry AtomEntry(string? title, string? updated, string? href, string? term, string? id, string? summary, string document, DiagnosticBag diagnostics)
    {
        var m = title is null ? Match.Empty : AtomTitle().Match(title);
        var accession = id is not null && Accession().Match(id) is { Success: true } a ? a.Value
            : href is not null && Accession().Match(href) is { Success: true } b ? b.Value : null;
        DateOnly? filed = null;
        if (summary is not null && Regex.Match(summary, @"Filed:</b>\s*(\d{4}-\d{2}-\d{2})") is { Success: true } f)
        {
            filed = ParseDate(f.Groups[1].Value);
        }
        if (!m.Success)
        {
            diagnostics.Warning(EdgarCodes.BadValue, $"The entry title '{title}' is not 'FORM - NAME (CIK) (ROLE)'.", new SourceLocation(document));
        }
        return new FeedEntry(term ?? (m.Success ? m.Groups["form"].Value : ""), m.Success ? m.Groups["name"].Value : title ?? "",
            m.Success ? long.Parse(m.Groups["cik"].Value, CultureInfo.InvariantCulture) : null, m.Success ? m.Groups["role"].Value : null,
            accession, filed, DateTimeOffset.TryParse(updated, CultureInfo.InvariantCulture, DateTimeStyles.None, out var u) ? u : null, href);
    }

    /// <summary>Reads EDGAR's <c>FilingSummary.xml</c>.</summary>
    public static FilingSummary ReadFilingSummary(Stream stream, string? document = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var name = document ?? "FilingSummary.xml";
        var diagnostics = new DiagnosticBag();
        XDocument xml;
        try
        {
            using var reader = SafeXml.Create(stream, name);
            xml = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException ex)
        {
            diagnostics.Error(EdgarCodes.BadXml, $"FilingSummary.xml is not well-formed ({ex.Message}).", new SourceLocation(name, ex.LineNumber, ex.LinePosition));
            return new FilingSummary(null, null, null, [], [], diagnostics.ToList());
        }
        var root = xml.Root!;
        if (root.Name.LocalName != "FilingSummary")
        {
            diagnostics.Error(EdgarCodes.BadXml, $"The root element is '{root.Name.LocalName}', not FilingSummary.", new SourceLocation(name));
            return new FilingSummary(null, null, null, [], [], diagnostics.ToList());
        }
        static string? V(XElement e, string local) => e.Elements().FirstOrDefault(c => c.Name.LocalName == local)?.Value.Trim() is { Length: > 0 } v ? v : null;
        static int? I(XElement e, string local) => int.TryParse(V(e, local), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var reports = root.Elements().Where(e => e.Name.LocalName == "MyReports").Elements().Where(e => e.Name.LocalName == "Report")
            .Select(r => new FilingSummaryReport(I(r, "Position"), V(r, "ShortName") ?? "", V(r, "LongName") ?? "", V(r, "HtmlFileName"), V(r, "Role"),
                V(r, "MenuCategory"), V(r, "ReportType"), r.Attribute("instance")?.Value))
            .ToList();
        var inputs = root.Elements().Where(e => e.Name.LocalName == "InputFiles").Elements().Where(e => e.Name.LocalName == "File").Select(f => f.Value.Trim()).ToList();
        return new FilingSummary(V(root, "Version"), I(root, "ContextCount"), I(root, "ElementCount"), reports, inputs, diagnostics.ToList());
    }
}
