using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EdgarSharp.Edgar;

/// <summary>Which EDGAR index file a <see cref="EdgarIndex"/> came from.</summary>
public enum EdgarIndexKind
{
    /// <summary>No column header was found.</summary>
    Unknown,

    /// <summary><c>form.idx</c>: fixed width, sorted by form type.</summary>
    Form,

    /// <summary><c>company.idx</c>: fixed width, sorted by company name.</summary>
    Company,

    /// <summary><c>master.idx</c>: <c>|</c>-separated.</summary>
    Master,

    /// <summary><c>xbrl.idx</c>: <c>|</c>-separated like master.</summary>
    Xbrl,

    /// <summary><c>crawler.idx</c>: fixed width, with the filing index page's URL.</summary>
    Crawler,
}

/// <summary>One filing listed in an index file (or a feed, listing page or company filings list).</summary>
/// <param name="FormType">The form type (<c>10-K</c>, <c>SC 13D/A</c>).</param>
/// <param name="CompanyName">The company name.</param>
/// <param name="Cik">The CIK.</param>
/// <param name="DateFiled">The filing date.</param>
/// <param name="FileName">The path or URL as listed (<c>edgar/data/1000228/0001209191-18-064398.txt</c>, or the index page URL of crawler files).</param>
/// <param name="AccessionNumber">The accession number found in <paramref name="FileName"/>, or null.</param>
/// <param name="Line">The one-based line in the file.</param>
public sealed record EdgarIndexEntry(string FormType, string CompanyName, long Cik, DateOnly DateFiled, string FileName, string? AccessionNumber, long Line);

