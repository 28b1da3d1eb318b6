namespace EdgarSharp.Edgar;

/// <summary>
/// The header of an EDGAR submission, from either syntax: the tab-indented <c>KEY: value</c> blocks of a
/// <c>&lt;SEC-HEADER&gt;</c> or the hyphenated tags of a dissemination-feed <c>&lt;SUBMISSION&gt;</c> (and the mixtures
/// 1990s headers use). Dates are <see cref="DateOnly"/>; the acceptance time is US Eastern (the file carries no zone)
/// and is kept as a <see cref="DateTimeOffset"/> whose clock is the file's and whose offset is America/New_York's at
/// that moment (see <see cref="UsEastern"/>). Every field as written is also in <see cref="Fields"/>, so nothing the
/// typed properties leave out (series and classes, ABS data, ...) is lost. Missing fields are null.
/// </summary>
/// <param name="AccessionNumber">The accession number (<c>0000921895-25-001190</c>).</param>
/// <param name="FormType">The conformed submission type (<c>4</c>, <c>10-K</c>, <c>SC 13D/A</c>).</param>
/// <param name="PublicDocumentCount">The declared public document count.</param>
/// <param name="Period">The conformed period of report.</param>
/// <param name="FilingDate">The filing date (<c>FILED AS OF DATE</c>).</param>
/// <param name="DateOfChange">The date as of change (<c>DATE-OF-FILING-DATE-CHANGE</c>).</param>
/// <param name="EffectivenessDate">The effectiveness date, when given.</param>
/// <param name="AcceptedAt">The acceptance date-time, US Eastern wall clock with its UTC offset.</param>
/// <param name="Items">The items (<c>ITEM INFORMATION</c> descriptions or <c>&lt;ITEMS&gt;</c> codes), as written.</param>
/// <param name="GroupMembers">The group members.</param>
/// <param name="Parties">Filers, subject companies, filed-by, reporting owners, issuers and the other roles, in file order.</param>
/// <param name="IsPrivateToPublic">True when the header carries <c>&lt;PRIVATE-TO-PUBLIC&gt;</c> (a document made public later, such as SEC staff letters).</param>
/// <param name="Fields">Every header field as a tree, in file order.</param>
public sealed record SubmissionHeader(
    string? AccessionNumber,
    string? FormType,
    int? PublicDocumentCount,
    DateOnly? Period,
    DateOnly? FilingDate,
    DateOnly? DateOfChange,
    DateOnly? EffectivenessDate,
    DateTimeOffset? AcceptedAt,
    IReadOnlyList<string> Items,
    IReadOnlyList<string> GroupMembers,
    IReadOnlyList<HeaderParty> Parties,
    bool IsPrivateToPublic,
    IReadOnlyList<HeaderField> Fields)
{
    /// <summary>A header with no fields (files that start at <c>&lt;DOCUMENT&gt;</c>).</summary>
    public static SubmissionHeader Empty { get; } = new(null, null, null, null, null, null, null, null, [], [], [], false, []);

    /// <summary>The parties with role <see cref="PartyRole.Filer"/>.</summary>
    public IReadOnlyList<HeaderParty> Filers => Parties.Where(p => p.Role == PartyRole.Filer).ToList();

    /// <summary>The parties with role <see cref="PartyRole.ReportingOwner"/>.</summary>
    public IReadOnlyList<HeaderParty> ReportingOwners => Parties.Where(p => p.Role == PartyRole.ReportingOwner).ToList();

    /// <summary>The parties with role <see cref="PartyRole.FiledBy"/>.</summary>
    public IReadOnlyList<HeaderParty> FiledBy => Parties.Where(p => p.Role == PartyRole.FiledBy).ToList();

    /// <summary>
    /// The company the filing is about: the <c>SUBJECT COMPANY</c>, else the <c>ISSUER</c> (Forms 3, 4, 5), else the
    /// company the filing is <c>FILED FOR</c> (SEC staff letters); null when none is named.
    /// </summary>
    public HeaderParty? SubjectCompany =>
        Parties.FirstOrDefault(p => p.Role == PartyRole.SubjectCompany)
        ?? Parties.FirstOrDefault(p => p.Role == PartyRole.Issuer)
        ?? Parties.FirstOrDefault(p => p.Role == PartyRole.FiledFor);

    /// <summary>The first top-level field whose canonical key is <paramref name="key"/> (<c>ACCESSION-NUMBER</c>), or null.</summary>
    public HeaderField? Find(string key) => Fields.FirstOrDefault(f => string.Equals(f.Key, key, StringComparison.Ordinal));
}

/// <summary>What a party block of a header is.</summary>
public enum PartyRole
{
    /// <summary><c>FILER</c>.</summary>
    Filer,

    /// <summary><c>SUBJECT COMPANY</c> / <c>SUBJECT-COMPANY</c>.</summary>
    SubjectCompany,

    /// <summary><c>FILED BY</c> / <c>FILED-BY</c>.</summary>
    FiledBy,

    /// <summary><c>REPORTING-OWNER</c>.</summary>
    ReportingOwner,

    /// <summary><c>ISSUER</c>.</summary>
    Issuer,

    /// <summary><c>FILED FOR</c> (SEC staff letters).</summary>
    FiledFor,

