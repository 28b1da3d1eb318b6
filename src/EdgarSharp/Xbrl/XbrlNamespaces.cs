namespace EdgarSharp.Xbrl;

/// <summary>The namespaces of the XBRL 2.1, XLink and Dimensions vocabularies, known built in.</summary>
public static class XbrlNamespaces
{
    /// <summary>XML Schema.</summary>
    public const string Xsd = "http://www.w3.org/2001/XMLSchema";
    /// <summary>XML Schema instance.</summary>
    public const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    /// <summary>The XML namespace (<c>xml:lang</c>, <c>xml:base</c>).</summary>
    public const string Xml = "http://www.w3.org/XML/1998/namespace";
    /// <summary>XLink.</summary>
    public const string XLink = "http://www.w3.org/1999/xlink";
    /// <summary>XBRL 2.1 instance (<c>xbrli</c>).</summary>
    public const string Xbrli = "http://www.xbrl.org/2003/instance";
    /// <summary>XBRL 2.1 linkbase (<c>link</c>).</summary>
    public const string Link = "http://www.xbrl.org/2003/linkbase";
    /// <summary>XBRL 2.1 XLink types (<c>xl</c>).</summary>
    public const string Xl = "http://www.xbrl.org/2003/XLink";
    /// <summary>XBRL Dimensions taxonomy (<c>xbrldt</c>).</summary>
    public const string Xbrldt = "http://xbrl.org/2005/xbrldt";
    /// <summary>XBRL Dimensions instance (<c>xbrldi</c>).</summary>
    public const string Xbrldi = "http://xbrl.org/2006/xbrldi";
    /// <summary>Generic links (<c>gen</c>).</summary>
    public const string Generic = "http://xbrl.org/2008/generic";
}

/// <summary>Standard roles of XBRL 2.1 (section 5.1.3 and its tables).</summary>
public static class XbrlRoles
{
    /// <summary>The default extended link role.</summary>
    public const string Link = "http://www.xbrl.org/2003/role/link";
    /// <summary>The standard label role.</summary>
    public const string Label = "http://www.xbrl.org/2003/role/label";
    /// <summary>The standard reference role.</summary>
    public const string Reference = "http://www.xbrl.org/2003/role/reference";
    /// <summary>The standard footnote role.</summary>
    public const string Footnote = "http://www.xbrl.org/2003/role/footnote";

    /// <summary>linkbaseRef roles, by the link element they allow.</summary>
    public static readonly IReadOnlyDictionary<string, string> LinkbaseRefRoles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["http://www.xbrl.org/2003/role/calculationLinkbaseRef"] = "calculationLink",
        ["http://www.xbrl.org/2003/role/definitionLinkbaseRef"] = "definitionLink",
        ["http://www.xbrl.org/2003/role/labelLinkbaseRef"] = "labelLink",
        ["http://www.xbrl.org/2003/role/presentationLinkbaseRef"] = "presentationLink",
        ["http://www.xbrl.org/2003/role/referenceLinkbaseRef"] = "referenceLink",
    };

    /// <summary>The standard label roles of XBRL 2.1 section 5.2.2.2.2.</summary>
    public static readonly IReadOnlySet<string> StandardLabelRoles = new HashSet<string>(StringComparer.Ordinal)
    {
        "http://www.xbrl.org/2003/role/label", "http://www.xbrl.org/2003/role/terseLabel", "http://www.xbrl.org/2003/role/verboseLabel",
        "http://www.xbrl.org/2003/role/positiveLabel", "http://www.xbrl.org/2003/role/positiveTerseLabel", "http://www.xbrl.org/2003/role/positiveVerboseLabel",
        "http://www.xbrl.org/2003/role/negativeLabel", "http://www.xbrl.org/2003/role/negativeTerseLabel", "http://www.xbrl.org/2003/role/negativeVerboseLabel",
        "http://www.xbrl.org/2003/role/zeroLabel", "http://www.xbrl.org/2003/role/zeroTerseLabel", "http://www.xbrl.org/2003/role/zeroVerboseLabel",
        "http://www.xbrl.org/2003/role/totalLabel", "http://www.xbrl.org/2003/role/periodStartLabel", "http://www.xbrl.org/2003/role/periodEndLabel",
        "http://www.xbrl.org/2003/role/documentation", "http://www.xbrl.org/2003/role/definitionGuidance", "http://www.xbrl.org/2003/role/disclosureGuidance",
        "http://www.xbrl.org/2003/role/presentationGuidance", "http://www.xbrl.org/2003/role/measurementGuidance", "http://www.xbrl.org/2003/role/commentaryGuidance",
        "http://www.xbrl.org/2003/role/exampleGuidance",
    };

    /// <summary>The standard reference roles of XBRL 2.1 section 5.2.3.2.1.</summary>
    public static readonly IReadOnlySet<string> StandardReferenceRoles = new HashSet<string>(StringComparer.Ordinal)
    {
        "http://www.xbrl.org/2003/role/reference", "http://www.xbrl.org/2003/role/definitionRef", "http://www.xbrl.org/2003/role/disclosureRef",
        "http://www.xbrl.org/2003/role/mandatoryDisclosureRef", "http://www.xbrl.org/2003/role/recommendedDisclosureRef", "http://www.xbrl.org/2003/role/unspecifiedDisclosureRef",
        "http://www.xbrl.org/2003/role/presentationRef", "http://www.xbrl.org/2003/role/measurementRef", "http://www.xbrl.org/2003/role/commentaryRef",
        "http://www.xbrl.org/2003/role/exampleRef",
    };
}

