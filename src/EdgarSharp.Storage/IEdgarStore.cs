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
    decimal? ExercisePrice = null);

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

/// <summary>A numbered comment of a letter, with the company's response when there is one.</summary>
public sealed record CommentRecord(int Number, string? Heading, string Text, string? Response);

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
    IReadOnlyList<CommitmentRecord> Commitments);

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

    /// <summary>The form (<c>10-Q</c>, <c>4</c>, <c>CORRESP</c>), or null.</summary>
    public string? Form { get; init; }

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

    /// <summary>Records the start of an ingest run; returns its id.</summary>
    long BeginRun(IReadOnlyList<string> sources);

    /// <summary>Records the end of an ingest run with its counts.</summary>
    void EndRun(long run, int stored, int unchanged, int rejected);
}
