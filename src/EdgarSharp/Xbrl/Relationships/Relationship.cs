namespace EdgarSharp.Xbrl;

/// <summary>
/// One relationship: what an arc says between one element its <c>from</c> label stands for and one its
/// <c>to</c> label stands for. Only the effective ones (after prohibition and override, XBRL 2.1 section
/// 3.5.3.9.7) are in <see cref="Dts.Relationships"/>.
/// </summary>
public sealed class Relationship
{
    private static int s_nextHash;

    /// <summary>A hash fixed when the relationship is made (equality stays identity; see <see cref="XbrlElement.GetHashCode"/>).</summary>
    private readonly int _hash = Interlocked.Increment(ref s_nextHash);

    /// <inheritdoc/>
    public override int GetHashCode() => _hash;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    internal Relationship(Arc arc, XbrlElement from, XbrlElement to)
    {
        Arc = arc;
        From = from;
        To = to;
    }

    /// <summary>True when the target was reached through a locator rather than a resource in the same link.</summary>
    internal bool ToViaLocator { get; init; }

    /// <summary>The arc that states it.</summary>
    public Arc Arc { get; }

    /// <summary>The source element.</summary>
    public XbrlElement From { get; }

    /// <summary>The target element.</summary>
    public XbrlElement To { get; }

    /// <summary>The arcrole.</summary>
    public string Arcrole => Arc.Arcrole;

    /// <summary>The extended link role of the link holding the arc.</summary>
    public string LinkRole => Arc.Link.Role;

    /// <summary>The extended link element's name.</summary>
    public QName LinkElement => Arc.Link.ElementName;

    /// <summary>The arc element's name.</summary>
    public QName ArcElement => Arc.ElementName;

    /// <summary>The order (default 1).</summary>
    public decimal Order => Arc.Order;

    /// <summary>The priority (default 0).</summary>
    public int Priority => Arc.Priority;

    /// <summary>The source as a concept, or null when it is a resource or another element.</summary>
    public Concept? FromConcept => From as Concept;

    /// <summary>The target as a concept, or null.</summary>
    public Concept? ToConcept => To as Concept;

    /// <inheritdoc/>
    public override string ToString() => $"{From} -[{Arcrole}]-> {To}";
}

/// <summary>The key of a base set: arcrole, extended link role, link element and arc element (XBRL 2.1 section 3.5.3.9.7.3).</summary>
/// <param name="Arcrole">The arcrole.</param>
/// <param name="LinkRole">The extended link role.</param>
/// <param name="LinkElement">The extended link element's name.</param>
/// <param name="ArcElement">The arc element's name.</param>
public readonly record struct BaseSetKey(string Arcrole, string LinkRole, QName LinkElement, QName ArcElement);

/// <summary>
/// A view over the effective relationships with one arcrole, optionally within one link role: lookups from a
/// source and to a target, in <c>order</c>. Built once, cheap to query.
/// </summary>
public sealed class RelationshipSet
{
    private static readonly IReadOnlyList<Relationship> None = [];
    private readonly Dictionary<XbrlElement, List<Relationship>> _from = new();
    private readonly Dictionary<XbrlElement, List<Relationship>> _to = new();

    internal RelationshipSet(IEnumerable<Relationship> relationships)
    {
        var all = new List<Relationship>();
        foreach (var r in relationships)
        {
            all.Add(r);
            Add(_from, r.From, r);
            Add(_to, r.To, r);
        }
        foreach (var list in _from.Values)
        {
            list.Sort(static (a, b) => a.Order.CompareTo(b.Order));
        }
        Relationships = all;
    }

    /// <summary>Every relationship in the set, in document order.</summary>
    public IReadOnlyList<Relationship> Relationships { get; }

    /// <summary>The relationships whose source is <paramref name="element"/>, by <c>order</c>.</summary>
    public IReadOnlyList<Relationship> From(XbrlElement element) => _from.TryGetValue(element, out var l) ? l : None;

    /// <summary>The relationships whose target is <paramref name="element"/>.</summary>
    public IReadOnlyList<Relationship> To(XbrlElement element) => _to.TryGetValue(element, out var l) ? l : None;

    /// <summary>Sources that are no relationship's target: the roots of the set's trees.</summary>
    public IEnumerable<XbrlElement> Roots()
    {
        var seen = new HashSet<XbrlElement>();
        foreach (var r in Relationships)
        {
            if (!_to.ContainsKey(r.From) && seen.Add(r.From))
            {
                yield return r.From;
            }
        }
    }

    private static void Add(Dictionary<XbrlElement, List<Relationship>> index, XbrlElement key, Relationship r)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }
        list.Add(r);
    }
}
