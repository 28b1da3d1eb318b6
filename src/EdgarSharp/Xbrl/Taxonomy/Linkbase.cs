namespace EdgarSharp.Xbrl;

/// <summary>What a DTS document is.</summary>
public enum TaxonomyDocumentType
{
    /// <summary>An XML Schema.</summary>
    Schema,
    /// <summary>A linkbase (standalone, or embedded in a schema's appinfo).</summary>
    Linkbase,
    /// <summary>An XBRL instance (the DTS starts from its schemaRef and linkbaseRef).</summary>
    Instance,
    /// <summary>Anything else a href reached.</summary>
    Other,
}

/// <summary>A document of the DTS: its URL, where its bytes came from, and whether it could be read.</summary>
public sealed class TaxonomyDocument
{
    internal TaxonomyDocument(string url, TaxonomyDocumentType type)
    {
        Url = url;
        Type = type;
    }

    /// <summary>The document's absolute URL (a <c>file:</c> URL for local files).</summary>
    public string Url { get; }

    /// <summary>What the document is.</summary>
    public TaxonomyDocumentType Type { get; internal set; }

    /// <summary>The local file or package entry the bytes came from, or null when the document is missing.</summary>
    public string? Location { get; internal set; }

    /// <summary>The schema's target namespace, or null.</summary>
    public string? TargetNamespace { get; internal set; }

    /// <summary>True when the document could not be found through the catalog (a partial DTS).</summary>
    public bool IsMissing { get; internal set; }

    /// <summary>True when the document was added from a filing folder without discovery reaching it.</summary>
    public bool AddedFromFolder { get; internal set; }

    /// <inheritdoc/>
    public override string ToString() => Url;
}

/// <summary>
/// Anything a relationship joins: a <see cref="Concept"/>, a <see cref="Resource"/>, or another element a
/// locator points to (a roleType, an element of a custom vocabulary).
/// </summary>
public abstract class XbrlElement
{
    private static int s_nextHash;

    /// <summary>
    /// A hash fixed when the element is made. Equality stays identity; this only spares the runtime's identity hash,
    /// which is slow the first time an object is hashed (every element of a load is new).
    /// </summary>
    private readonly int _hash = Interlocked.Increment(ref s_nextHash);

    /// <inheritdoc/>
    public sealed override int GetHashCode() => _hash;

    /// <inheritdoc/>
    public sealed override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <summary>The URL of the document holding the element.</summary>
    public abstract string ElementDocumentUrl { get; }

    /// <summary>The element's name (for a concept, its own QName).</summary>
    public abstract QName ElementName { get; }
}

/// <summary>An element that a locator points to that is neither a concept nor a resource.</summary>
public sealed class OtherElement : XbrlElement
{
    internal OtherElement(string documentUrl, QName name, string? id, SourceLocation? location)
    {
        ElementDocumentUrl = documentUrl;
        ElementName = name;
        Id = id;
        Location = location;
    }

    /// <inheritdoc/>
    public override string ElementDocumentUrl { get; }

    /// <inheritdoc/>
    public override QName ElementName { get; }

    /// <summary>The element's id, or null.</summary>
    public string? Id { get; }

    /// <summary>Where the element is.</summary>
    public SourceLocation? Location { get; }

    /// <inheritdoc/>
    public override string ToString() => Id is null ? ElementName.ToString() : ElementName + "#" + Id;
}

/// <summary>An extended link (<c>link:definitionLink</c>, <c>link:labelLink</c>, generic links, ...).</summary>
public sealed class ExtendedLink
{
    internal ExtendedLink(QName elementName, string role, string documentUrl, SourceLocation location, TaxonomyDocument? document = null)
    {
        Document = document;
        ElementName = elementName;
        Role = role;
        DocumentUrl = documentUrl;
        Location = location;
    }

    /// <summary>The link element's name.</summary>
    public QName ElementName { get; }

