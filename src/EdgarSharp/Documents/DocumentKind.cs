using System.Collections.Frozen;

namespace EdgarSharp.Documents;

/// <summary>
/// What a document is, decided from its content by <see cref="DocumentKindDetector"/>. Each kind has a stable
/// lowercase-hyphenated name (<see cref="DocumentKindNames.ToName"/>) used in JSON and TSV output; the names are
/// the contract, the integer values are not (new kinds may be added anywhere as later readers refine
/// <see cref="Html"/>, <see cref="Pdf"/> and <see cref="Text"/>).
/// </summary>
public enum DocumentKind
{
    /// <summary><c>other</c>: empty, binary or otherwise unrecognised content.</summary>
    Other,

    /// <summary><c>text</c>: readable text with no recognised signature (letters, forms extracted from PDF, ...).</summary>
    Text,

    /// <summary><c>html</c>: HTML or XHTML without inline XBRL.</summary>
    Html,

    /// <summary><c>pdf</c>: a PDF file (<c>%PDF-</c>).</summary>
    Pdf,

    /// <summary><c>zip</c>: a zip archive that is not a taxonomy package (EDGAR's <c>-xbrl.zip</c>, xlsx, ...).</summary>
    Zip,

    /// <summary><c>xml</c>: well-formed XML whose root element names none of the kinds below.</summary>
    Xml,

    /// <summary><c>json</c>: JSON that is none of EDGAR's documented shapes.</summary>
    Json,

    /// <summary><c>xbrl-schema</c>: an XML Schema (<c>xs:schema</c> root): a taxonomy schema or a schema it imports.</summary>
    XbrlSchema,

    /// <summary><c>label-linkbase</c>: a <c>link:linkbase</c> whose extended links are all <c>link:labelLink</c>.</summary>
    LabelLinkbase,

    /// <summary><c>presentation-linkbase</c>: a <c>link:linkbase</c> whose extended links are all <c>link:presentationLink</c>.</summary>
    PresentationLinkbase,

    /// <summary><c>calculation-linkbase</c>: a <c>link:linkbase</c> whose extended links are all <c>link:calculationLink</c>.</summary>
    CalculationLinkbase,

    /// <summary><c>definition-linkbase</c>: a <c>link:linkbase</c> whose extended links are all <c>link:definitionLink</c>.</summary>
    DefinitionLinkbase,

    /// <summary><c>reference-linkbase</c>: a <c>link:linkbase</c> whose extended links are all <c>link:referenceLink</c>.</summary>
    ReferenceLinkbase,

    /// <summary>
    /// <c>generic-linkbase</c>: a <c>link:linkbase</c> with generic or custom extended links, with extended links of
    /// several standard kinds, or with none.
    /// </summary>
    GenericLinkbase,

    /// <summary><c>xbrl-instance</c>: an XBRL 2.1 instance (<c>xbrli:xbrl</c> root).</summary>
    XbrlInstance,

    /// <summary><c>inline-xbrl</c>: an XHTML document carrying inline XBRL 1.0 or 1.1 facts.</summary>
    InlineXbrl,

    /// <summary><c>taxonomy-package</c>: a zip holding <c>TOP/META-INF/taxonomyPackage.xml</c> (XBRL Taxonomy Packages 1.0).</summary>
    TaxonomyPackage,

    /// <summary><c>taxonomy-package-metadata</c>: the <c>taxonomyPackage.xml</c> file of an unzipped taxonomy package.</summary>
    TaxonomyPackageMetadata,

    /// <summary><c>xml-catalog</c>: an OASIS XML catalog (<c>META-INF/catalog.xml</c> of a taxonomy package).</summary>
    XmlCatalog,

    /// <summary><c>conformance-suite</c>: an XBRL conformance suite index or test case (<c>testcases</c>, <c>testcase</c>, <c>documentation</c> roots).</summary>
    ConformanceSuite,

    /// <summary>
    /// <c>edgar-submission</c>: an EDGAR submission container or a part of one: <c>&lt;SEC-DOCUMENT&gt;</c>,
    /// <c>&lt;SEC-HEADER&gt;</c>, a PRIVACY-ENHANCED MESSAGE wrapper, a dissemination feed <c>&lt;SUBMISSION&gt;</c>,
    /// a header starting at <c>&lt;ACCEPTANCE-DATETIME&gt;</c>, or one <c>&lt;DOCUMENT&gt;</c>.
    /// </summary>
    EdgarSubmission,

    /// <summary><c>ownership-xml</c>: an ownership report of Forms 3, 4 or 5 (<c>ownershipDocument</c> root).</summary>
    OwnershipXml,