/// <summary>An index file read by <see cref="EdgarIndexReader"/>.</summary>
/// <param name="Kind">The flavour.</param>
/// <param name="Description">The <c>Description:</c> line, or null.</param>
/// <param name="LastDataReceived">The <c>Last Data Received:</c> date as written (<c>Mar 18, 2020</c>), or null.</param>
/// <param name="Entries">The rows read.</param>
/// <param name="Diagnostics">Missing header, bad rows (skipped), column overflows (read by tokens), no rows.</param>
public sealed record EdgarIndex(EdgarIndexKind Kind, string? Description, string? LastDataReceived, IReadOnlyList<EdgarIndexEntry> Entries, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Reads EDGAR's full and daily index files: <c>form.idx</c> and <c>company.idx</c> (fixed width; the column
/// positions come from the header line, including the company header EDGAR wraps onto a second line at 80 columns),
/// <c>crawler.idx</c> (fixed width; its header understates the widths, so rows are split by their tokens),
/// <c>master.idx</c> and <c>xbrl.idx</c> (<c>|</c>-separated). Dates as <c>YYYYMMDD</c> or <c>YYYY-MM-DD</c>. A row
/// whose values overflow their columns is read by its whitespace-free trailing tokens (CIK, date, file) and reported;
/// a row that cannot be read is skipped with an error; a file with no column header or no rows is reported. Never
/// throws on content; one pass, memory proportional to the rows. Thread-safe.
/// </summary>
public static partial class EdgarIndexReader
{
    [GeneratedRegex(@"\d{10}-\d{2}-\d{6}", RegexOptions.CultureInvariant)]
    private static partial Regex Accession();

    /// <summary>Reads the index file at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static EdgarIndex ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        return Read(stream, path);
    }

    /// <summary>Reads an index file from <paramref name="stream"/> (left open); the text is Latin-1 (EDGAR's index files are ASCII).</summary>
    public static EdgarIndex Read(Stream stream, string? document = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, Encoding.Latin1, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        return Read(reader, document ?? "(index)");
    }

    /// <summary>Reads an index file from text.</summary>
    public static EdgarIndex Read(TextReader reader, string document)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var diagnostics = new DiagnosticBag();
        var entries = new List<EdgarIndexEntry>();
        string? description = null, lastData = null;
        var kind = EdgarIndexKind.Unknown;
        int[]? starts = null;
        string? headerLine = null;
        var inRows = false;
        var lineNumber = 0L;
        var overflows = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (!inRows)
            {
                if (line.StartsWith("Description:", StringComparison.Ordinal))
                {
                    description = line["Description:".Length..].Trim();
                    continue;
                }
                if (line.StartsWith("Last Data Received:", StringComparison.Ordinal))
                {
                    lastData = line["Last Data Received:".Length..].Trim();
                    continue;
                }
                if (line.StartsWith("CIK|", StringComparison.Ordinal))
                {
                    kind = description?.Contains("XBRL", StringComparison.OrdinalIgnoreCase) == true ? EdgarIndexKind.Xbrl : EdgarIndexKind.Master;
                    headerLine = line;
                    continue;
                }
                if (headerLine is null && (line.StartsWith("Form Type", StringComparison.Ordinal) || line.StartsWith("Company Name", StringComparison.Ordinal)) && line.Contains("CIK", StringComparison.Ordinal))
                {
                    headerLine = line;
                    continue;
                }
                if (line.StartsWith("---", StringComparison.Ordinal) && line.Trim().Trim('-').Length == 0)
                {
                    if (headerLine is null)
                    {
                        diagnostics.Error(EdgarCodes.IndexMissingHeader, "The index has a rule line but no column header before it; its rows cannot be read. Is this an EDGAR index file?", new SourceLocation(document, (int)lineNumber, 1));
                        return new EdgarIndex(kind, description, lastData, entries, diagnostics.ToList());
                    }
                    if (kind == EdgarIndexKind.Unknown)
                    {
                        kind = headerLine.StartsWith("Form Type", StringComparison.Ordinal) ? EdgarIndexKind.Form
                            : headerLine.Contains("URL", StringComparison.Ordinal) || description?.Contains("Crawler", StringComparison.OrdinalIgnoreCase) == true ? EdgarIndexKind.Crawler
                            : EdgarIndexKind.Company;
                        starts = ColumnStarts(headerLine, kind);
                    }
                    inRows = true;
                    continue;
                }
                if (headerLine is not null && !headerLine.StartsWith("CIK|", StringComparison.Ordinal) && line.Length > 0 && char.IsWhiteSpace(line[0]))
                {
                    // The company and crawler headers wrap at 80 columns: "      Date Filed  File Name".
                    headerLine = headerLine.PadRight(80) + line;
                }
                continue;
            }
            if (line.Trim().Length == 0)
            {
                continue;
            }
            var entry = kind is EdgarIndexKind.Master or EdgarIndexKind.Xbrl
                ? Separated(line, lineNumber, document, diagnostics)
                : Fixed(line, lineNumber, kind, starts!, document, diagnostics, ref overflows);
            if (entry is not null)
            {
                entries.Add(entry);
            }
        }
        if (headerLine is null || !inRows)
        {
            diagnostics.Error(EdgarCodes.IndexMissingHeader, "The index has no column header and rule line; no rows were read. Is this an EDGAR index file?", new SourceLocation(document));
        }
        else if (entries.Count == 0 && !diagnostics.HasErrors)
        {
            diagnostics.Warning(EdgarCodes.IndexEmpty, "The index lists no filings.", new SourceLocation(document));
        }
        if (overflows > 1)
        {
            diagnostics.Warning(EdgarCodes.IndexColumnOverflow, string.Create(CultureInfo.InvariantCulture, $"{overflows} rows in all overflow their columns."), new SourceLocation(document));
        }
        return new EdgarIndex(kind, description, lastData, entries, diagnostics.ToList());
    }

    private static int[] ColumnStarts(string header, EdgarIndexKind kind)
    {
        string[] names = kind == EdgarIndexKind.Form
            ? ["Form Type", "Company Name", "CIK", "Date Filed"]
            : ["Company Name", "Form Type", "CIK", "Date Filed"];
        return names.Select(n => header.IndexOf(n, StringComparison.Ordinal)).ToArray();
    }

    private static EdgarIndexEntry? Separated(string line, long number, string document, DiagnosticBag diagnostics)
    {
        var parts = line.Split('|');
        if (parts.Length != 5)
        {
            BadRow(line, number, $"it has {parts.Length} '|'-separated fields, not 5", document, diagnostics);
            return null;
        }
        return Entry(parts[2].Trim(), parts[1].Trim(), parts[0].Trim(), parts[3].Trim(), parts[4].Trim(), line, number, document, diagnostics);
    }

    private static EdgarIndexEntry? Fixed(string line, long number, EdgarIndexKind kind, int[] starts, string document, DiagnosticBag diagnostics, ref int overflows)
    {
        // The last three columns (CIK, date, file or URL) never contain spaces: take them from the right.
        var tokens = new List<(int Start, int End)>();
        var end = line.TrimEnd().Length;
        var i = end;
        while (tokens.Count < 3 && i > 0)
        {
            var stop = i;
            while (i > 0 && !char.IsWhiteSpace(line[i - 1]))
            {
                i--;
            }
            tokens.Add((i, stop));
            while (i > 0 && char.IsWhiteSpace(line[i - 1]))
            {
                i--;
            }
        }
        if (tokens.Count < 3 || i == 0)
        {
            BadRow(line, number, "it does not have the five columns of the header", document, diagnostics);
            return null;
        }
        var file = line[tokens[0].Start..tokens[0].End];
        var date = line[tokens[1].Start..tokens[1].End];
        var cik = line[tokens[2].Start..tokens[2].End];
        var lead = line[..tokens[2].Start].TrimEnd();
        // Split the leading two columns at the second column's position from the header.
        var second = starts[1];
        string first, other;
        if (second > 0 && second < lead.Length && char.IsWhiteSpace(lead[second - 1]) && !char.IsWhiteSpace(lead[second]))
        {
            first = lead[..second].Trim();
            other = lead[second..].Trim();
        }
        else
        {
            // The first column overflowed into the second: split at the last run of two or more spaces.
            var split = lead.LastIndexOf("  ", StringComparison.Ordinal);
            if (split <= 0)
            {
                BadRow(line, number, "its first two columns cannot be told apart", document, diagnostics);
                return null;
            }
            first = lead[..split].Trim();
            other = lead[split..].Trim();
            Overflow(line, number, document, diagnostics, ref overflows);
        }
        if (kind != EdgarIndexKind.Crawler && starts[2] > 0 && tokens[2].Start != starts[2])
        {
            Overflow(line, number, document, diagnostics, ref overflows);
        }
        return kind == EdgarIndexKind.Form
            ? Entry(first, other, cik, date, file, line, number, document, diagnostics)
            : Entry(other, first, cik, date, file, line, number, document, diagnostics);
    }

    private static void Overflow(string line, long number, string document, DiagnosticBag diagnostics, ref int overflows)
    {
        if (overflows++ == 0)
        {
            diagnostics.Warning(EdgarCodes.IndexColumnOverflow,
                $"The row '{Shorten(line)}' does not line up with the header's columns (a value is wider than its column); it was read by its tokens.",
                new SourceLocation(document, (int)Math.Min(number, int.MaxValue), 1));
        }
    }

    private static EdgarIndexEntry? Entry(string form, string company, string cik, string date, string file, string line, long number, string document, DiagnosticBag diagnostics)
    {
        if (!long.TryParse(cik, NumberStyles.None, CultureInfo.InvariantCulture, out var c))
        {
            BadRow(line, number, $"its CIK '{cik}' is not a number", document, diagnostics);
            return null;
        }
        if (!DateOnly.TryParseExact(date, ["yyyyMMdd", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            BadRow(line, number, $"its date '{date}' is neither YYYYMMDD nor YYYY-MM-DD", document, diagnostics);
            return null;
        }
        if (form.Length == 0)
        {
            BadRow(line, number, "its form type is empty", document, diagnostics);
            return null;
        }
        var accession = Accession().Match(file);
        return new EdgarIndexEntry(form, company, c, d, file, accession.Success ? accession.Value : null, number);
    }

    private static void BadRow(string line, long number, string why, string document, DiagnosticBag diagnostics) =>
        diagnostics.Error(EdgarCodes.IndexBadRow, $"The row '{Shorten(line)}' was skipped: {why}.", new SourceLocation(document, (int)Math.Min(number, int.MaxValue), 1));

    private static string Shorten(string s) => s.Length <= 100 ? s.TrimEnd() : s[..97] + "...";
}
