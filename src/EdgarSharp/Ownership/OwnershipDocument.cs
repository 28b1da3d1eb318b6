namespace EdgarSharp.Ownership;

/// <summary>Where an ownership form was read from.</summary>
public enum OwnershipSourceFormat
{
    /// <summary>EDGAR's ownershipDocument XML, standalone or the <c>&lt;XML&gt;</c> block of a submission.</summary>
    Xml,

    /// <summary>EDGAR's HTML rendering of the XML (the <c>xslF345X0n</c> style sheets).</summary>
    Html,

    /// <summary>A PDF rendering of the form, read with PdfPig.</summary>
    Pdf,

    /// <summary>Text extracted from a PDF rendering (columns scrambled, numbers split).</summary>
    Text,
}

/// <summary>
/// What is known about the form beside its content: the document it came from, its format, and, when the caller
/// knows them, the accession number and the filing date (the late-filing check runs only with a filing date).
/// </summary>
/// <param name="Document">The path or name of the document read.</param>
/// <param name="Format">The format it was read from.</param>
/// <param name="AccessionNumber">The accession number (<c>0001610717-23-000035</c>), when known.</param>
/// <param name="FilingDate">The date EDGAR accepted the filing, when known.</param>
public sealed record OwnershipSource(string Document, OwnershipSourceFormat Format, string? AccessionNumber = null, DateOnly? FilingDate = null);

/// <summary>The issuer: the company whose securities are reported.</summary>
/// <param name="Cik">The issuer's CIK as written (leading zeros kept); null when absent.</param>
/// <param name="Name">The issuer's name.</param>
/// <param name="TradingSymbol">The ticker or trading symbol (<c>LPSN</c>); empty when written empty, null when absent.</param>
public sealed record Issuer(string? Cik, string? Name, string? TradingSymbol);

/// <summary>A reporting owner's mailing address as filed; each part null when absent, empty when written empty.</summary>
/// <param name="Street1">First street line.</param>
/// <param name="Street2">Second street line.</param>
/// <param name="City">City.</param>
/// <param name="State">Two-letter state code.</param>
/// <param name="ZipCode">ZIP code.</param>
/// <param name="StateDescription">State or country description for addresses outside the United States.</param>
/// <param name="GoodAddress">EDGAR's <c>rptOwnerGoodAddress</c> flag, when written.</param>
public sealed record OwnerAddress(
    string? Street1, string? Street2, string? City, string? State, string? ZipCode, string? StateDescription, bool? GoodAddress = null);

/// <summary>
/// How a reporting owner relates to the issuer (box 4 or 5 of the form): any of director, officer (with a title),
/// ten-percent owner and other (with a description). Flags are null when not written.
/// </summary>
/// <param name="IsDirector">Director.</param>
/// <param name="IsOfficer">Officer; <paramref name="OfficerTitle"/> says which.</param>
/// <param name="IsTenPercentOwner">Owner of more than ten percent of a class.</param>
/// <param name="IsOther">Other; <paramref name="OtherText"/> says what.</param>
/// <param name="OfficerTitle">The officer's title.</param>
/// <param name="OtherText">The description of an other relationship.</param>
public sealed record OwnerRelationship(
    bool? IsDirector, bool? IsOfficer, bool? IsTenPercentOwner, bool? IsOther, string? OfficerTitle, string? OtherText)
{
    /// <summary>The relationship as a person says it: <c>director, officer (President and CFO)</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string>(4);
        if (IsDirector == true)
        {
            parts.Add("director");
        }
        if (IsOfficer == true)
        {
            parts.Add(string.IsNullOrEmpty(OfficerTitle) ? "officer" : $"officer ({OfficerTitle})");
        }
        if (IsTenPercentOwner == true)
        {
            parts.Add("10% owner");
        }
        if (IsOther == true)
        {
            parts.Add(string.IsNullOrEmpty(OtherText) ? "other" : $"other ({OtherText})");
        }
        return parts.Count == 0 ? "none stated" : string.Join(", ", parts);
    }
}

/// <summary>A reporting owner: the person or entity filing; a form may have several (joint filings).</summary>
/// <param name="Cik">The owner's CIK as written (leading zeros kept).</param>
/// <param name="Ccc">The owner's CIK confirmation code, when written (rare; optional in the schemas).</param>
/// <param name="Name">The owner's name as filed (<c>BIXBY TIMOTHY E</c>).</param>
/// <param name="Address">The mailing address; null when the form has none.</param>
/// <param name="Relationship">The relationship to the issuer; null when the form has none.</param>
public sealed record ReportingOwner(string? Cik, string? Ccc, string? Name, OwnerAddress? Address, OwnerRelationship? Relationship);

