namespace EdgarSharp.Documents.Internal;

/// <summary>Text signatures: EDGAR submission containers and their parts, and EDGAR index files.</summary>
internal static partial class TextSniffer
{
    /// <summary>How a submission, or a part of one, starts; and the detail printed for it.</summary>
    private static readonly (string Signature, string Detail)[] SubmissionSignatures =
    [
        ("-----BEGIN PRIVACY-ENHANCED MESSAGE-----", "PRIVACY-ENHANCED MESSAGE"),
        ("<SEC-DOCUMENT>", "SEC-DOCUMENT"),
        ("<SEC-HEADER>", "SEC-HEADER"),
        ("<IMS-DOCUMENT>", "IMS-DOCUMENT"),
        ("<IMS-HEADER>", "IMS-HEADER"),
        ("<SUBMISSION>", "SUBMISSION"),
        ("<ACCEPTANCE-DATETIME>", "ACCEPTANCE-DATETIME"),
        ("<DOCUMENT>", "DOCUMENT"),
    ];

    /// <summary>An EDGAR submission or a part of one, with its form type when the head names it; null otherwise.</summary>
    public static DocumentKindResult? Submission(ReadOnlySpan<char> text, DetectionContext context)
    {
        foreach (var (signature, detail) in SubmissionSignatures)
        {
            if (text.StartsWith(signature, StringComparison.Ordinal))
            {
                var form = FormType(text);
                return context.Result(DocumentKind.EdgarSubmission, form is null ? detail : $"{detail}: {form}");
            }
        }
        return null;
    }

    /// <summary>The <c>CONFORMED SUBMISSION TYPE:</c> of a header, else the first <c>&lt;TYPE&gt;</c> value.</summary>
    private static string? FormType(ReadOnlySpan<char> text)
    {
        var conformed = ValueAfter(text, "CONFORMED SUBMISSION TYPE:");
        return conformed ?? ValueAfter(text, "<TYPE>");
    }

    private static string? ValueAfter(ReadOnlySpan<char> text, string label)
    {
        var at = text.IndexOf(label, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }
        var rest = text[(at + label.Length)..];
        var end = rest.IndexOfAny('\r', '\n');
        var value = (end < 0 ? rest : rest[..end]).Trim();
        return value.IsEmpty || value.Length > 40 ? null : value.ToString();
    }

    /// <summary>
    /// The form of a rendered Form 3, 4 or 5 (<c>form 4</c>), from the statement title the SEC's form carries and its
    /// FORM number; null when the text is not one.
    /// </summary>
    public static string? OwnershipForm(ReadOnlySpan<char> text)
    {
        foreach (var m in StatementTitle().EnumerateMatches(text))
        {
            var title = text.Slice(m.Index, m.Length);
            return title.StartsWith("INITIAL", StringComparison.Ordinal) ? "form 3"
                : title.StartsWith("ANNUAL", StringComparison.Ordinal) ? "form 5"
                : "form 4";
        }
        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?:INITIAL\s+STATEMENT\s+OF\s+BENEFICIAL|(?:ANNUAL\s+)?STATEMENT\s+OF\s+CHANGES\s+IN\s+BENEFICIAL)\s+OWNERSHIP", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex StatementTitle();

    /// <summary>
    /// An EDGAR index file (<c>form.idx</c>, <c>company.idx</c>, <c>master.idx</c>, <c>crawler.idx</c>,
    /// <c>xbrl.idx</c>, daily or full): a <c>Description:</c> preamble, then a column header that says which.
    /// </summary>
    public static DocumentKindResult? Index(ReadOnlySpan<char> text, DetectionContext context)
    {
        if (!text.StartsWith("Description:", StringComparison.Ordinal))
        {
            return null;
        }
        var description = string.Empty;
        var lastDataReceived = false;
        string? flavour = null;
        var lineNumber = 0;
        foreach (var range in text.EnumerateLines())
        {
            if (++lineNumber > 30)
            {
                break;
            }
            var line = range.TrimEnd();
            if (line.StartsWith("Description:", StringComparison.Ordinal))
            {
                description = line["Description:".Length..].Trim().ToString();
            }
            else if (line.StartsWith("Last Data Received:", StringComparison.Ordinal))
            {
                lastDataReceived = true;
            }
            else if (line.StartsWith("CIK|Company Name|Form Type|", StringComparison.Ordinal))
            {
                flavour = description.Contains("XBRL", StringComparison.OrdinalIgnoreCase) ? "xbrl-index" : "master-index";
                break;
            }
            else if (line.StartsWith("Form Type", StringComparison.Ordinal) && line.Contains("Company Name", StringComparison.Ordinal))
            {
                flavour = "form-index";
                break;
            }
            else if (line.StartsWith("Company Name", StringComparison.Ordinal) && line.Contains("Form Type", StringComparison.Ordinal))
            {
                // company.idx and crawler.idx share the first header line; crawler's second one names a URL column.
                flavour = description.Contains("Crawler", StringComparison.OrdinalIgnoreCase) || NextLinesNameUrl(text, line)
                    ? "crawler-index"
                    : "company-index";
                break;
            }
        }
        if (flavour is null && !lastDataReceived && !description.Contains("Index", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return context.Result(DocumentKind.EdgarIndex, flavour ?? "index");
    }

    private static bool NextLinesNameUrl(ReadOnlySpan<char> text, ReadOnlySpan<char> headerLine)
    {
        var at = text.IndexOf(headerLine, StringComparison.Ordinal);
        var after = text[(at + headerLine.Length)..];
        var window = after[..Math.Min(after.Length, 400)];
        var rule = window.IndexOf("----", StringComparison.Ordinal);
        var header = rule < 0 ? window : window[..rule];
        return header.Contains("URL", StringComparison.Ordinal) || headerLine.Contains("URL", StringComparison.Ordinal);
    }
}
