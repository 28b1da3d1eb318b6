namespace EdgarSharp.Storage;

/// <summary>
/// A filing in a company's list: what it is, whether it is an amendment, the original it amends and whether it is the
/// latest version (not superseded by a later amendment of the same form, period and, for Forms 3/4/5, owner).
/// </summary>
public sealed record FilingListing(
    string Id,
    string IdKind,
    string? Form,
    string? FilingDate,
    string? PeriodOfReport,
    string Kind,
    string File,
    bool IsAmendment,
    bool IsLatest,
    IReadOnlyList<string> Amends,
    int Facts,
    int Errors,
    int Warnings);

/// <summary>An insider row with the report and filing it comes from.</summary>
public sealed record InsiderTransaction(
    string FilingId,
    string? Form,
    string? FilingDate,
    string? PeriodOfReport,
    string? IssuerCik,
    string? IssuerName,
    string? IssuerSymbol,
    string? OwnerCik,
    string? OwnerName,
    bool IsLatest,
    InsiderRow Row);

/// <summary>
/// One fact as reported by one filing: the filing, the period (ISO dates; an instant has only its end), the
/// dimensions key (<c>axis=member</c> pairs joined by <c>|</c>, empty for none), the unit and the exact value text.
/// </summary>
public sealed record FactObservation(
    string FilingId,
    string? Form,
    string? FilingDate,
    string? PeriodOfReport,
    string Concept,
    string? PeriodType,
    string? PeriodStart,
    string? PeriodEnd,
    string DimensionsKey,
    string? Unit,
    string? Decimals,
    bool IsNil,
    string? Value);

/// <summary>A full-text search hit: the filing, where in it (<c>letter</c>, <c>comment</c>, <c>response</c>, <c>text-block</c>), a snippet and the BM25 rank (lower is better).</summary>
public sealed record SearchHit(
    string FilingId,
    long? Cik,
    string? Company,
    string? Form,
    string? FilingDate,
    string Source,
    string? Ref,
    string Snippet,
    double Rank);

/// <summary>A stored diagnostic with its filing.</summary>
public sealed record StoredDiagnostic(
    string FilingId,
    long? Cik,
    string? Form,
    string File,
    int Seq,
    string Severity,
    string Code,
    string Message);