/// <summary>
/// Column 3 (Table I) or 4 (Table II): the transaction coding. Footnotes on the coding are in
/// <see cref="FootnoteIds"/>; the SEC's meaning of the code is <see cref="Description"/>.
/// </summary>
/// <param name="FormType">The form the transaction is reported on (<c>4</c>, <c>5</c>); null when absent.</param>
/// <param name="Code">The transaction code (<c>M</c>, <c>S</c>, ...); null when absent.</param>
/// <param name="EquitySwapInvolved">True when an equity swap was involved; null when not written.</param>
/// <param name="FootnoteIds">Footnotes on the coding.</param>
public sealed record TransactionCoding(string? FormType, string? Code, bool? EquitySwapInvolved, IReadOnlyList<string> FootnoteIds)
{
    /// <summary>The SEC's meaning of <see cref="Code"/>; null for an unknown or absent code.</summary>
    public string? Description => OwnershipCodes.DescribeTransaction(Code);

    /// <inheritdoc/>
    public bool Equals(TransactionCoding? other) =>
        other is not null && FormType == other.FormType && Code == other.Code && EquitySwapInvolved == other.EquitySwapInvolved
        && FootnoteIds.SequenceEqual(other.FootnoteIds, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(FormType, Code, EquitySwapInvolved);
}

/// <summary>Which table of the form a row is in.</summary>
public enum OwnershipTable
{
    /// <summary>Table I: non-derivative securities.</summary>
    NonDerivative,

    /// <summary>Table II: derivative securities (options, warrants, convertible securities, ...).</summary>
    Derivative,
}

/// <summary>
/// One row of Table I or Table II: a transaction, or a holding (no transaction columns). Every field keeps its
/// footnotes. Fields that only Table II has (<see cref="ConversionOrExercisePrice"/>, exercise and expiration
/// dates, the underlying security) are <see cref="Footnoted{T}.Absent"/> in Table I; transaction fields are absent
/// on holdings. <see cref="Location"/> is where the row was read (not part of what the form says).
/// </summary>
public sealed record OwnershipRow
{
    /// <summary>The table the row is in.</summary>
    public OwnershipTable Table { get; init; }

    /// <summary>True for a holding (<c>...Holding</c>), false for a transaction.</summary>
    public bool IsHolding { get; init; }

    /// <summary>Column 1: the title of the security.</summary>
    public FootnotedText SecurityTitle { get; init; } = FootnotedText.Absent;

    /// <summary>Table II column 2: the conversion or exercise price of the derivative security.</summary>
    public Footnoted<decimal> ConversionOrExercisePrice { get; init; } = Footnoted<decimal>.Absent;

    /// <summary>The transaction date.</summary>
    public Footnoted<DateOnly> TransactionDate { get; init; } = Footnoted<DateOnly>.Absent;

    /// <summary>The deemed execution date, if any.</summary>
    public Footnoted<DateOnly> DeemedExecutionDate { get; init; } = Footnoted<DateOnly>.Absent;

    /// <summary>The transaction coding; null when absent.</summary>
    public TransactionCoding? Coding { get; init; }

    /// <summary>Transaction timeliness: early (the V column) or late.</summary>
    public Footnoted<Timeliness> Timeliness { get; init; } = Footnoted<Timeliness>.Absent;

    /// <summary>The number of securities acquired or disposed of.</summary>
    public Footnoted<decimal> Shares { get; init; } = Footnoted<decimal>.Absent;

    /// <summary>Table II: the total value, for securities not counted in shares (instead of <see cref="Shares"/>).</summary>
    public Footnoted<decimal> TotalValue { get; init; } = Footnoted<decimal>.Absent;

    /// <summary>The price per share (Table I column 4, Table II column 8); may be a footnote alone.</summary>
    public Footnoted<decimal> PricePerShare { get; init; } = Footnoted<decimal>.Absent;

    /// <summary>Acquired (A) or disposed of (D).</summary>
    public Footnoted<AcquiredDisposed> AcquiredDisposed { get; init; } = Footnoted<AcquiredDisposed>.Absent;

    /// <summary>Table II: the date the derivative security becomes exercisable.</summary>
    public Footnoted<DateOnly> ExerciseDate { get; init; } = Footnoted<DateOnly>.Absent;

    /// <summary>Table II: the expiration date.</summary>
    public Footnoted<DateOnly> ExpirationDate { get; init; } = Footnoted<DateOnly>.Absent;

    /// <summary>Table II: the title of the underlying security.</summary>
    public FootnotedText UnderlyingSecurityTitle { get; init; } = FootnotedText.Absent;

    /// <summary>Table II: the amount of underlying securities.</summary>
    public Footnoted<decimal> UnderlyingSecurityShares { get; init; } = Footnoted<decimal>.Absent;

    /// <summary>Table II: the value of the underlying securities (instead of shares).</summary>
    public Footnoted<decimal> UnderlyingSecurityValue { get; init; } = Footnoted<decimal>.Absent;

