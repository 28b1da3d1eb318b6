namespace EdgarSharp.Xbrl;

/// <summary>
/// The XBRL Dimensions 1.0 model of a DTS: one <see cref="DimensionalRelationshipSet"/> per extended link role
/// that holds has-hypercube relationships, the dimension defaults of the whole DTS, and the dimensional taxonomy
/// errors found while building them (<c>xbrldte:</c> codes). Immutable once built.
/// </summary>
/// <remarks>
/// <para>
/// Built from the effective relationships of a loaded <see cref="Dts"/>: each has-hypercube relationship is followed
/// through its consecutive relationships (hypercube-dimension, dimension-domain, domain-member), each looked up in
/// the previous relationship's <c>xbrldt:targetRole</c> when it has one and in the same link role otherwise.
/// Dimension defaults hold for the whole DTS, whatever role states them. A member reached by any
/// <c>usable="false"</c> relationship of a domain is unusable in that domain, whatever another path says.
/// </para>
/// <para>
/// Concepts whose schema could not be read (a partial DTS: on EDGAR the us-gaap schema is never at hand) take
/// the role their relationships give them; the checks that need a declaration (abstract, substitution group)
/// are skipped for them, not reported. Building never throws on bad input: errors are <see cref="Diagnostics"/>.
/// It costs one pass over the relationships plus one walk of each domain; a few hundred microseconds for a
/// typical EDGAR filing.
/// </para>
/// </remarks>
public sealed partial class DimensionalModel
{
    private readonly Dictionary<string, DimensionalRelationshipSet> _byRole;

    internal DimensionalModel(IReadOnlyList<DimensionalRelationshipSet> sets, Dictionary<Concept, Concept> defaults, IReadOnlyList<Diagnostic> diagnostics)
    {
        RelationshipSets = sets;
        Defaults = defaults;
        Diagnostics = diagnostics;
        _byRole = new Dictionary<string, DimensionalRelationshipSet>(sets.Count, StringComparer.Ordinal);
        foreach (var set in sets)
        {
            _byRole[set.LinkRole] = set;
        }
    }

    /// <summary>The dimensional relationship sets: one per link role holding has-hypercube relationships, in the order the roles are first used.</summary>
    public IReadOnlyList<DimensionalRelationshipSet> RelationshipSets { get; }

    /// <summary>The default member of each dimension that has one, for the whole DTS (the first stated when a dimension has several, which is an error).</summary>
    public IReadOnlyDictionary<Concept, Concept> Defaults { get; }

    /// <summary>The dimensional taxonomy errors found while building the model, with the specification's codes.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The dimensional relationship set of <paramref name="linkRole"/>, or null when the role holds no has-hypercube relationship.</summary>
    public DimensionalRelationshipSet? FindRelationshipSet(string linkRole)
    {
        ArgumentNullException.ThrowIfNull(linkRole);
        return _byRole.GetValueOrDefault(linkRole);
    }

    /// <summary>The default member of <paramref name="dimension"/> in the DTS, or null when it has none.</summary>
    public Concept? DefaultOf(Concept dimension)
    {
        ArgumentNullException.ThrowIfNull(dimension);
        return Defaults.GetValueOrDefault(dimension);
    }

    /// <summary>
    /// Builds the dimensional model of <paramref name="dts"/> from its effective relationships. The returned
    /// <see cref="Diagnostics"/> hold the errors of the relationships themselves; the checks of declarations and
    /// of <c>xbrldt:targetRole</c> values run when the DTS is loaded and are in <see cref="Dts.Diagnostics"/>.
    /// </summary>
    public static DimensionalModel Build(Dts dts)
    {
        ArgumentNullException.ThrowIfNull(dts);
        if (dts.DimensionalModel is { } built)
        {
            // The Dimensions checks of the load built this very model (same relationships, same typed domains).
            return built;
        }
        var diagnostics = new DiagnosticBag();
        var resolver = new Internal.TypedDomainIndex(dts.Concepts);
        var model = new Internal.DrsBuilder(dts.Relationships, resolver.Resolve, diagnostics).Build();
        model.Attach(dts, resolver);
        return model;
    }
}

/// <summary>
/// A dimensional relationship set: the has-hypercube relationships of one extended link role, each with its
/// hypercube, dimensions, domains and members and with the primary items that inherit it. The relationships
/// reached through <c>xbrldt:targetRole</c> belong to the set of the role the has-hypercube relationship is in.
/// </summary>
public sealed class DimensionalRelationshipSet
{
    private ItemIndex? _items;

    internal DimensionalRelationshipSet(string linkRole, IReadOnlyList<HasHypercube> hasHypercubes)
    {
        LinkRole = linkRole;
        HasHypercubes = hasHypercubes;
    }

