namespace EdgarSharp.Storage;

/// <summary>A company: CIK, ticker and name, each null when unknown.</summary>
public sealed record CompanyRecord(long Cik, string? Ticker, string? Name);

/// <summary>One document of a filing (a filing read from one file has one, the file itself).</summary>
public sealed record DocumentRecord(int Seq, string File, string Kind, long Bytes, string Sha256);

/// <summary>The dimensional model of one extended link role in summary.</summary>
public sealed record XbrlRoleSummary(
    string Role, int PrimaryItems, int Hypercubes, int Dimensions, int Members, int Defaults, string Tables, string Axes);

/// <summary>One row of a Form 3, 4 or 5 (Table I non-derivative, Table II derivative); amounts are exact decimals.</summary>
public sealed record InsiderRow(
    int Seq,
    string Table,
    bool IsHolding,
    string? Security,
    string? Date,
    string? Code,
    decimal? Shares,
    decimal? Price,
    string? AcquiredDisposed,
    decimal? SharesFollowing,
    string? DirectOrIndirect,
    decimal? ExercisePrice = null,
    string? Nature = null);

/// <summary>An insider report: who reported what about which issuer.</summary>
public sealed record InsiderReport(
    string? DocumentType,
    string? PeriodOfReport,
    string? IssuerCik,
    string? IssuerName,
    string? IssuerSymbol,
    string? OwnerCik,
    string? OwnerName,
    string? Relationship,
    bool? Aff10b5One,
    IReadOnlyList<InsiderRow> Rows);

/// <summary>
/// A numbered comment of a letter, with the company's response when there is one and the passages the response
/// proposes to disclose (joined by newlines), or null.
/// </summary>
public sealed record CommentRecord(int Number, string? Heading, string Text, string? Response, string? ProposedDisclosure = null);

/// <summary>A rule, standard, item or form cited in a letter, with its normalised id and family.</summary>
public sealed record CitationRecord(int Seq, string Text, string CitationId, string Family, int? Comment);

/// <summary>A commitment made in a letter (a disclosure promised for a later filing).</summary>
public sealed record CommitmentRecord(int Seq, string Text, string Trigger, string? Filing, string? Period, int? Comment);

/// <summary>A letter of SEC correspondence.</summary>
public sealed record LetterRecord(
    string Kind,
    string Side,
    string? Date,
    string? Company,
    string? FileNumber,
    string? Answers,
    IReadOnlyList<CommentRecord> Comments,
    IReadOnlyList<CommitmentRecord> Commitments,
    IReadOnlyList<CitationRecord>? Citations = null,
    string? Body = null);

/// <summary>
/// An XBRL context as stored: entity, period (ISO dates; an instant has only <paramref name="PeriodEnd"/>) and its
/// dimensions; <paramref name="DimensionsKey"/> is the dimensions in one canonical string (<c>axis=member</c> pairs
/// sorted and joined by <c>|</c>, empty for none) so that contexts compare by text.
/// </summary>
public sealed record XbrlContextRecord(
    string Id,
    string EntityScheme,
    string EntityId,
    string PeriodType,
    string? PeriodStart,
    string? PeriodEnd,
    string DimensionsKey,
    IReadOnlyList<XbrlDimensionRecord> Dimensions);

/// <summary>One dimension of a context: an explicit member or a typed value.</summary>
public sealed record XbrlDimensionRecord(string Dimension, string? Member, string? TypedValue, bool InScenario);

/// <summary>
/// An XBRL fact as stored. <paramref name="Value"/> is the exact text: for a decimal item its canonical decimal
/// (<see cref="DecimalText.Canonical(decimal)"/>), else the lexical value as written; <paramref name="IsTextBlock"/>
/// marks the narrative blocks that full-text search indexes.
/// </summary>
public sealed record XbrlFactRecord(
    int Seq,
    string? FactId,
    string Concept,
    string Namespace,
    string? ContextId,
    string? Unit,
    string? Decimals,
    string? Precision,
    bool IsNil,
    bool IsNumeric,
    bool IsTextBlock,
    string? Value,
    decimal? DecimalValue);

/// <summary>A diagnostic (a check's finding) as stored: severity, code, message.</summary>
public sealed record DiagnosticRecord(int Seq, string Severity, string Code, string Message);

/// <summary>
/// A filing as stored: its id (the accession number where known, else the SHA-256 of its bytes), the content
/// hash, the company, form and dates, and what the readers found in it.
/// </summary>
public sealed record FilingRecord
{
    /// <summary>The accession number, else the SHA-256 of the bytes (lowercase hex).</summary>
    public required string Id { get; init; }

    /// <summary><c>accession</c> or <c>sha256</c>.</summary>
    public required string IdKind { get; init; }

    /// <summary>The SHA-256 of the bytes, lowercase hex.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The company the filing is about (the issuer, the filer, the company under review), or null.</summary>
    public CompanyRecord? Company { get; init; }

    /// <summary>
    /// The company's name as the document gives it when its CIK is unknown (a letter's <c>Re:</c> company): the store
    /// links the filing to the company of that name, now or when the company is stored later.
    /// </summary>
    public string? CompanyName { get; init; }

    /// <summary>The form (<c>10-Q</c>, <c>4</c>, <c>CORRESP</c>, <c>10-K/A</c>), or null.</summary>
    public string? Form { get; init; }

    /// <summary>The form without its amendment suffix (<c>10-K</c> for <c>10-K/A</c>), or null.</summary>
    public string? FormBase => Form is null ? null : Form.EndsWith("/A", StringComparison.OrdinalIgnoreCase) ? Form[..^2] : Form;

