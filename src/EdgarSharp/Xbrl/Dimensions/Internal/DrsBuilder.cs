using EdgarSharp.Internal;

namespace EdgarSharp.Xbrl.Internal;

/// <summary>What a concept is for the Dimensions checks, from its declaration; <see cref="Unknown"/> when the declaration is not at hand.</summary>
internal enum DimensionalKind
{
    /// <summary>Undeclared (its schema was not read) or in a substitution group whose head is outside the DTS: the checks skip it.</summary>
    Unknown,
    /// <summary>An item that is neither a hypercube nor a dimension: a primary item or a domain member.</summary>
    PrimaryItem,
    /// <summary>In the <c>xbrldt:hypercubeItem</c> substitution group.</summary>
    Hypercube,
    /// <summary>In the <c>xbrldt:dimensionItem</c> substitution group.</summary>
    Dimension,
    /// <summary>A tuple.</summary>
    Tuple,
    /// <summary>A declared element in no XBRL substitution group.</summary>
    NotItem,
    /// <summary>A resource or another element that is not an element declaration.</summary>
    NotConcept,
}

/// <summary>
/// Builds the dimensional relationship sets from effective relationships and reports the errors of the
/// relationships themselves: the sources and targets of each dimensional arcrole, missing context elements,
/// several defaults for one dimension, directed cycles within a DRS and primary item polymorphism.
/// One pass indexes the dimensional relationships by (arcrole, link role, source); each hypercube's dimensions,
/// each dimension's domain and each primary item tree are built once and shared by the relationships that reach them.
/// </summary>
internal sealed class DrsBuilder(IReadOnlyList<Relationship> relationships, Func<Concept, Concept?> typedDomain, DiagnosticBag diagnostics)
{
    private const int ArcAll = 0;
    private const int ArcNotAll = 1;
    private const int ArcHypercubeDimension = 2;
    private const int ArcDimensionDomain = 3;
    private const int ArcDomainMember = 4;
    private const int ArcDimensionDefault = 5;
    private const int ArcroleCount = 6;

    /// <summary>The most nodes one tree may hold; past it a pathological graph (many paths to one member) is cut short.</summary>
    private const int NodeBudget = 100_000;

    /// <summary>The deepest a tree may go; past it a pathological chain is cut short rather than exhaust the stack.</summary>
    private const int MaxTreeDepth = 256;

    private static readonly IReadOnlyList<DomainMemberNode> NoNodes = [];
    private static readonly HashSet<Concept> NoConcepts = new();

    // (arcrole, link role, source) -> its group: the range of _grouped holding the group's relationships, by order.
    private readonly Dictionary<ElementKey, int> _groups = new();
    private int[] _groupStarts = [];
    private int[] _groupCounts = [];
    private Relationship[] _grouped = [];
    // Link roles numbered as met; the last one asked for is remembered (relationships come in runs of one role).
    private readonly Dictionary<string, int> _roleIds = new(StringComparer.Ordinal);
    private string? _lastRole;
    private int _lastRoleId;
    private readonly List<Relationship>[] _byArcrole = CreateLists();
    private readonly List<Relationship> _hasHypercubes = [];
    private readonly Dictionary<Concept, Concept> _defaults = new();
    private readonly Dictionary<ElementKey, IReadOnlyList<HypercubeDimension>> _dimensionsCache = new();
    private readonly Dictionary<Relationship, HypercubeDimension> _dimensionCache = new();
    private readonly Dictionary<ElementKey, PrimaryItemTree> _primaryItemCache = new();

    // Scratch collections of the domain walks, cleared before each use.
    private readonly List<Relationship> _reached = [];
    private readonly HashSet<ElementKey> _visited = new();
    private readonly Stack<(string Role, XbrlElement Member)> _pending = new();
    private TreeWalk? _walkInstance;
    private readonly HashSet<Concept> _itemSet = new();
    private readonly Queue<(string Role, XbrlElement Item)> _queue = new();