    /// <summary>The extended link role of the has-hypercube relationships.</summary>
    public string LinkRole { get; }

    /// <summary>The has-hypercube relationships of the role, in document order.</summary>
    public IReadOnlyList<HasHypercube> HasHypercubes { get; }

    /// <summary>Every primary item of the set: the sources of has-hypercube relationships and the items that inherit their hypercubes (breadth first below each source).</summary>
    public IReadOnlyList<Concept> PrimaryItems => Items.PrimaryItems;

    /// <summary>The has-hypercube relationships that apply to <paramref name="primaryItem"/> in this set, its own and inherited; empty when none do.</summary>
    public IReadOnlyList<HasHypercube> HypercubesOf(Concept primaryItem)
    {
        ArgumentNullException.ThrowIfNull(primaryItem);
        return Items.ByPrimaryItem.TryGetValue(primaryItem, out var list) ? list : [];
    }

    /// <summary>The primary items and the hypercubes of each, built on first use (the checks of a load do not need them); safe from any thread.</summary>
    private ItemIndex Items
    {
        get
        {
            if (Volatile.Read(ref _items) is { } built)
            {
                return built;
            }
            // Two threads may both build it; they build the same thing and one copy is kept.
            Interlocked.CompareExchange(ref _items, new ItemIndex(HasHypercubes), null);
            return _items;
        }
    }

    private sealed class ItemIndex
    {
        public ItemIndex(IReadOnlyList<HasHypercube> hasHypercubes)
        {
            foreach (var hasHypercube in hasHypercubes)
            {
                foreach (var item in hasHypercube.Items)
                {
                    if (!ByPrimaryItem.TryGetValue(item, out var list))
                    {
                        ByPrimaryItem[item] = list = [];
                        PrimaryItems.Add(item);
                    }
                    list.Add(hasHypercube);
                }
            }
        }

        public Dictionary<Concept, List<HasHypercube>> ByPrimaryItem { get; } = new();

        public List<Concept> PrimaryItems { get; } = [];
    }
}

/// <summary>Where a hypercube's dimensions go in a context (<c>xbrldt:contextElement</c>).</summary>
public enum HypercubeContextElement
{
    /// <summary>The segment of the context's entity.</summary>
    Segment,
    /// <summary>The scenario of the context.</summary>
    Scenario,
}

/// <summary>
/// One has-hypercube relationship (<c>all</c> or <c>notAll</c>) of a dimensional relationship set: the primary
/// item, the hypercube, the arc's attributes, the hypercube's dimensions as the consecutive relationships give
/// them, and the primary items that inherit the hypercube along domain-member relationships.
/// </summary>
public sealed class HasHypercube
{
    internal HasHypercube(Relationship relationship, Concept primaryItem, Concept hypercube, IReadOnlyList<HypercubeDimension> dimensions,
        IReadOnlyList<DomainMemberNode> inheritingItems, IReadOnlyList<Concept> items)
    {
        Items = items;
        Relationship = relationship;
        PrimaryItem = primaryItem;
        Hypercube = hypercube;
        Dimensions = dimensions;
        InheritingItems = inheritingItems;
        ContextElement = relationship.Arc.ContextElement switch
        {
            "segment" => HypercubeContextElement.Segment,
            "scenario" => HypercubeContextElement.Scenario,
            _ => null,
        };
    }

    /// <summary>The has-hypercube relationship.</summary>
    public Relationship Relationship { get; }

    /// <summary>The primary item the relationship starts from (in EDGAR taxonomies, the <c>LineItems</c> concept).</summary>
    public Concept PrimaryItem { get; }

    /// <summary>The hypercube (in EDGAR taxonomies, the <c>Table</c> concept).</summary>
    public Concept Hypercube { get; }

    /// <summary>True for an <c>all</c> relationship (inclusive), false for <c>notAll</c> (exclusive).</summary>
    public bool IsAll => string.Equals(Relationship.Arcrole, XbrlArcroles.All, StringComparison.Ordinal);

    /// <summary>The <c>xbrldt:closed</c> attribute (default false).</summary>
    public bool IsClosed => Relationship.Arc.Closed == true;

    /// <summary>The <c>xbrldt:contextElement</c> attribute, or null when it is missing or invalid (an error).</summary>
    public HypercubeContextElement? ContextElement { get; }

    /// <summary>The <c>xbrldt:targetRole</c> attribute, or null: the role the hypercube-dimension relationships were looked up in when present.</summary>
    public string? TargetRole => Relationship.Arc.TargetRole;

    /// <summary>The hypercube's dimensions, by <c>order</c>.</summary>
    public IReadOnlyList<HypercubeDimension> Dimensions { get; }

