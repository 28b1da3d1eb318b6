namespace EdgarSharp.Edgar;

/// <summary>The stable diagnostic codes of the EDGAR container, index and JSON readers.</summary>
public static class EdgarCodes
{
    /// <summary>Error: the file starts with nothing a submission starts with (<c>&lt;SEC-DOCUMENT&gt;</c>, <c>&lt;SUBMISSION&gt;</c>, ...).</summary>
    public const string NotASubmission = "edgar:not-a-submission";

    /// <summary>Error: the file ends inside the header or a document (a truncated download).</summary>
    public const string Truncated = "edgar:truncated";

    /// <summary>Warning: the file ends without closing its container (<c>&lt;/SEC-DOCUMENT&gt;</c>, <c>&lt;/SUBMISSION&gt;</c>, the PEM end line).</summary>
    public const string UnclosedContainer = "edgar:unclosed-container";

    /// <summary>Warning: a tag inside a document is not closed where it should be (<c>&lt;/XML&gt;</c> missing before <c>&lt;/TEXT&gt;</c>, ...).</summary>
    public const string UnclosedTag = "edgar:unclosed-tag";

    /// <summary>Error: a required header field is missing (accession number, form type, filing date).</summary>
    public const string MissingHeaderField = "edgar:header-missing-field";

    /// <summary>Warning: a header field that is usually present is missing (public document count).</summary>
    public const string MissingOptionalHeaderField = "edgar:header-missing-optional-field";

    /// <summary>Error: a header date, date-time or number cannot be read.</summary>
    public const string BadHeaderValue = "edgar:header-bad-value";

    /// <summary>Warning: a header line is neither <c>KEY: value</c> nor a tag.</summary>
    public const string UnrecognisedHeaderLine = "edgar:header-unrecognised-line";

    /// <summary>Error: the header is larger than <see cref="SubmissionReadOptions.MaxHeaderBytes"/>; the rest was skipped.</summary>
    public const string HeaderTooLarge = "edgar:header-too-large";

    /// <summary>Warning: the number of documents differs from the declared public document count.</summary>
    public const string DocumentCountMismatch = "edgar:document-count-mismatch";

    /// <summary>Warning: a document has no <c>&lt;TYPE&gt;</c>.</summary>
    public const string MissingDocumentType = "edgar:document-missing-type";

    /// <summary>Error: a document body is larger than <see cref="SubmissionReadOptions.MaxDocumentBytes"/>; the body was cut there.</summary>
    public const string DocumentTooLarge = "edgar:document-too-large";

    /// <summary>Error: a uuencoded body is malformed (bad line, bad length, missing <c>end</c>); what decoded is kept.</summary>
    public const string BadUuencode = "edgar:bad-uuencode";

    /// <summary>Info: the uuencode <c>begin</c> name differs from <c>&lt;FILENAME&gt;</c>.</summary>
    public const string UuencodeNameDiffers = "edgar:uuencode-name-differs";

    /// <summary>Warning: a <c>&lt;FILENAME&gt;</c> or archive entry name escapes its folder or is unsafe; a safe name was used instead.</summary>
    public const string UnsafeFileName = "edgar:unsafe-file-name";

    /// <summary>Error: an archive exceeded a limit (entries, total or per-entry uncompressed size, compression ratio); reading stopped there.</summary>
    public const string ArchiveLimit = "edgar:archive-limit";

    /// <summary>Error: an archive cannot be read (bad gzip, tar or zip structure).</summary>
    public const string BadArchive = "edgar:bad-archive";

    /// <summary>Error: an index file has no column header line.</summary>
    public const string IndexMissingHeader = "edgar:index-missing-header";

    /// <summary>Error: an index row cannot be split into its columns or a column's value is invalid; the row was skipped.</summary>
    public const string IndexBadRow = "edgar:index-bad-row";

    /// <summary>Warning: an index row's value overflows its column; the row was read by its tokens instead.</summary>
    public const string IndexColumnOverflow = "edgar:index-column-overflow";

    /// <summary>Warning: an index file has no rows.</summary>
    public const string IndexEmpty = "edgar:index-empty";

    /// <summary>Error: a JSON document is not valid JSON or lacks its required members.</summary>
    public const string BadJson = "edgar:bad-json";

    /// <summary>Warning: a JSON or XML value cannot be read as its type (a date, a number); it was left out.</summary>
    public const string BadValue = "edgar:bad-value";

    /// <summary>Error: an XML document (FilingSummary.xml, an Atom feed) is not well-formed.</summary>
    public const string BadXml = "edgar:bad-xml";

    /// <summary>Warning: an HTML page lacks what its kind should carry (an index page without documents, ...).</summary>
    public const string UnexpectedHtml = "edgar:unexpected-html";
}