    /// <summary><c>SERIAL COMPANY</c>.</summary>
    SerialCompany,

    /// <summary><c>DEPOSITOR</c>, <c>SECURITIZER</c>, <c>REGISTERED-ENTITY</c> and other ABS roles.</summary>
    Other,
}

/// <summary>
/// A party block of a header: its role, company (or owner) data, filing values, addresses and former names.
/// </summary>
/// <param name="Role">The role.</param>
/// <param name="RoleName">The block's name as written (<c>FILER</c>, <c>REPORTING-OWNER</c>, <c>DEPOSITOR</c>).</param>
/// <param name="Company">The <c>COMPANY DATA</c> or <c>OWNER DATA</c> block.</param>
/// <param name="FilingValues">The <c>FILING VALUES</c> block, or null.</param>
/// <param name="BusinessAddress">The business address, or null.</param>
/// <param name="MailAddress">The mail address, or null.</param>
/// <param name="FormerNames">The former names, in file order.</param>
/// <param name="Relationship">The <c>&lt;RELATIONSHIP&gt;</c> of a 1990s reporting owner (<c>DIRECTOR</c>), or null.</param>
public sealed record HeaderParty(
    PartyRole Role,
    string RoleName,
    CompanyData Company,
    FilingValues? FilingValues,
    Address? BusinessAddress,
    Address? MailAddress,
    IReadOnlyList<FormerName> FormerNames,
    string? Relationship);

/// <summary>The <c>COMPANY DATA</c> (or <c>OWNER DATA</c>) of a party.</summary>
/// <param name="Name">The conformed name.</param>
/// <param name="Cik">The central index key as written (ten digits, leading zeros kept).</param>
/// <param name="SicCode">The standard industrial classification code, or null.</param>
/// <param name="SicDescription">The classification's description (<c>ELECTRONIC COMPUTERS</c>), or null (dissemination-feed headers give the code alone).</param>
/// <param name="OrganizationName">The SEC office reviewing the filer (<c>06 Technology</c>), or null.</param>
/// <param name="IrsNumber">The IRS employer identification number (<c>IRS NUMBER</c> or <c>EIN</c>), or null.</param>
/// <param name="StateOfIncorporation">The state of incorporation, or null.</param>
/// <param name="FiscalYearEnd">The fiscal year end as <c>MMDD</c>, or null.</param>
public sealed record CompanyData(
    string? Name,
    string? Cik,
    int? SicCode,
    string? SicDescription,
    string? OrganizationName,
    string? IrsNumber,
    string? StateOfIncorporation,
    string? FiscalYearEnd)
{
    /// <summary>No data.</summary>
    public static CompanyData Empty { get; } = new(null, null, null, null, null, null, null, null);
}

/// <summary>The <c>FILING VALUES</c> of a party.</summary>
/// <param name="FormType">The form type.</param>
/// <param name="Act">The act as written (<c>1934 Act</c> in headers, <c>34</c> in feed files), or null.</param>
/// <param name="FileNumber">The SEC file number, or null.</param>
/// <param name="FilmNumber">The film number, or null.</param>
public sealed record FilingValues(string? FormType, string? Act, string? FileNumber, string? FilmNumber);

/// <summary>A business or mail address.</summary>
/// <param name="Street1">First street line.</param>
/// <param name="Street2">Second street line.</param>
/// <param name="City">City.</param>
/// <param name="State">State or country code.</param>
/// <param name="Zip">Postal code.</param>
/// <param name="Phone">Phone number (business addresses).</param>
public sealed record Address(string? Street1, string? Street2, string? City, string? State, string? Zip, string? Phone);

/// <summary>A former name of a party and the date it changed.</summary>
/// <param name="Name">The former conformed name.</param>
/// <param name="DateChanged">The date of the change, or null when missing or malformed.</param>
public sealed record FormerName(string Name, DateOnly? DateChanged);

/// <summary>
/// One header field as written: a leaf (<c>CITY: NEW YORK</c>, <c>&lt;CITY&gt;NEW YORK</c>) or a block with children
/// (<c>FILER:</c>, <c>&lt;FILER&gt;...&lt;/FILER&gt;</c>).
/// </summary>
/// <param name="Name">The name as written (<c>COMPANY CONFORMED NAME</c>, <c>CONFORMED-NAME</c>).</param>
/// <param name="Key">
/// The canonical key, the same for both syntaxes: the dissemination-feed tag name (<c>CONFORMED-NAME</c>,
/// <c>CIK</c>, <c>FILING-DATE</c>, <c>STREET1</c>); other names upper-cased with spaces as hyphens.
/// </param>
/// <param name="Value">The value, trimmed; empty for blocks.</param>
/// <param name="Children">The fields of a block, in file order.</param>
/// <param name="Line">The one-based line in the header (or file).</param>
public sealed record HeaderField(string Name, string Key, string Value, IReadOnlyList<HeaderField> Children, long Line)
{
    /// <summary>The first child whose key is <paramref name="key"/>, or null.</summary>
    public HeaderField? Child(string key) => Children.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.Ordinal));

    /// <summary>The value of the first child whose key is <paramref name="key"/>, null when absent or empty.</summary>
    public string? ChildValue(string key) => Child(key)?.Value is { Length: > 0 } v ? v : null;
}