/// <summary>Standard arcroles of XBRL 2.1 and XBRL Dimensions 1.0.</summary>
public static class XbrlArcroles
{
    /// <summary>concept-label.</summary>
    public const string ConceptLabel = "http://www.xbrl.org/2003/arcrole/concept-label";
    /// <summary>concept-reference.</summary>
    public const string ConceptReference = "http://www.xbrl.org/2003/arcrole/concept-reference";
    /// <summary>fact-footnote.</summary>
    public const string FactFootnote = "http://www.xbrl.org/2003/arcrole/fact-footnote";
    /// <summary>parent-child (presentation).</summary>
    public const string ParentChild = "http://www.xbrl.org/2003/arcrole/parent-child";
    /// <summary>summation-item (calculation).</summary>
    public const string SummationItem = "http://www.xbrl.org/2003/arcrole/summation-item";
    /// <summary>summation-item of Calculations 1.1 (2023): a calculation network that only Calculations 1.1 checks.</summary>
    public const string SummationItem11 = "https://xbrl.org/2023/arcrole/summation-item";
    /// <summary>general-special (definition).</summary>
    public const string GeneralSpecial = "http://www.xbrl.org/2003/arcrole/general-special";
    /// <summary>essence-alias (definition).</summary>
    public const string EssenceAlias = "http://www.xbrl.org/2003/arcrole/essence-alias";
    /// <summary>similar-tuples (definition).</summary>
    public const string SimilarTuples = "http://www.xbrl.org/2003/arcrole/similar-tuples";
    /// <summary>requires-element (definition).</summary>
    public const string RequiresElement = "http://www.xbrl.org/2003/arcrole/requires-element";
    /// <summary>Dimensions: has-hypercube, inclusive.</summary>
    public const string All = "http://xbrl.org/int/dim/arcrole/all";
    /// <summary>Dimensions: has-hypercube, exclusive.</summary>
    public const string NotAll = "http://xbrl.org/int/dim/arcrole/notAll";
    /// <summary>Dimensions: hypercube-dimension.</summary>
    public const string HypercubeDimension = "http://xbrl.org/int/dim/arcrole/hypercube-dimension";
    /// <summary>Dimensions: dimension-domain.</summary>
    public const string DimensionDomain = "http://xbrl.org/int/dim/arcrole/dimension-domain";
    /// <summary>Dimensions: domain-member.</summary>
    public const string DomainMember = "http://xbrl.org/int/dim/arcrole/domain-member";
    /// <summary>Dimensions: dimension-default.</summary>
    public const string DimensionDefault = "http://xbrl.org/int/dim/arcrole/dimension-default";

    /// <summary>How the standard arcroles of XBRL 2.1 allow cycles (Table 10 of section 5.1.4).</summary>
    public static readonly IReadOnlyDictionary<string, CyclesAllowed> StandardCycles = new Dictionary<string, CyclesAllowed>(StringComparer.Ordinal)
    {
        [ConceptLabel] = CyclesAllowed.Any,
        [ConceptReference] = CyclesAllowed.Any,
        [FactFootnote] = CyclesAllowed.Any,
        [ParentChild] = CyclesAllowed.Undirected,
        [SummationItem] = CyclesAllowed.Any,
        [GeneralSpecial] = CyclesAllowed.Undirected,
        [EssenceAlias] = CyclesAllowed.Undirected,
        [SimilarTuples] = CyclesAllowed.Any,
        [RequiresElement] = CyclesAllowed.Any,
    };

    /// <summary>The Dimensions arcroles, declared in the xbrldt schema with their cycle rules.</summary>
    public static readonly IReadOnlyDictionary<string, CyclesAllowed> DimensionCycles = new Dictionary<string, CyclesAllowed>(StringComparer.Ordinal)
    {
        [All] = CyclesAllowed.Undirected,
        [NotAll] = CyclesAllowed.Undirected,
        [HypercubeDimension] = CyclesAllowed.None,
        [DimensionDomain] = CyclesAllowed.Undirected,
        [DomainMember] = CyclesAllowed.Undirected,
        [DimensionDefault] = CyclesAllowed.None,
    };
}

/// <summary>The cycles an arcrole allows (the <c>cyclesAllowed</c> attribute of an arcroleType).</summary>
public enum CyclesAllowed
{
    /// <summary>Any cycle.</summary>
    Any,
    /// <summary>Undirected cycles only.</summary>
    Undirected,
    /// <summary>No cycles at all.</summary>
    None,
}
