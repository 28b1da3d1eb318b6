namespace EdgarSharp.Documents;

/// <summary>
/// What <see cref="DocumentKindDetector"/> found: the kind, a short human-readable detail (the XML root element as
/// written, the EDGAR signature, the JSON shape, the index flavour, ...), for XML the root element's namespace and
/// local name, and any diagnostics about the content (never an exception).
/// </summary>
/// <param name="Kind">The kind of the document.</param>
/// <param name="Detail">
/// A short description of what decided the kind: <c>link:linkbase: link:definitionLink</c>, <c>SEC-DOCUMENT: 4</c>,
/// <c>companyfacts</c>, <c>form-index</c>, <c>PDF-1.5</c>, <c>utf-8</c>. Meant for people and for refining the kind;
/// its wording is not a contract.
/// </param>
/// <param name="RootNamespace">For XML, the namespace URI of the root element (empty for none); null when the document is not read as XML.</param>
/// <param name="RootLocalName">For XML, the local name of the root element; null when the document is not read as XML.</param>
/// <param name="Diagnostics">Problems found in the part of the document read (malformed XML or JSON, an unreadable zip, ...).</param>
public sealed record DocumentKindResult(
    DocumentKind Kind,
    string Detail,
    string? RootNamespace,
    string? RootLocalName,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The stable name of <see cref="Kind"/> (<c>definition-linkbase</c>).</summary>
    public string KindName => Kind.ToName();

    /// <summary>True when the kind is one of the five standard linkbases or a generic/mixed linkbase.</summary>
    public bool IsLinkbase => Kind is DocumentKind.LabelLinkbase or DocumentKind.PresentationLinkbase
        or DocumentKind.CalculationLinkbase or DocumentKind.DefinitionLinkbase or DocumentKind.ReferenceLinkbase
        or DocumentKind.GenericLinkbase;
}

/// <summary>The stable diagnostic codes that <see cref="DocumentKindDetector"/> reports.</summary>
public static class DetectionCodes
{
    /// <summary>Warning: the document has no bytes at all.</summary>
    public const string Empty = "edgar:detect-empty";

    /// <summary>Error (nothing readable before the root element) or warning (broken after it): the XML is not well-formed.</summary>
    public const string MalformedXml = "edgar:detect-malformed-xml";

    /// <summary>Error: the document starts like JSON but is not JSON.</summary>
    public const string MalformedJson = "edgar:detect-malformed-json";

    /// <summary>Error: the document starts like a zip archive but its directory cannot be read.</summary>
    public const string BadZip = "edgar:detect-bad-zip";

    /// <summary>Warning: inline XBRL elements use the <c>ix</c> prefix without declaring its namespace.</summary>
    public const string UndeclaredInlineXbrlPrefix = "edgar:detect-undeclared-ix-prefix";

    /// <summary>Warning (XBRL Taxonomy Packages 1.0): the package's <c>META-INF</c> is not inside a single top-level directory.</summary>
    public const string InvalidPackageDirectoryStructure = "tpe:invalidDirectoryStructure";
}
