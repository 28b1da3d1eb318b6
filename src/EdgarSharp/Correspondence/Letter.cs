namespace EdgarSharp.Correspondence;

/// <summary>What a piece of SEC correspondence is, decided from its text (never from the form type it was filed under).</summary>
public enum LetterKind
{
    /// <summary><c>other</c>: correspondence that is none of the kinds below.</summary>
    Other,

    /// <summary><c>staff-comment-letter</c>: a letter from the SEC staff with numbered comments on a filing.</summary>
    StaffCommentLetter,

    /// <summary><c>company-response</c>: a company's (or its counsel's) answer to a staff letter.</summary>
    CompanyResponse,

    /// <summary><c>review-complete</c>: the staff's letter saying it has completed its review.</summary>
    ReviewComplete,

    /// <summary><c>no-review</c>: the staff's letter saying it did not or will not review a filing.</summary>
    NoReview,

    /// <summary><c>acceleration-request</c>: a company's request that a registration statement be declared effective.</summary>
    AccelerationRequest,

    /// <summary><c>staff-action</c>: an order or notice the Commission issues (<c>BEFORE THE SECURITIES AND EXCHANGE COMMISSION</c>).</summary>
    StaffAction,
}

/// <summary>Who wrote a letter: the SEC (staff or Commission) or the company (itself or its counsel).</summary>
public enum LetterSide
{
    /// <summary>Not decided from the text.</summary>
    Unknown,

    /// <summary>The SEC: its staff or the Commission.</summary>
    Staff,

    /// <summary>The company under review or its counsel.</summary>
    Company,
}

/// <summary>Stable lowercase-hyphenated names of <see cref="LetterKind"/> and <see cref="LetterSide"/>, used in JSON.</summary>
public static class LetterNames
{
    /// <summary>The name of a kind (<c>staff-comment-letter</c>, <c>company-response</c>, ...).</summary>
    public static string ToName(this LetterKind kind) => kind switch
    {
        LetterKind.StaffCommentLetter => "staff-comment-letter",
        LetterKind.CompanyResponse => "company-response",
        LetterKind.ReviewComplete => "review-complete",
        LetterKind.NoReview => "no-review",
        LetterKind.AccelerationRequest => "acceleration-request",
        LetterKind.StaffAction => "staff-action",
        _ => "other",
    };

    /// <summary>The name of a side (<c>staff</c>, <c>company</c>, <c>unknown</c>).</summary>
    public static string ToName(this LetterSide side) => side switch
    {
        LetterSide.Staff => "staff",
        LetterSide.Company => "company",
        _ => "unknown",
    };
}

/// <summary>A person or office named in a letter: the sender, the addressee or a signatory; any part may be null.</summary>
/// <param name="Name">The person's name (<c>Patrick Gilmore</c>), or null when only an office is named.</param>
/// <param name="Title">The title (<c>Accounting Branch Chief</c>).</param>
/// <param name="Office">The office, firm or company (<c>Division of Corporation Finance</c>, <c>Orrick, Herrington &amp; Sutcliffe LLP</c>).</param>
public sealed record LetterParty(string? Name, string? Title, string? Office);

/// <summary>A filing a letter is about, from its <c>Re:</c> block.</summary>
/// <param name="Form">The form as written (<c>10-K</c>, <c>10-Q</c>, <c>Registration Statement on Form S-4</c> gives <c>S-4</c>).</param>
/// <param name="FiscalPeriod">The period as written (<c>Fiscal Year Ended December 31, 2011</c>), or null.</param>
/// <param name="FilingDate">The filing date, or null.</param>
/// <param name="FileNumber">The SEC file number (<c>000-30141</c>), or null.</param>
/// <param name="Text">The line of the Re: block that names the filing.</param>
public sealed record FilingUnderReview(string Form, string? FiscalPeriod, DateOnly? FilingDate, string? FileNumber, string Text);

/// <summary>A rule, standard, item or form cited in a letter, with a normalised id.</summary>
/// <param name="Text">The citation as written (<c>Item 303(a)(3)(ii) of Regulation S-K</c>).</param>
/// <param name="Id">
/// The normalised id: the same for every spelling of one provision (<c>S-K 303(a)(3)(ii)</c>, <c>S-X 5-02</c>,
/// <c>ASC 450-20-50</c>, <c>SAB 99</c>, <c>SFAS 5</c>, <c>IFRS 15</c>, <c>Exchange Act Rule 13a-15</c>,
/// <c>Securities Act Rule 430B</c>, <c>Form 8-K</c>); renumbered and codified standards are kept as written.
/// </param>
/// <param name="Family">The family: <c>S-K</c>, <c>S-X</c>, <c>ASC</c>, <c>SAB</c>, <c>FAS</c>, <c>IFRS</c>, <c>IAS</c>, <c>Exchange Act</c>, <c>Securities Act</c>, <c>Release</c>, <c>Form</c>, <c>Regulation</c>.</param>
/// <param name="Comment">The number of the comment (or response) it was found in, or null when outside any.</param>
public sealed record Citation(string Text, string Id, string Family, int? Comment);

/// <summary>A sentence in which the company promises a change.</summary>
/// <param name="Text">The sentence.</param>
/// <param name="Trigger">The phrase that makes it a promise (<c>will include</c>, <c>intends to</c>, ...).</param>
/// <param name="Filing">The filing it is promised in, as written (<c>Form 10-K</c>, <c>future filings</c>), or null.</param>
/// <param name="Period">The period it is promised for, as written (<c>year ended December 31, 2012</c>), or null.</param>
/// <param name="Comment">The number of the comment whose response holds it, or null.</param>
public sealed record Commitment(string Text, string Trigger, string? Filing, string? Period, int? Comment);