    /// <summary>
    /// <c>ownership-rendering</c>: a rendered Form 3, 4 or 5: EDGAR's HTML rendering of the XML, or text extracted
    /// from a PDF of the form (the detail says <c>html: form 4</c> or <c>text: form 4</c>).
    /// </summary>
    OwnershipRendering,

    /// <summary><c>edgar-index</c>: an EDGAR full or daily index file (form, company, master, crawler or xbrl <c>.idx</c>).</summary>
    EdgarIndex,

    /// <summary><c>edgar-json</c>: one of EDGAR's JSON documents (submissions, companyfacts, company tickers, ...; the detail says which).</summary>
    EdgarJson,

    /// <summary><c>filing-summary</c>: EDGAR's <c>FilingSummary.xml</c> of a rendered XBRL filing.</summary>
    FilingSummary,

    /// <summary><c>atom-feed</c>: an Atom feed (EDGAR's current-filings and company feeds).</summary>
    AtomFeed,

    /// <summary><c>rss-feed</c>: an RSS feed (EDGAR's monthly XBRL feeds).</summary>
    RssFeed,

    /// <summary>
    /// <c>comment-letter</c>: SEC correspondence as plain or markdown-like text: a letter with a <c>Re:</c> line and a
    /// salutation that names the SEC or its Division of Corporation Finance (read it with
    /// <c>EdgarSharp.Correspondence.LetterReader</c>). The detail says <c>to the SEC</c> or <c>from the SEC</c>.
    /// </summary>
    CommentLetter,
}

/// <summary>The stable names of <see cref="DocumentKind"/> values, as printed in JSON and TSV.</summary>
public static class DocumentKindNames
{
    private static readonly FrozenDictionary<DocumentKind, string> Names = new Dictionary<DocumentKind, string>
    {
        [DocumentKind.Other] = "other",
        [DocumentKind.Text] = "text",
        [DocumentKind.Html] = "html",
        [DocumentKind.Pdf] = "pdf",
        [DocumentKind.Zip] = "zip",
        [DocumentKind.Xml] = "xml",
        [DocumentKind.Json] = "json",
        [DocumentKind.XbrlSchema] = "xbrl-schema",
        [DocumentKind.LabelLinkbase] = "label-linkbase",
        [DocumentKind.PresentationLinkbase] = "presentation-linkbase",
        [DocumentKind.CalculationLinkbase] = "calculation-linkbase",
        [DocumentKind.DefinitionLinkbase] = "definition-linkbase",
        [DocumentKind.ReferenceLinkbase] = "reference-linkbase",
        [DocumentKind.GenericLinkbase] = "generic-linkbase",
        [DocumentKind.XbrlInstance] = "xbrl-instance",
        [DocumentKind.InlineXbrl] = "inline-xbrl",
        [DocumentKind.TaxonomyPackage] = "taxonomy-package",
        [DocumentKind.TaxonomyPackageMetadata] = "taxonomy-package-metadata",
        [DocumentKind.XmlCatalog] = "xml-catalog",
        [DocumentKind.ConformanceSuite] = "conformance-suite",
        [DocumentKind.EdgarSubmission] = "edgar-submission",
        [DocumentKind.OwnershipXml] = "ownership-xml",
        [DocumentKind.OwnershipRendering] = "ownership-rendering",
        [DocumentKind.EdgarIndex] = "edgar-index",
        [DocumentKind.EdgarJson] = "edgar-json",
        [DocumentKind.FilingSummary] = "filing-summary",
        [DocumentKind.AtomFeed] = "atom-feed",
        [DocumentKind.RssFeed] = "rss-feed",
        [DocumentKind.CommentLetter] = "comment-letter",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, DocumentKind> Kinds =
        Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Every kind, in declaration order.</summary>
    public static IReadOnlyList<DocumentKind> All { get; } = Enum.GetValues<DocumentKind>();

    /// <summary>The stable name of <paramref name="kind"/> (<c>definition-linkbase</c>); throws for a value outside the enum.</summary>
    public static string ToName(this DocumentKind kind) =>
        Names.TryGetValue(kind, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(kind), kind, "The value is not a DocumentKind.");

    /// <summary>Finds the kind whose stable name is <paramref name="name"/> (compared ordinally); false when none is.</summary>
    public static bool TryParse(string? name, out DocumentKind kind)
    {
        if (name is not null && Kinds.TryGetValue(name, out kind))
        {
            return true;
        }
        kind = DocumentKind.Other;
        return false;
    }
}