    /// <summary>The amount owned following the reported transactions (or held, for a holding).</summary>
    public Footnoted<decimal> SharesOwnedFollowing { get; init; } = Footnoted<decimal>.Absent;

    /// <summary>The value owned following the transactions, for securities not counted in shares.</summary>
    public Footnoted<decimal> ValueOwnedFollowing { get; init; } = Footnoted<decimal>.Absent;

    /// <summary>Direct (D) or indirect (I) ownership.</summary>
    public Footnoted<OwnershipForm> DirectOrIndirect { get; init; } = Footnoted<OwnershipForm>.Absent;

    /// <summary>The nature of indirect beneficial ownership (<c>By Trust</c>).</summary>
    public FootnotedText NatureOfOwnership { get; init; } = FootnotedText.Absent;

    /// <summary>Where the row was read, when known; not part of what the form says.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>The SEC's meaning of the transaction code; null for holdings and unknown codes.</summary>
    public string? TransactionDescription => Coding?.Description;

    /// <summary>Every footnote id on the row, in field order, each once.</summary>
    public IReadOnlyList<string> AllFootnoteIds()
    {
        var ids = new List<string>();
        void Add(IReadOnlyList<string> more)
        {
            foreach (var id in more)
            {
                if (!ids.Contains(id, StringComparer.Ordinal))
                {
                    ids.Add(id);
                }
            }
        }
        Add(SecurityTitle.FootnoteIds);
        Add(ConversionOrExercisePrice.FootnoteIds);
        Add(TransactionDate.FootnoteIds);
        Add(DeemedExecutionDate.FootnoteIds);
        Add(Coding?.FootnoteIds ?? []);
        Add(Timeliness.FootnoteIds);
        Add(Shares.FootnoteIds);
        Add(TotalValue.FootnoteIds);
        Add(PricePerShare.FootnoteIds);
        Add(AcquiredDisposed.FootnoteIds);
        Add(ExerciseDate.FootnoteIds);
        Add(ExpirationDate.FootnoteIds);
        Add(UnderlyingSecurityTitle.FootnoteIds);
        Add(UnderlyingSecurityShares.FootnoteIds);
        Add(UnderlyingSecurityValue.FootnoteIds);
        Add(SharesOwnedFollowing.FootnoteIds);
        Add(ValueOwnedFollowing.FootnoteIds);
        Add(DirectOrIndirect.FootnoteIds);
        Add(NatureOfOwnership.FootnoteIds);
        return ids;
    }
}

/// <summary>A footnote of the Explanation of Responses.</summary>
/// <param name="Id">Its id as written (<c>F1</c>); rendered forms number them (1), (2), ..., read as <c>F1</c>, <c>F2</c>.</param>
/// <param name="Text">Its text as written.</param>
public sealed record Footnote(string Id, string Text);

/// <summary>A signature: the signer's name (often <c>/s/ ..., Attorney-in-Fact</c>) and date.</summary>
/// <param name="Name">The signature as written.</param>
/// <param name="Date">The signature date; null when absent or unreadable.</param>
/// <param name="DateText">The date as written, when it did not parse or was written empty.</param>
public sealed record OwnerSignature(string? Name, DateOnly? Date, string? DateText = null);

/// <summary>
/// An insider ownership report: Form 3 (initial statement), Form 4 (changes) or Form 5 (annual statement), or an
/// amendment of one. An amendment is its own document: <see cref="DateOfOriginalSubmission"/> links it to the
/// original, whose document is never replaced or changed. Shares and prices are decimals with every digit kept;
/// dates are <see cref="DateOnly"/>. Booleans are null when the form does not state them, and lists that the source
/// may leave out entirely (the tables, the footnotes) are null when left out, empty when written empty. Rendered
/// forms fill what the rendering shows and name what they inferred (<see cref="Inferred"/>) and what a rendering
/// cannot show (<see cref="NotShown"/>).
/// </summary>
public sealed record OwnershipDocument
{
    /// <summary>The ownership XML schema version (<c>X0508</c>); null for rendered forms and when absent.</summary>
    public string? SchemaVersion { get; init; }

    /// <summary>The document type as filed: <c>3</c>, <c>3/A</c>, <c>4</c>, <c>4/A</c>, <c>5</c>, <c>5/A</c>.</summary>
    public string? DocumentType { get; init; }

    /// <summary>The period of report (the date of the earliest transaction, of the event, or the fiscal year end).</summary>
    public DateOnly? PeriodOfReport { get; init; }

    /// <summary>For an amendment, the date the original was filed; it links the amendment to the original.</summary>
    public DateOnly? DateOfOriginalSubmission { get; init; }

    /// <summary>Form 3: no securities are beneficially owned.</summary>
    public bool? NoSecuritiesOwned { get; init; }