    private sealed record PrimaryItemTree(IReadOnlyList<DomainMemberNode> Children, List<Concept> Items);

    public DimensionalModel Build()
    {
        Index();
        CheckEndpoints();
        CollectDefaults();
        var sets = BuildSets();
        return new DimensionalModel(sets, _defaults, diagnostics.ToList());
    }

    private static List<Relationship>[] CreateLists()
    {
        var lists = new List<Relationship>[ArcroleCount];
        for (var i = 0; i < lists.Length; i++)
        {
            lists[i] = [];
        }
        return lists;
    }

    internal static int ArcroleIndex(string arcrole) => arcrole switch
    {
        XbrlArcroles.All => ArcAll,
        XbrlArcroles.NotAll => ArcNotAll,
        XbrlArcroles.HypercubeDimension => ArcHypercubeDimension,
        XbrlArcroles.DimensionDomain => ArcDimensionDomain,
        XbrlArcroles.DomainMember => ArcDomainMember,
        XbrlArcroles.DimensionDefault => ArcDimensionDefault,
        _ => -1,
    };

    /// <summary>What <paramref name="element"/> is, from its declaration.</summary>
    internal static DimensionalKind KindOf(XbrlElement element)
    {
        if (element is not Concept c)
        {
            return DimensionalKind.NotConcept;
        }
        if (!c.IsDeclared)
        {
            return DimensionalKind.Unknown;
        }
        if (c.BaseSubstitutionGroup is not { } g)
        {
            return DimensionalKind.NotItem;
        }
        if (g == XbrlNames.Item)
        {
            return DimensionalKind.PrimaryItem;
        }
        if (g == XbrlNames.HypercubeItem)
        {
            return DimensionalKind.Hypercube;
        }
        if (g == XbrlNames.DimensionItem)
        {
            return DimensionalKind.Dimension;
        }
        return g == XbrlNames.Tuple ? DimensionalKind.Tuple : DimensionalKind.Unknown;
    }

    /// <summary>True when the element is declared with <c>xbrldt:typedDomainRef</c>.</summary>
    internal static bool IsTyped(XbrlElement element) => element is Concept { IsDeclared: true, TypedDomainRef: not null };