    /// <summary>True for an amendment (<c>4/A</c>, <c>10-K/A</c>, or an XBRL report whose <c>dei:AmendmentFlag</c> is true).</summary>
    public bool IsAmendment { get; init; }

    /// <summary>For an amendment: the date of the original submission where the document states it, or null.</summary>
    public string? OriginalDate { get; init; }

    /// <summary>The filing date (yyyy-MM-dd), or null.</summary>
    public string? FilingDate { get; init; }

    /// <summary>The period of report (yyyy-MM-dd), or null.</summary>
    public string? PeriodOfReport { get; init; }

    /// <summary>The document kind detected (<c>definition-linkbase</c>, <c>ownership-rendering</c>, ...).</summary>
    public required string Kind { get; init; }

    /// <summary>The file name it was read from.</summary>
    public required string File { get; init; }

    /// <summary>Its size in bytes.</summary>
    public long Bytes { get; init; }

    /// <summary>Its documents.</summary>
    public IReadOnlyList<DocumentRecord> Documents { get; init; } = [];

    /// <summary>The dimensional model per role, for XBRL.</summary>
    public IReadOnlyList<XbrlRoleSummary> XbrlRoles { get; init; } = [];

    /// <summary>The insider report, for Forms 3, 4 and 5.</summary>
    public InsiderReport? Insider { get; init; }

    /// <summary>The letter, for correspondence.</summary>
    public LetterRecord? Letter { get; init; }

    /// <summary>The XBRL contexts, for instances and inline XBRL documents.</summary>
    public IReadOnlyList<XbrlContextRecord> XbrlContexts { get; init; } = [];

    /// <summary>The XBRL facts (items, tuples' children included), in document order.</summary>
    public IReadOnlyList<XbrlFactRecord> XbrlFacts { get; init; } = [];

    /// <summary>The readers' and checks' diagnostics.</summary>
    public IReadOnlyList<DiagnosticRecord> Diagnostics { get; init; } = [];
}

/// <summary>What storing a filing did.</summary>
public enum StoreOutcome
{
    /// <summary>The filing was new and is stored.</summary>
    Stored,

    /// <summary>The filing was there with the same bytes: nothing changed.</summary>
    Unchanged,

    /// <summary>The filing was there with other bytes (same accession number): it is replaced.</summary>
    Replaced,

    /// <summary>
    /// The accession number is held by another document of the same filing (another file name, other bytes): nothing
    /// is stored, so that ingesting both again changes nothing. (Filings of several documents come with submissions.)
    /// </summary>
    HeldByAnotherDocument,
}

/// <summary>
/// The store behind ingest and the company story. SQLite implements it (<see cref="SqliteEdgarStore"/>); a server
/// database can implement it later. Each <see cref="Store"/> is one transaction.
/// </summary>
public interface IEdgarStore : IDisposable
{
    /// <summary>Stores a filing with everything read from it, in one transaction; idempotent.</summary>
    StoreOutcome Store(FilingRecord filing);

    /// <summary>The company with this CIK, else this ticker, else this name (case-insensitive), or null.</summary>
    CompanyRecord? FindCompany(long? cik, string? ticker, string? name);

    /// <summary>The company for a CIK or ticker as typed by a user, or null.</summary>
    CompanyRecord? FindCompany(string cikOrTicker);

    /// <summary>The company's filings with everything stored about them, in time order.</summary>
    IReadOnlyList<FilingRecord> Filings(long cik);

    /// <summary>The company's filings as a list, in time order, with amendments linked to their originals and the latest versions marked.</summary>
    IReadOnlyList<FilingListing> FilingListings(long cik);

    /// <summary>
    /// The Forms 3/4/5 rows of an issuer and/or an owner (CIK, compared as a number), in time order; with
    /// <paramref name="latestOnly"/> the rows of filings superseded by an amendment are left out.
    /// </summary>
    IReadOnlyList<InsiderTransaction> InsiderTransactions(long? issuerCik, long? ownerCik, bool latestOnly = true);

    /// <summary>Every fact of <paramref name="concept"/> (<c>prefix:LocalName</c>, or a local name) that the company's filings report, oldest filing first.</summary>
    IReadOnlyList<FactObservation> FactObservations(long cik, string concept);

    /// <summary>
    /// Full-text search (SQLite FTS5 syntax: words, <c>"phrases"</c>, <c>AND</c>/<c>OR</c>/<c>NOT</c>, <c>prefix*</c>) over
    /// letters, comments, responses and XBRL text blocks; <paramref name="source"/> narrows to one of them; best first.
    /// </summary>
    IReadOnlyList<SearchHit> Search(string query, int limit = 20, string? source = null, long? cik = null, string? filingId = null);

    /// <summary>The number of texts of a filing that full-text search holds (of one <paramref name="source"/>, or all).</summary>
    int TextCount(string filingId, string? source = null);

    /// <summary>The stored diagnostics whose code is <paramref name="code"/> (a trailing <c>*</c> matches a prefix; null for all), optionally of one company.</summary>
    IReadOnlyList<StoredDiagnostic> StoredDiagnostics(string? code, long? cik = null);

    /// <summary>Records the start of an ingest run; returns its id.</summary>
    long BeginRun(IReadOnlyList<string> sources);

    /// <summary>Records the end of an ingest run with its counts.</summary>
    void EndRun(long run, int stored, int unchanged, int rejected);
}