    /// <summary>The extended link role (<c>xlink:role</c>).</summary>
    public string Role { get; }

    /// <summary>The document the link was read from (null for links made outside a load).</summary>
    internal TaxonomyDocument? Document { get; }

    /// <summary>The linkbase the link is in.</summary>
    public string DocumentUrl { get; }

    /// <summary>Where the link starts.</summary>
    public SourceLocation Location { get; }

    /// <summary>The locators, in document order.</summary>
    public List<Locator> Locators { get; } = [];

    /// <summary>The resources, in document order.</summary>
    public List<Resource> Resources { get; } = [];

    /// <summary>The arcs, in document order.</summary>
    public List<Arc> Arcs { get; } = [];
}

/// <summary>A locator: a label standing for the element its <c>xlink:href</c> points to.</summary>
public sealed class Locator
{
    internal Locator(string label, string href, string url, string fragment, SourceLocation location)
    {
        Label = label;
        Href = href;
        Url = url;
        Fragment = fragment;
        Location = location;
    }

    /// <summary>The <c>xlink:label</c>.</summary>
    public string Label { get; }

    /// <summary>The locator element's name (<c>link:loc</c>, or a custom vocabulary's).</summary>
    public QName ElementName { get; internal init; }

    /// <summary>The <c>xlink:href</c> as written.</summary>
    public string Href { get; }

    /// <summary>The absolute URL of the target document (after <c>xml:base</c>).</summary>
    public string Url { get; }

    /// <summary>The fragment: a shorthand pointer (an id) or <c>element(...)</c> scheme pointers.</summary>
    public string Fragment { get; }

    /// <summary>Where the locator is.</summary>
    public SourceLocation Location { get; }

    /// <summary>The element pointed to, once resolved; null when it could not be.</summary>
    public XbrlElement? Target { get; internal set; }
}

/// <summary>A resource (a label, a reference, a footnote, a generic resource).</summary>
public sealed class Resource : XbrlElement
{
    internal Resource(QName elementName, string label, string documentUrl, SourceLocation location)
    {
        ElementName = elementName;
        Label = label;
        DocumentUrl = documentUrl;
        Location = location;
    }

    /// <inheritdoc/>
    public override QName ElementName { get; }

    /// <inheritdoc/>
    public override string ElementDocumentUrl => DocumentUrl;

    /// <summary>The <c>xlink:label</c>.</summary>
    public string Label { get; }

    /// <summary>The document holding it.</summary>
    public string DocumentUrl { get; }

    /// <summary>The <c>xlink:role</c>, or null.</summary>
    public string? Role { get; internal init; }

    /// <summary>The <c>xml:lang</c> in scope, or null.</summary>
    public string? Language { get; internal init; }

    /// <summary>The element's <c>id</c>, or null.</summary>
    public string? Id { get; internal init; }

    /// <summary>The text content (for references, the parts as <c>name: value</c> lines).</summary>
    public string Text { get; internal set; } = "";

    /// <summary>Where the resource is.</summary>
    public SourceLocation Location { get; }

    /// <inheritdoc/>
    public override string ToString() => Label;
}

/// <summary>An arc as written: its labels, arcrole and attributes.</summary>
public sealed class Arc
{
    internal Arc(QName elementName, string from, string to, string arcrole, SourceLocation location)
    {
        ElementName = elementName;
        From = from;
        To = to;
        Arcrole = arcrole;
        Location = location;
    }

    /// <summary>The arc element's name.</summary>
    public QName ElementName { get; }

    /// <summary>The <c>xlink:from</c> label.</summary>
    public string From { get; }

    /// <summary>The <c>xlink:to</c> label.</summary>
    public string To { get; }

    /// <summary>The <c>xlink:arcrole</c>.</summary>
    public string Arcrole { get; }

    /// <summary>Where the arc is.</summary>
    public SourceLocation Location { get; }