    /// <summary>The owner is no longer subject to Section 16.</summary>
    public bool? NotSubjectToSection16 { get; init; }

    /// <summary>Form 5: holdings that should have been reported on Form 3 are reported.</summary>
    public bool? Form3HoldingsReported { get; init; }

    /// <summary>Form 5: transactions that should have been reported on Form 4 are reported.</summary>
    public bool? Form4TransactionsReported { get; init; }

    /// <summary>
    /// The Rule 10b5-1(c) box (schema X0508 on): a transaction was made under a plan meant to satisfy the
    /// affirmative defense. Earlier forms state 10b5-1 plans only in footnotes.
    /// </summary>
    public bool? Aff10b5One { get; init; }

    /// <summary>The issuer.</summary>
    public Issuer Issuer { get; init; } = new(null, null, null);

    /// <summary>The reporting owners, in document order.</summary>
    public IReadOnlyList<ReportingOwner> ReportingOwners { get; init; } = [];

    /// <summary>Table I in document order; null when the source has no Table I element.</summary>
    public IReadOnlyList<OwnershipRow>? NonDerivativeTable { get; init; }

    /// <summary>Table II in document order; null when the source has no Table II element.</summary>
    public IReadOnlyList<OwnershipRow>? DerivativeTable { get; init; }

    /// <summary>The footnotes; null when the source has no footnotes element.</summary>
    public IReadOnlyList<Footnote>? Footnotes { get; init; }

    /// <summary>The remarks; null when absent, empty when written empty.</summary>
    public string? Remarks { get; init; }

    /// <summary>The signatures, in document order.</summary>
    public IReadOnlyList<OwnerSignature> Signatures { get; init; } = [];

    /// <summary>Where the form was read from.</summary>
    public OwnershipSource Source { get; init; } = new("(unknown)", OwnershipSourceFormat.Xml);

    /// <summary>Fields a rendered-form reader inferred rather than read (<c>reportingOwner.isOfficer</c>), with why.</summary>
    public IReadOnlyList<string> Inferred { get; init; } = [];

    /// <summary>Fields the source's format cannot show (for a rendering: the schema version, the issuer's CIK, ...).</summary>
    public IReadOnlyList<string> NotShown { get; init; } = [];

    /// <summary>The form without its amendment suffix: <c>3</c>, <c>4</c> or <c>5</c>; null when unknown.</summary>
    public string? FormType => DocumentType is null ? null : DocumentType.EndsWith("/A", StringComparison.Ordinal) ? DocumentType[..^2] : DocumentType;

    /// <summary>True for an amendment (<c>4/A</c>).</summary>
    public bool IsAmendment => DocumentType?.EndsWith("/A", StringComparison.Ordinal) == true;

    /// <summary>Table I and then Table II, each in document order.</summary>
    public IEnumerable<OwnershipRow> Rows => (NonDerivativeTable ?? []).Concat(DerivativeTable ?? []);

    /// <summary>The footnote with <paramref name="id"/>, or null.</summary>
    public Footnote? FindFootnote(string id)
    {
        if (Footnotes is not { } notes)
        {
            return null;
        }
        for (var i = 0; i < notes.Count; i++)
        {
            if (string.Equals(notes[i].Id, id, StringComparison.Ordinal))
            {
                return notes[i];
            }
        }
        return null;
    }

    /// <summary>
    /// True when this document is an amendment of <paramref name="original"/>: it is an amendment of the same form,
    /// the same issuer and an owner in common, and its date of original submission is on or after the original's
    /// period of report. Neither document is changed.
    /// </summary>
    public bool Amends(OwnershipDocument original)
    {
        ArgumentNullException.ThrowIfNull(original);
        if (!IsAmendment || original.IsAmendment || !string.Equals(FormType, original.FormType, StringComparison.Ordinal))
        {
            return false;
        }
        if (!string.Equals(Issuer.Cik?.TrimStart('0'), original.Issuer.Cik?.TrimStart('0'), StringComparison.Ordinal))
        {
            return false;
        }
        var owners = original.ReportingOwners.Select(o => o.Cik?.TrimStart('0')).ToHashSet(StringComparer.Ordinal);
        if (!ReportingOwners.Any(o => owners.Contains(o.Cik?.TrimStart('0'))))
        {
            return false;
        }
        return DateOfOriginalSubmission is null || original.PeriodOfReport is null || DateOfOriginalSubmission >= original.PeriodOfReport;
    }
}

/// <summary>A form read by one of the readers, with the problems found while reading and checking it.</summary>
/// <param name="Document">The form: complete, or as much as could be read.</param>
/// <param name="Diagnostics">Problems found, reading first, then the checks, in order.</param>
public sealed record OwnershipReadResult(OwnershipDocument Document, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