    /// <summary>The domain-member children of <see cref="PrimaryItem"/> in the relationship's role, with theirs: the items that inherit the hypercube.</summary>
    public IReadOnlyList<DomainMemberNode> InheritingItems { get; }

    /// <summary>The primary item and every item that inherits the hypercube, breadth first, each once.</summary>
    internal IReadOnlyList<Concept> Items { get; }
}

/// <summary>
/// A dimension of a hypercube as one hypercube-dimension relationship reaches it: explicit with its domains and
/// members, or typed with the element its <c>xbrldt:typedDomainRef</c> points to.
/// </summary>
public sealed class HypercubeDimension
{
    private readonly HashSet<Concept> _members;
    private readonly HashSet<Concept> _unusable;

    internal HypercubeDimension(Relationship relationship, Concept dimension, bool isTyped, Concept? typedDomain, string domainRole,
        IReadOnlyList<DomainMemberNode> domains, HashSet<Concept> members, HashSet<Concept> unusable, Concept? dtsDefault)
    {
        Relationship = relationship;
        Dimension = dimension;
        IsTyped = isTyped;
        TypedDomain = typedDomain;
        DomainRole = domainRole;
        Domains = domains;
        _members = members;
        _unusable = unusable;
        DtsDefault = dtsDefault;
        Default = dtsDefault is not null && members.Contains(dtsDefault) && !unusable.Contains(dtsDefault) ? dtsDefault : null;
    }

    /// <summary>The hypercube-dimension relationship.</summary>
    public Relationship Relationship { get; }

    /// <summary>The dimension (in EDGAR taxonomies, the <c>Axis</c> concept).</summary>
    public Concept Dimension { get; }

    /// <summary>True when the dimension is typed (its declaration has <c>xbrldt:typedDomainRef</c>); false for explicit dimensions and for dimensions whose schema was not read.</summary>
    public bool IsTyped { get; }

    /// <summary>For a typed dimension, the element declaration its <c>xbrldt:typedDomainRef</c> points to, when that could be resolved.</summary>
    public Concept? TypedDomain { get; }

    /// <summary>The link role the dimension-domain relationships were looked up in (the hypercube-dimension relationship's target role, else its own role).</summary>
    public string DomainRole { get; }

    /// <summary>The targets of the dimension-domain relationships (in EDGAR taxonomies, the <c>Domain</c> concept), each with its members.</summary>
    public IReadOnlyList<DomainMemberNode> Domains { get; }

    /// <summary>Every member of the dimension's domains, usable or not.</summary>
    public IReadOnlyCollection<Concept> Members => _members;

    /// <summary>The DTS-wide default of the dimension, whether or not it is a usable member here; null when the dimension has none.</summary>
    public Concept? DtsDefault { get; }

    /// <summary>The default member, when the dimension has one and it is a usable member of this domain; null otherwise (then a fact must state the dimension to fit the hypercube).</summary>
    public Concept? Default { get; }

    /// <summary>True when <paramref name="member"/> is a member of the domain here and no relationship reaching it says <c>usable="false"</c>.</summary>
    public bool IsUsable(Concept member) => _members.Contains(member) && !_unusable.Contains(member);

    /// <summary>True when <paramref name="member"/> is a member of the domain here, usable or not.</summary>
    public bool IsMember(Concept member) => _members.Contains(member);
}

/// <summary>
/// A node of a domain-member tree: a domain member of a dimension, or a primary item that inherits a hypercube,
/// with the relationship that reaches it at this place and its children by <c>order</c>. A concept appears once
/// per path that reaches it; a path that would come back to a concept already on it stops there.
/// </summary>
public sealed class DomainMemberNode
{
    internal DomainMemberNode(Concept concept, Relationship relationship, bool isUsable, bool isDefault, IReadOnlyList<DomainMemberNode> children)
    {
        Concept = concept;
        Relationship = relationship;
        IsUsable = isUsable;
        IsDefault = isDefault;
        Children = children;
    }

    /// <summary>The member or primary item.</summary>
    public Concept Concept { get; }

    /// <summary>The dimension-domain or domain-member relationship that reaches the node here.</summary>
    public Relationship Relationship { get; }

    /// <summary>For a domain member: false when any relationship reaching the concept in this domain says <c>usable="false"</c>. Always true for primary items.</summary>
    public bool IsUsable { get; }

    /// <summary>True when the concept is the dimension's default member.</summary>
    public bool IsDefault { get; }

    /// <summary>The children, by <c>order</c>.</summary>
    public IReadOnlyList<DomainMemberNode> Children { get; }

    /// <inheritdoc/>
    public override string ToString() => Concept.PrefixedName;
}