/// <summary>A place where text was omitted for confidential treatment.</summary>
/// <param name="Marker">The marker as written (<c>[****]</c>, <c>[***]</c>, <c>[Redacted]</c>).</param>
/// <param name="Context">Up to 60 characters either side.</param>
/// <param name="Comment">The number of the comment whose text or response holds it, or null.</param>
/// <param name="InResponse">True when it is in the response rather than the quoted comment.</param>
/// <param name="Page">The page of the letter, or null when unknown.</param>
public sealed record Redaction(string Marker, string Context, int? Comment, bool InResponse, int? Page);

/// <summary>A document appended to a letter and part of it (an acknowledgement, a schedule).</summary>
/// <param name="Title">The annex's title line (<c>Annex I</c>).</param>
/// <param name="Date">Its own date, or null.</param>
/// <param name="Signatories">Who signs it.</param>
/// <param name="Text">Its text, furniture removed.</param>
public sealed record LetterAnnex(string Title, DateOnly? Date, IReadOnlyList<LetterParty> Signatories, string Text);

/// <summary>
/// One numbered comment. In a staff letter <see cref="Text"/> is the comment; in a company response it is the
/// comment as the company quotes it and <see cref="Response"/> is the company's answer.
/// </summary>
/// <param name="Number">The comment's number, 1 to n.</param>
/// <param name="Headings">The section headings it sits under, outermost first; empty when the letter has none.</param>
/// <param name="HeadingInherited">True when the comment has no heading of its own and carries the previous comment's.</param>
/// <param name="Page">The page of the filing it points to (<c>, page 34</c> in its heading or text), or null.</param>
/// <param name="Text">The comment's text, paragraphs joined by newlines, sub-bullets kept as lines starting with <c>- </c>.</param>
/// <param name="Response">The response (company responses only), or null.</param>
/// <param name="PriorComments">Prior comments it refers to (<c>prior comment 4</c>).</param>
/// <param name="ProposedDisclosure">Passages the company proposes to add, as quoted in the response.</param>
public sealed record LetterComment(
    int Number,
    IReadOnlyList<string> Headings,
    bool HeadingInherited,
    int? Page,
    string Text,
    string? Response,
    IReadOnlyList<int> PriorComments,
    IReadOnlyList<string> ProposedDisclosure)
{
    /// <summary>The headings joined by <c> / </c>, or null when there are none.</summary>
    public string? Heading => Headings.Count == 0 ? null : string.Join(" / ", Headings);
}

/// <summary>
/// A letter of SEC correspondence read by <see cref="LetterReader"/>: its kind, parties, the filings it is about,
/// its numbered comments (with responses), citations, commitments, redactions and annexes. Values the text does not
/// give are null or empty; problems are in <see cref="Diagnostics"/>.
/// </summary>
public sealed record Letter
{
    /// <summary>The path or name of the source document.</summary>
    public required string Document { get; init; }

    /// <summary>What the source was read as: <c>text</c>, <c>html</c>, <c>pdf</c> or <c>submission</c>.</summary>
    public required string SourceFormat { get; init; }

    /// <summary>The kind.</summary>
    public LetterKind Kind { get; init; }

    /// <summary>Who wrote it.</summary>
    public LetterSide Side { get; init; }

    /// <summary>The letter's date, or null.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The sender (the signatory for a staff letter; the signer and firm for a response).</summary>
    public LetterParty? Sender { get; init; }

    /// <summary>The addressee from the address block.</summary>
    public LetterParty? Addressee { get; init; }

    /// <summary>The company under review, from the Re: block.</summary>
    public string? Company { get; init; }

    /// <summary>The filings under review, from the Re: block.</summary>
    public IReadOnlyList<FilingUnderReview> Filings { get; init; } = [];

    /// <summary>The first file number of the Re: block, or null.</summary>
    public string? FileNumber => Filings.Select(f => f.FileNumber).FirstOrDefault(n => n is not null);

    /// <summary>For a response: the date of the staff letter it answers.</summary>
    public DateOnly? Answers { get; init; }

    /// <summary>The people who sign it.</summary>
    public IReadOnlyList<LetterParty> Signatories { get; init; } = [];

    /// <summary>The numbered comments, 1 to n.</summary>
    public IReadOnlyList<LetterComment> Comments { get; init; } = [];

    /// <summary>Every citation, in order of appearance, one per distinct id per comment.</summary>
    public IReadOnlyList<Citation> Citations { get; init; } = [];

    /// <summary>The company's promises (responses only).</summary>
    public IReadOnlyList<Commitment> Commitments { get; init; } = [];

    /// <summary>Omitted text markers, outside legends.</summary>
    public IReadOnlyList<Redaction> Redactions { get; init; } = [];

    /// <summary>Requests for confidential treatment (the legends), each once.</summary>
    public IReadOnlyList<string> ConfidentialTreatmentRequests { get; init; } = [];

    /// <summary>The annexes, part of this letter.</summary>
    public IReadOnlyList<LetterAnnex> Annexes { get; init; } = [];

    /// <summary>The body text (from the salutation to the signature), furniture removed.</summary>
    public string Body { get; init; } = string.Empty;

    /// <summary>The number of pages of the source when known (PDF, or page markers in text), else 0.</summary>
    public int Pages { get; init; }

    /// <summary>Problems met while reading.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];
}