    private void Index()
    {
        // Each relationship's arcrole first, to size the lists; then each dimensional relationship's group (numbered as
        // met, counted); then each group gets one range of one array, filled in document order and sorted by order.
        var groupOf = new int[relationships.Count];
        Span<int> perArcrole = stackalloc int[ArcroleCount];
        string? lastArcrole = null;
        var lastIndex = -1;
        for (var i = 0; i < relationships.Count; i++)
        {
            var arcrole = relationships[i].Arcrole;
            // Arcroles come in runs of one string instance: compare the long URIs once per run.
            if (!ReferenceEquals(arcrole, lastArcrole))
            {
                (lastArcrole, lastIndex) = (arcrole, ArcroleIndex(arcrole));
            }
            groupOf[i] = lastIndex;
            if (lastIndex >= 0)
            {
                perArcrole[lastIndex]++;
            }
        }
        var total = 0;
        for (var k = 0; k < ArcroleCount; k++)
        {
            _byArcrole[k].Capacity = perArcrole[k];
            total += perArcrole[k];
        }
        _hasHypercubes.Capacity = perArcrole[ArcAll] + perArcrole[ArcNotAll];
        _groups.EnsureCapacity(total);
        var counts = new List<int>(total);
        for (var i = 0; i < relationships.Count; i++)
        {
            var arcrole = groupOf[i];
            if (arcrole < 0)
            {
                continue;
            }
            var r = relationships[i];
            _byArcrole[arcrole].Add(r);
            if (arcrole is ArcAll or ArcNotAll)
            {
                _hasHypercubes.Add(r);
            }
            ref var group = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_groups, Key(arcrole, AddRole(r.LinkRole), r.From), out var exists);
            if (!exists)
            {
                group = counts.Count;
                counts.Add(0);
            }
            counts[group]++;
            groupOf[i] = group;
        }
        _groupStarts = new int[counts.Count];
        _groupCounts = new int[counts.Count];
        var start = 0;
        for (var g = 0; g < counts.Count; g++)
        {
            _groupStarts[g] = start;
            start += counts[g];
        }
        _grouped = new Relationship[total];
        for (var i = 0; i < relationships.Count; i++)
        {
            var g = groupOf[i];
            if (g >= 0)
            {
                _grouped[_groupStarts[g] + _groupCounts[g]++] = relationships[i];
            }
        }
        for (var g = 0; g < _groupStarts.Length; g++)
        {
            if (_groupCounts[g] > 1)
            {
                SortByOrder(_grouped.AsSpan(_groupStarts[g], _groupCounts[g]));
            }
        }
    }

    /// <summary>The number of a link role that has dimensional relationships, numbering it if new.</summary>
    private int AddRole(string role)
    {
        if (ReferenceEquals(role, _lastRole))
        {
            return _lastRoleId;
        }
        ref var id = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_roleIds, role, out var exists);
        if (!exists)
        {
            id = _roleIds.Count - 1;
        }
        (_lastRole, _lastRoleId) = (role, id);
        return id;
    }

    /// <summary>The number of a link role; -1 when no dimensional relationship is in it.</summary>
    private int RoleId(string role)
    {
        if (ReferenceEquals(role, _lastRole))
        {
            return _lastRoleId;
        }
        if (!_roleIds.TryGetValue(role, out var id))
        {
            return -1;
        }
        (_lastRole, _lastRoleId) = (role, id);
        return id;
    }

    private static ElementKey Key(int arcrole, int roleId, XbrlElement element) => new((roleId * ArcroleCount) + arcrole, element);

    /// <summary>A stable insertion sort by <c>order</c>: the lists are short and usually sorted already; equal orders keep document order.</summary>
    private static void SortByOrder(Span<Relationship> list)
    {
        for (var i = 1; i < list.Length; i++)
        {
            var item = list[i];
            var j = i - 1;
            while (j >= 0 && list[j].Order > item.Order)
            {
                list[j + 1] = list[j];
                j--;
            }
            list[j + 1] = item;
        }
    }

    /// <summary>The relationships of <paramref name="arcrole"/> from <paramref name="from"/> in <paramref name="role"/>, by order; empty when none.</summary>
    private ArraySegment<Relationship> From(int arcrole, string role, XbrlElement from) =>
        RoleId(role) is var roleId and >= 0 && _groups.TryGetValue(Key(arcrole, roleId, from), out var g)
            ? new ArraySegment<Relationship>(_grouped, _groupStarts[g], _groupCounts[g])
            : ArraySegment<Relationship>.Empty;

    private static string Name(XbrlElement e) => e is Concept c ? c.PrefixedName : e.ToString() ?? e.ElementName.LocalName;

    private static string What(DimensionalKind kind) => kind switch
    {
        DimensionalKind.PrimaryItem => "a primary item",
        DimensionalKind.Hypercube => "a hypercube",
        DimensionalKind.Dimension => "a dimension",
        DimensionalKind.Tuple => "a tuple",
        DimensionalKind.NotItem => "an element in no XBRL substitution group",
        DimensionalKind.NotConcept => "not an element declaration",
        _ => "of unknown kind",
    };

    /// <summary>The source and target rules of each dimensional arcrole.</summary>
    private void CheckEndpoints()
    {
        foreach (var r in _hasHypercubes)
        {
            var arc = r.Arcrole == XbrlArcroles.All ? "all" : "notAll";
            var source = KindOf(r.From);
            if (source is not (DimensionalKind.PrimaryItem or DimensionalKind.Unknown))
            {
                diagnostics.Error("xbrldte:HasHypercubeSourceError",
                    $"The has-hypercube ({arc}) relationship from {Name(r.From)} to {Name(r.To)} in role {r.LinkRole} must start at a primary item; {Name(r.From)} is {What(source)}. Start it at the line items concept.",
                    r.Arc.Location);
            }
            var target = KindOf(r.To);
            if (target is not (DimensionalKind.Hypercube or DimensionalKind.Unknown))
            {
                diagnostics.Error("xbrldte:HasHypercubeTargetError",
                    $"The has-hypercube ({arc}) relationship from {Name(r.From)} to {Name(r.To)} in role {r.LinkRole} must end at a hypercube; {Name(r.To)} is {What(target)}. Point it at an element in the xbrldt:hypercubeItem substitution group.",
                    r.Arc.Location);
            }
            if (r.Arc.ContextElement is null)
            {
                diagnostics.Error("xbrldte:HasHypercubeMissingContextElementAttributeError",
                    $"The has-hypercube ({arc}) relationship from {Name(r.From)} to {Name(r.To)} in role {r.LinkRole} has no xbrldt:contextElement; add xbrldt:contextElement=\"segment\" or \"scenario\".",
                    r.Arc.Location);
            }
        }
        foreach (var r in _byArcrole[ArcHypercubeDimension])
        {
            var source = KindOf(r.From);
            if (source is not (DimensionalKind.Hypercube or DimensionalKind.Unknown))
            {
                diagnostics.Error("xbrldte:HypercubeDimensionSourceError",
                    $"The hypercube-dimension relationship from {Name(r.From)} to {Name(r.To)} in role {r.LinkRole} must start at a hypercube; {Name(r.From)} is {What(source)}.",
                    r.Arc.Location);
            }
            var target = KindOf(r.To);
            if (target is not (DimensionalKind.Dimension or DimensionalKind.Unknown))
            {
                diagnostics.Error("xbrldte:HypercubeDimensionTargetError",
                    $"The hypercube-dimension relationship from {Name(r.From)} to {Name(r.To)} in role {r.LinkRole} must end at a dimension; {Name(r.To)} is {What(target)}.",
                    r.Arc.Location);
            }
        }
        foreach (var r in _byArcrole[ArcDimensionDomain])
        {
            var source = KindOf(r.From);
            if (source is not (DimensionalKind.Dimension or DimensionalKind.Unknown))
            {
                diagnostics.Error("xbrldte:DimensionDomainSourceError",
                    $"The dimension-domain relationship from {Name(r.From)} to {Name(r.To)} in role {r.LinkRole} must start at an explicit dimension; {Name(r.From)} is {What(source)}.",
                    r.Arc.Location);
            }
            else if (source == DimensionalKind.Dimension && IsTyped(r.From))
            {
                diagnostics.Error("xbrldte:DimensionDomainSourceError",
                    $"The dimension-domain relationship from {Name(r.From)} to {Name(r.To)} in role {r.LinkRole} starts at a typed dimension; a typed dimension's domain is its xbrldt:typedDomainRef, so remove the relationship.",
                    r.Arc.Location);
            }
            var target = KindOf(r.To);
            if (target is not (DimensionalKind.PrimaryItem or DimensionalKind.Unknown))
            {
                diagnostics.Error("xbrldte:DimensionDomainTargetError",
                    $"The dimension-domain relationship from {Name(r.From)} to {Name(r.To)} in role {r.LinkRole} must end at a domain member (an item that is neither a hypercube nor a dimension); {Name(r.To)} is {What(target)}.",
                    r.Arc.Location);
            }
        }
        foreach (var r in _byArcrole[ArcDomainMember])
        {
            var source = KindOf(r.From);
            if (source is not (DimensionalKind.PrimaryItem or DimensionalKind.Unknown))
            {
                diagnostics.Error("xbrldte:DomainMemberSourceError",
                    $"The domain-member relationship from {Name(r.From)} to {Name(r.To)} in role {r.LinkRole} must start at a primary item or domain member; {Name(r.From)} is {What(source)}.",
                    r.Arc.Location);
            }
            var target = KindOf(r.To);
            if (target is not (DimensionalKind.PrimaryItem or DimensionalKind.Unknown))
            {
                diagnostics.Error("xbrldte:DomainMemberTargetError",
                    $"The domain-member relationship from {Name(r.From)} to {Name(r.To)} in role {r.LinkRole} must end at a primary item or domain member; {Name(r.To)} is {What(target)}.",
                    r.Arc.Location);
            }
        }
        foreach (var r in _byArcrole[ArcDimensionDefault])
        {
            var source = KindOf(r.From);
            if (source is not (DimensionalKind.Dimension or DimensionalKind.Unknown))
            {
                diagnostics.Error("xbrldte:DimensionDefaultSourceError",
                    $"The dimension-default relationship from {Name(r.From)} to {Name(r.To)} in role {r.LinkRole} must start at an explicit dimension; {Name(r.From)} is {What(source)}.",
                    r.Arc.Location);
            }
            else if (source == DimensionalKind.Dimension && IsTyped(r.From))
            {
                diagnostics.Error("xbrldte:DimensionDefaultSourceError",
                    $"The dimension-default relationship from {Name(r.From)} to {Name(r.To)} in role {r.LinkRole} starts at a typed dimension, which cannot have a default; remove the relationship.",
                    r.Arc.Location);
            }
            var target = KindOf(r.To);
            if (target is not (DimensionalKind.PrimaryItem or DimensionalKind.Unknown))
            {
                diagnostics.Error("xbrldte:DimensionDefaultTargetError",
                    $"The dimension-default relationship from {Name(r.From)} to {Name(r.To)} in role {r.LinkRole} must end at a domain member (an item that is neither a hypercube nor a dimension); {Name(r.To)} is {What(target)}.",
                    r.Arc.Location);
            }
        }
    }

    /// <summary>Dimension defaults hold for the whole DTS: one per dimension, whatever role states it.</summary>
    private void CollectDefaults()
    {
        foreach (var r in _byArcrole[ArcDimensionDefault])
        {
            if (r.From is not Concept dimension || r.To is not Concept member)
            {
                continue;
            }
            if (!_defaults.TryGetValue(dimension, out var existing))
            {
                _defaults[dimension] = member;
            }
            else if (!ReferenceEquals(existing, member))
            {
                diagnostics.Error("xbrldte:TooManyDefaultMembersError",
                    $"The dimension {dimension.PrefixedName} has two defaults, {existing.PrefixedName} and {member.PrefixedName} (in role {r.LinkRole}); defaults hold for the whole DTS, whatever role states them, so keep one.",
                    r.Arc.Location);
            }
        }
    }

    private List<DimensionalRelationshipSet> BuildSets()
    {
        var roles = new List<string>();
        var byRole = new Dictionary<string, List<Relationship>>(EndWeightedStringComparer.For(_hasHypercubes.Count));
        foreach (var r in _hasHypercubes)
        {
            if (r.From is not Concept || r.To is not Concept)
            {
                continue;
            }
            if (!byRole.TryGetValue(r.LinkRole, out var list))
            {
                byRole[r.LinkRole] = list = [];
                roles.Add(r.LinkRole);
            }
            list.Add(r);
        }
        var sets = new List<DimensionalRelationshipSet>(roles.Count);
        foreach (var role in roles)
        {
            var relationshipsOfRole = byRole[role];
            var hasHypercubes = new HasHypercube[relationshipsOfRole.Count];
            for (var i = 0; i < hasHypercubes.Length; i++)
            {
                var r = relationshipsOfRole[i];
                var primaryItem = (Concept)r.From;
                var hypercube = (Concept)r.To;
                var tree = PrimaryItems(primaryItem, role);
                var dimensions = DimensionsOf(hypercube, r.Arc.TargetRole ?? role);
                var hasHypercube = new HasHypercube(r, primaryItem, hypercube, dimensions, tree.Children, tree.Items);
                hasHypercubes[i] = hasHypercube;
                CheckPolymorphism(hasHypercube, tree);
            }
            sets.Add(new DimensionalRelationshipSet(role, hasHypercubes));
        }
        return sets;
    }

    /// <summary>
    /// A primary item of a has-hypercube relationship must not be a usable member of the domain of one of the
    /// hypercube's explicit dimensions, counting the items that inherit the hypercube (xbrldte:PrimaryItemPolymorphismError).
    /// </summary>
    private void CheckPolymorphism(HasHypercube hasHypercube, PrimaryItemTree tree)
    {
        var dimensions = hasHypercube.Dimensions;
        // By index: a foreach over the interface would box its enumerator, once per has-hypercube relationship.
        for (var d = 0; d < dimensions.Count; d++)
        {
            var dimension = dimensions[d];
            if (dimension.IsTyped)
            {
                continue;
            }
            foreach (var item in tree.Items)
            {
                if (dimension.IsUsable(item))
                {
                    diagnostics.Error("xbrldte:PrimaryItemPolymorphismError",
                        $"{item.PrefixedName} is a primary item of the hypercube {hasHypercube.Hypercube.PrefixedName} in role {hasHypercube.Relationship.LinkRole} and also a usable member of the domain of its dimension {dimension.Dimension.PrefixedName}; a concept cannot be both, so take it out of one of the trees.",
                        hasHypercube.Relationship.Arc.Location);
                    break;
                }
            }
        }
    }

    /// <summary>The tree of primary items under <paramref name="item"/> along domain-member relationships of <paramref name="role"/>, following target roles.</summary>
    private PrimaryItemTree PrimaryItems(Concept item, string role)
    {
        if (_primaryItemCache.TryGetValue(new ElementKey(RoleId(role), item), out var cached))
        {
            return cached;
        }
        // Every item below, breadth first, each (role, item) once: the inheritors, whatever the tree shown keeps.
        var items = new List<Concept> { item };
        var set = _itemSet;
        set.Clear();
        set.Add(item);
        _visited.Clear();
        _visited.Add(new ElementKey(RoleId(role), item));
        var queue = _queue;
        queue.Clear();
        queue.Enqueue((role, item));
        while (queue.Count > 0)
        {
            var (fromRole, from) = queue.Dequeue();
            foreach (var r in From(ArcDomainMember, fromRole, from))
            {
                if (r.To is Concept child && set.Add(child))
                {
                    items.Add(child);
                }
                var nextRole = r.Arc.TargetRole ?? fromRole;
                if (_visited.Add(new ElementKey(RoleId(nextRole), r.To)))
                {
                    queue.Enqueue((nextRole, r.To));
                }
            }
        }
        var walk = Walk.Start(item, null, null);
        var children = walk.Children(item, role, 1);
        ReportCut(walk, item, role);
        var tree = new PrimaryItemTree(children, items);
        _primaryItemCache[new ElementKey(RoleId(role), item)] = tree;
        return tree;
    }

    private IReadOnlyList<HypercubeDimension> DimensionsOf(Concept hypercube, string role)
    {
        if (_dimensionsCache.TryGetValue(new ElementKey(RoleId(role), hypercube), out var cached))
        {
            return cached;
        }
        var relationshipsFrom = From(ArcHypercubeDimension, role, hypercube);
        IReadOnlyList<HypercubeDimension> result = [];
        if (relationshipsFrom.Count > 0)
        {
            var list = new List<HypercubeDimension>(relationshipsFrom.Count);
            foreach (var r in relationshipsFrom)
            {
                if (r.To is Concept dimension)
                {
                    list.Add(DimensionOf(r, dimension));
                }
            }
            result = list;
        }
        _dimensionsCache[new ElementKey(RoleId(role), hypercube)] = result;
        return result;
    }

    /// <summary>The domain a hypercube-dimension relationship reaches: every member along consecutive relationships, the unusable ones, the trees, and the directed-cycle check.</summary>
    private HypercubeDimension DimensionOf(Relationship hypercubeDimension, Concept dimension)
    {
        if (_dimensionCache.TryGetValue(hypercubeDimension, out var cached))
        {
            return cached;
        }
        var domainRole = hypercubeDimension.Arc.TargetRole ?? hypercubeDimension.LinkRole;
        var members = new HashSet<Concept>();
        var unusable = NoConcepts;
        var dtsDefault = _defaults.GetValueOrDefault(dimension);
        var typed = IsTyped(dimension);
        IReadOnlyList<DomainMemberNode> domains = NoNodes;
        Concept? typedDomainElement = null;
        if (typed)
        {
            typedDomainElement = typedDomain(dimension);
        }
        else if (From(ArcDimensionDomain, domainRole, dimension) is { Count: > 0 } domainRelationships)
        {
            // Everything the domain reaches, each (member, role) once: members, unusable members, and the relationships for the cycle check.
            _reached.Clear();
            _visited.Clear();
            var reachedTwice = false;
            foreach (var r in domainRelationships)
            {
                reachedTwice |= Reach(r, domainRole, dimension, members, ref unusable);
            }
            while (_pending.Count > 0)
            {
                var (role, member) = _pending.Pop();
                foreach (var r in From(ArcDomainMember, role, member))
                {
                    reachedTwice |= Reach(r, role, dimension, members, ref unusable);
                }
            }
            // When every member is reached once (a tree below the dimension), there is no cycle to look for.
            if (reachedTwice && TaxonomyValidator.FindDirectedCycle(_reached) is { } at)
            {
                diagnostics.Error("xbrldte:DRSDirectedCycleError",
                    $"The domain of {dimension.PrefixedName} (from role {hypercubeDimension.LinkRole}) has a directed cycle through {Name(at.To)}: the domain-member relationship from {Name(at.From)} to {Name(at.To)} in role {at.LinkRole} leads back to a member above it. A DRS allows undirected cycles only; remove one of the relationships.",
                    at.Arc.Location);
            }

            var list = new List<DomainMemberNode>(domainRelationships.Count);
            var walk = Walk.Start(null, unusable, dtsDefault);
            foreach (var r in domainRelationships)
            {
                if (r.To is Concept root)
                {
                    list.Add(walk.Node(root, r, r.Arc.TargetRole ?? domainRole, 1));
                }
            }
            ReportCut(walk, dimension, domainRole);
            domains = list;
        }
        var result = new HypercubeDimension(hypercubeDimension, dimension, typed, typedDomainElement, domainRole, domains, members, unusable, dtsDefault);
        _dimensionCache[hypercubeDimension] = result;
        return result;
    }

    /// <summary>Records a relationship of a domain; true when its target was reached before (or is the dimension): only then can there be a cycle.</summary>
    private bool Reach(Relationship r, string role, Concept dimension, HashSet<Concept> members, ref HashSet<Concept> unusable)
    {
        _reached.Add(r);
        var again = false;
        if (r.To is Concept member)
        {
            again = !members.Add(member) || ReferenceEquals(member, dimension);
            if (r.Arc.Usable == false)
            {
                if (ReferenceEquals(unusable, NoConcepts))
                {
                    unusable = new HashSet<Concept>();
                }
                unusable.Add(member);
            }
        }
        var nextRole = r.Arc.TargetRole ?? role;
        if (_visited.Add(new ElementKey(RoleId(nextRole), r.To)))
        {
            _pending.Push((nextRole, r.To));
        }
        return again;
    }

    /// <summary>The one tree walk of the builder, reused tree after tree.</summary>
    private TreeWalk Walk => _walkInstance ??= new TreeWalk(this);

    private void ReportCut(TreeWalk walk, Concept root, string role)
    {
        if (walk.Cut)
        {
            diagnostics.Warning("edgar:dimensionTreeCut",
                $"The domain-member tree under {root.PrefixedName} in role {role} is deeper than {MaxTreeDepth} levels or has more than {NodeBudget} nodes; it was cut there. The checks saw all of it; only the tree shown is shorter.");
        }
    }

    /// <summary>
    /// Builds one domain-member tree by <c>order</c>, following target roles: a concept appears once per path that
    /// reaches it, a path stops where it would come back to a concept already on it, and the tree stops growing at
    /// <see cref="MaxTreeDepth"/> levels or <see cref="NodeBudget"/> nodes (<see cref="Cut"/>), so that no input can
    /// exhaust the stack or the memory.
    /// </summary>
    private sealed class TreeWalk(DrsBuilder owner)
    {
        private int _budget;
        private HashSet<Concept>? _unusable;
        private Concept? _default;
        // The concepts on the path from the root, compared one by one: paths are short, and at most MaxTreeDepth long.
        private Concept[] _path = new Concept[16];
        private int _depth;

        /// <summary>True when the tree was cut short.</summary>
        public bool Cut { get; private set; }

        /// <summary>Starts a tree (the walk is reused, one tree at a time): <paramref name="root"/> on the path when the root is not a node of its own.</summary>
        public TreeWalk Start(Concept? root, HashSet<Concept>? unusable, Concept? defaultMember)
        {
            (_budget, _unusable, _default, _depth, Cut) = (NodeBudget, unusable, defaultMember, 0, false);
            if (root is not null)
            {
                Push(root);
            }
            return this;
        }

        public DomainMemberNode Node(Concept concept, Relationship via, string role, int depth)
        {
            Push(concept);
            var children = Children(concept, role, depth + 1);
            _depth--;
            return new DomainMemberNode(concept, via, _unusable is null || !_unusable.Contains(concept), _default is not null && ReferenceEquals(concept, _default), children);
        }

        private void Push(Concept concept)
        {
            if (_depth == _path.Length)
            {
                Array.Resize(ref _path, _path.Length * 2);
            }
            _path[_depth++] = concept;
        }

        private bool OnPath(Concept concept)
        {
            foreach (var c in _path.AsSpan(0, _depth))
            {
                if (ReferenceEquals(c, concept))
                {
                    return true;
                }
            }
            return false;
        }

        public IReadOnlyList<DomainMemberNode> Children(Concept concept, string role, int depth)
        {
            if (owner.From(ArcDomainMember, role, concept) is not { Count: > 0 } relationshipsFrom)
            {
                return NoNodes;
            }
            if (depth > MaxTreeDepth)
            {
                Cut = true;
                return NoNodes;
            }
            var children = new DomainMemberNode[relationshipsFrom.Count];
            var count = 0;
            foreach (var r in relationshipsFrom)
            {
                if (r.To is not Concept child || OnPath(child))
                {
                    // A directed cycle (reported where it matters, within a domain): the path stops here.
                    continue;
                }
                if (--_budget < 0)
                {
                    Cut = true;
                    break;
                }
                children[count++] = Node(child, r, r.Arc.TargetRole ?? role, depth);
            }
            if (count < children.Length)
            {
                Array.Resize(ref children, count);
            }
            return children;
        }
    }

    /// <summary>
    /// A number (a link role's, or a link role's and an arcrole's) with an element: hashed by the element's identity, so
    /// that neither the long role URIs nor anything else is hashed; compared without a comparer object.
    /// Unknown roles (no dimensional relationship in them) share the number -1: nothing is reached from them in any.
    /// </summary>
    private readonly struct ElementKey(int number, XbrlElement element) : IEquatable<ElementKey>
    {
        private readonly int _number = number;
        private readonly XbrlElement _element = element;

        public bool Equals(ElementKey other) => _number == other._number && ReferenceEquals(_element, other._element);

        public override bool Equals(object? obj) => obj is ElementKey other && Equals(other);

        public override int GetHashCode() => _element.GetHashCode() + (_number * 16_777_619);
    }
}