    /// <summary>The <c>order</c> attribute (default 1).</summary>
    public decimal Order { get; internal init; } = 1m;

    /// <summary>The <c>priority</c> attribute (default 0).</summary>
    public int Priority { get; internal init; }

    /// <summary>True when <c>use="prohibited"</c>.</summary>
    public bool IsProhibited { get; internal init; }

    /// <summary>The <c>weight</c> attribute of a calculation arc, or null.</summary>
    public decimal? Weight
    {
        get => _extras?.Weight;
        internal init
        {
            if (value is not null)
            {
                Extras.Weight = value;
            }
        }
    }

    /// <summary>The <c>preferredLabel</c> attribute, or null.</summary>
    public string? PreferredLabel { get; internal init; }

    /// <summary>The <c>xbrldt:closed</c> attribute, or null when absent.</summary>
    public bool? Closed { get; internal init; }

    /// <summary>The <c>xbrldt:contextElement</c> attribute, or null.</summary>
    public string? ContextElement { get; internal init; }

    /// <summary>The <c>xbrldt:usable</c> attribute, or null when absent.</summary>
    public bool? Usable { get; internal init; }

    /// <summary>The <c>xbrldt:targetRole</c> attribute, or null.</summary>
    public string? TargetRole { get; internal init; }

    /// <summary>Every attribute other than XLink's, <c>use</c> and <c>priority</c>, as written (name to lexical value).</summary>
    public IReadOnlyDictionary<QName, string> OtherAttributes
    {
        get => _extras?.OtherAttributes ?? EmptyAttributes;
        internal init
        {
            if (value.Count > 0)
            {
                Extras.OtherAttributes = value;
            }
        }
    }

    /// <summary>The <c>order</c> as written when it is not a decimal (compared as text for equivalence), else null.</summary>
    internal string? InvalidOrderText
    {
        get => _extras?.InvalidOrderText;
        init
        {
            if (value is not null)
            {
                Extras.InvalidOrderText = value;
            }
        }
    }

    /// <summary>The <c>weight</c> as written when it is not a decimal, else null.</summary>
    internal string? InvalidWeightText
    {
        get => _extras?.InvalidWeightText;
        init
        {
            if (value is not null)
            {
                Extras.InvalidWeightText = value;
            }
        }
    }

    /// <summary>The custom attributes whose value reads as a prefixed name in scope, resolved (compared so when declared xs:QName), or null.</summary>
    internal IReadOnlyDictionary<QName, QName>? OtherAttributeQNames
    {
        get => _extras?.OtherAttributeQNames;
        init
        {
            if (value is not null)
            {
                Extras.OtherAttributeQNames = value;
            }
        }
    }

    /// <summary>The canonical form of the non-exempt attributes, compared to decide equivalence (section 3.5.3.9.7.4); built by the loader on first use.</summary>
    internal string? EquivalenceKey { get => _extras?.EquivalenceKey; set => Extras.EquivalenceKey = value; }

    /// <summary>
    /// What few arcs have (a weight, custom attributes, invalid text kept for equivalence), apart: a linkbase's
    /// definition and presentation arcs are a quarter smaller without these fields. Made by the loader while it reads
    /// the arc (and, for arcs with custom attributes, when it first compares them); read-only after.
    /// </summary>
    private ArcExtras? _extras;

    private ArcExtras Extras => _extras ??= new ArcExtras();

    private sealed class ArcExtras
    {
        public decimal? Weight;
        public IReadOnlyDictionary<QName, string>? OtherAttributes;
        public string? InvalidOrderText;
        public string? InvalidWeightText;
        public IReadOnlyDictionary<QName, QName>? OtherAttributeQNames;
        public string? EquivalenceKey;
    }

    /// <summary>The extended link holding the arc.</summary>
    public ExtendedLink Link { get; internal init; } = null!;

    internal static readonly IReadOnlyDictionary<QName, string> EmptyAttributes = new Dictionary<QName, string>();
}
