namespace EdgarSharp.Xbrl;

/// <summary>The period type of an XBRL item (<c>xbrli:periodType</c>).</summary>
public enum PeriodType
{
    /// <summary>A point in time.</summary>
    Instant,
    /// <summary>A span of time.</summary>
    Duration,
}

/// <summary>The balance of a monetary item (<c>xbrli:balance</c>).</summary>
public enum Balance
{
    /// <summary>Debit.</summary>
    Debit,
    /// <summary>Credit.</summary>
    Credit,
}

/// <summary>
/// A global element declaration in a taxonomy schema: an item, a tuple, a hypercube, a dimension or any other
/// element a linkbase may point to. When the schema itself could not be read (a partial DTS) the concept is
/// <see cref="IsDeclared"/> false and carries only what the URL and the <c>prefix_LocalName</c> id rule give.
/// </summary>
public sealed class Concept : XbrlElement
{
    internal Concept(QName name, string prefix, string documentUrl, string? id)
    {
        Name = name;
        Prefix = prefix;
        DocumentUrl = documentUrl;
        Id = id;
    }

    /// <inheritdoc/>
    public override string ElementDocumentUrl => DocumentUrl;

    /// <inheritdoc/>
    public override QName ElementName => Name;

    /// <summary>The element's qualified name. For a concept of a missing extension schema the namespace is <c>urn:edgarsharp:unknown-namespace:</c> plus the schema URL.</summary>
    public QName Name { get; }

    /// <summary>The display prefix: from EDGAR's table, else the schema's own, else the id's.</summary>
    public string Prefix { get; internal set; }

    /// <summary>The URL of the schema that declares it.</summary>
    public string DocumentUrl { get; }

    /// <summary>The element's <c>id</c>, when it has one.</summary>
    public string? Id { get; }

    /// <summary>False when the declaring schema was not available and the concept is known only by its locators.</summary>
    public bool IsDeclared { get; internal init; } = true;

    /// <summary>True when the namespace could not be determined (a missing extension schema).</summary>
    public bool IsNamespaceKnown { get; internal init; } = true;

    /// <summary>The declared substitution group, or null.</summary>
    public QName? SubstitutionGroup { get => _declaration?.SubstitutionGroup; internal init => Declared.SubstitutionGroup = value; }

    /// <summary>The head of the substitution-group chain among the XBRL heads (item, tuple, hypercubeItem, dimensionItem), once resolved.</summary>
    public QName? BaseSubstitutionGroup
    {
        get => _declaration?.BaseSubstitutionGroup;
        internal set
        {
            // A concept known only by its locators has none: no declaration is made to hold a null.
            if (value is not null || _declaration is not null)
            {
                Declared.BaseSubstitutionGroup = value;
            }
        }
    }

    /// <summary>The declared type, or null.</summary>
    public QName? Type { get => _declaration?.Type; internal init => Declared.Type = value; }

    /// <summary>The period type, or null when absent or unknown.</summary>
    public PeriodType? PeriodType { get => _declaration?.PeriodType; internal init => Declared.PeriodType = value; }

    /// <summary>The balance, or null.</summary>
    public Balance? Balance { get => _declaration?.Balance; internal init => Declared.Balance = value; }

    /// <summary>The <c>abstract</c> attribute (default false).</summary>
    public bool IsAbstract { get => _declaration?.IsAbstract ?? false; internal init => Declared.IsAbstract = value; }

    /// <summary>The <c>nillable</c> attribute (default false).</summary>
    public bool IsNillable { get => _declaration?.IsNillable ?? false; internal init => Declared.IsNillable = value; }

    /// <summary>The <c>xbrldt:typedDomainRef</c> of a typed dimension, as written (an href), or null.</summary>
    public string? TypedDomainRef { get => _declaration?.TypedDomainRef; internal init => Declared.TypedDomainRef = value; }

    /// <summary>Where the declaration is.</summary>
    public SourceLocation? Location { get => _declaration?.Location; internal init => Declared.Location = value; }

    /// <summary>
    /// What the declaration says, apart: a partial DTS names hundreds of concepts of schemas it lacks (us-gaap's,
    /// through locators), which have none, and they are a third of the size without these fields. Made while the
    /// concept is built, by the loader alone; read-only after.
    /// </summary>
    private ConceptDeclaration? _declaration;

    private ConceptDeclaration Declared => _declaration ??= new ConceptDeclaration();

    private sealed class ConceptDeclaration
    {
        public QName? SubstitutionGroup;
        public QName? BaseSubstitutionGroup;
        public QName? Type;
        public PeriodType? PeriodType;
        public Balance? Balance;
        public bool IsAbstract;
        public bool IsNillable;
        public string? TypedDomainRef;
        public SourceLocation? Location;
    }

    /// <summary>True when the element is in the <c>xbrli:item</c> substitution group (also through other elements).</summary>
    public bool IsItem => BaseSubstitutionGroup is { } g && (g == XbrlNames.Item || g == XbrlNames.HypercubeItem || g == XbrlNames.DimensionItem);

    /// <summary>True when the element is in the <c>xbrli:tuple</c> substitution group.</summary>
    public bool IsTuple => BaseSubstitutionGroup == XbrlNames.Tuple;

    /// <summary>True when the element is a hypercube (<c>xbrldt:hypercubeItem</c>).</summary>
    public bool IsHypercube => BaseSubstitutionGroup == XbrlNames.HypercubeItem;

    /// <summary>True when the element is a dimension (<c>xbrldt:dimensionItem</c>).</summary>
    public bool IsDimension => BaseSubstitutionGroup == XbrlNames.DimensionItem;

    /// <summary>The name as <c>prefix:LocalName</c>.</summary>
    public string PrefixedName => Prefix.Length == 0 ? Name.LocalName : Prefix + ":" + Name.LocalName;

    /// <inheritdoc/>
    public override string ToString() => PrefixedName;
}

/// <summary>Well-known qualified names of the XBRL vocabularies.</summary>
public static class XbrlNames
{
    /// <summary><c>xbrli:item</c>.</summary>
    public static readonly QName Item = new(XbrlNamespaces.Xbrli, "item");
    /// <summary><c>xbrli:tuple</c>.</summary>
    public static readonly QName Tuple = new(XbrlNamespaces.Xbrli, "tuple");
    /// <summary><c>xbrldt:hypercubeItem</c>.</summary>
    public static readonly QName HypercubeItem = new(XbrlNamespaces.Xbrldt, "hypercubeItem");
    /// <summary><c>xbrldt:dimensionItem</c>.</summary>
    public static readonly QName DimensionItem = new(XbrlNamespaces.Xbrldt, "dimensionItem");
    /// <summary><c>link:part</c> (reference parts).</summary>
    public static readonly QName Part = new(XbrlNamespaces.Link, "part");
}
