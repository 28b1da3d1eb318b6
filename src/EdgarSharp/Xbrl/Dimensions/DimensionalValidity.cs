namespace EdgarSharp.Xbrl;

/// <summary>The outcome of checking a fact against the dimensional relationship sets of its DTS.</summary>
public enum DimensionalValidityStatus
{
    /// <summary>The fact meets every hypercube of one link role, or its concept is the primary item of no hypercube.</summary>
    Valid,
    /// <summary>The fact's concept has hypercubes, and no link role's hypercubes all hold for its context (<c>xbrldie:PrimaryItemDimensionallyInvalidError</c>).</summary>
    Invalid,
    /// <summary>Not judged: a declaration it needs is not at hand (a partial DTS), or the fact is a tuple or has no context.</summary>
    NotChecked,
}

/// <summary>A dimension of a fact with its member: stated in the context, or the dimension's default.</summary>
/// <param name="Dimension">The dimension.</param>
/// <param name="Member">The explicit member, or null for a typed dimension.</param>
/// <param name="TypedValue">The typed member's content (XML), or null for an explicit dimension.</param>
/// <param name="InScenario">True when the context states the member in its scenario (for a default: when the hypercube's context element is the scenario).</param>
/// <param name="IsDefault">True when the context does not state the dimension and <paramref name="Member"/> is its default.</param>
public sealed record DimensionMember(Concept Dimension, Concept? Member, string? TypedValue, bool InScenario, bool IsDefault);

/// <summary>Whether a fact is dimensionally valid (XBRL Dimensions 1.0 section 3.1.4), in which link role, and with which members.</summary>
public sealed class DimensionalValidity
{
    internal DimensionalValidity(DimensionalValidityStatus status, string? linkRole, IReadOnlyList<DimensionMember> members, string? reason)
    {
        Status = status;
        LinkRole = linkRole;
        Members = members;
        Reason = reason;
    }

    /// <summary>Valid, invalid, or not checked.</summary>
    public DimensionalValidityStatus Status { get; }

    /// <summary>True when <see cref="Status"/> is <see cref="DimensionalValidityStatus.Valid"/>.</summary>
    public bool IsValid => Status == DimensionalValidityStatus.Valid;

    /// <summary>The link role whose hypercubes the fact meets; null when not valid, or when its concept is the primary item of no hypercube.</summary>
    public string? LinkRole { get; }

    /// <summary>
    /// For a valid fact: the dimensions of its context with their members, then the defaults of the dimensions of
    /// the <c>all</c> hypercubes of <see cref="LinkRole"/> the context does not state, then the default of every
    /// other dimension of the DTS that has one (a default holds for every fact that does not state its dimension,
    /// as the conformance suite's fact lists show). Empty otherwise.
    /// </summary>
    public IReadOnlyList<DimensionMember> Members { get; }

    /// <summary>Why the fact was not checked, or null.</summary>
    public string? Reason { get; }

    /// <summary>The member of <paramref name="dimension"/> for the fact (stated or default), or null.</summary>
    public DimensionMember? MemberOf(Concept dimension)
    {
        ArgumentNullException.ThrowIfNull(dimension);
        return Members.FirstOrDefault(m => m.Dimension.Name == dimension.Name);
    }
}

public sealed partial class DimensionalModel
{
    /// <summary>The DTS the model was built from.</summary>
    internal Dts? Dts { get; private set; }

    /// <summary>Resolves typed dimensions' typedDomainRef in that DTS.</summary>
    internal Internal.TypedDomainIndex? TypedDomains { get; private set; }

    /// <summary>Ties the model to the DTS it was built from.</summary>
    internal void Attach(Dts dts, Internal.TypedDomainIndex? typedDomains = null)
    {
        Dts = dts;
        TypedDomains = typedDomains ?? new Internal.TypedDomainIndex(dts.Concepts);
    }

    /// <summary>
    /// Checks <paramref name="fact"/> against the dimensional relationship sets (XBRL Dimensions 1.0 section 3.1.4):
    /// the fact is valid when its concept is the primary item of no hypercube, or when, in some link role, every
    /// <c>all</c> hypercube of the concept holds and no <c>notAll</c> hypercube does. A hypercube is judged on the
    /// context element its <c>xbrldt:contextElement</c> names only: each of its dimensions must be stated there with
    /// a usable member of its domain (any content for a typed dimension), or take a default that is a usable
    /// member; a closed hypercube allows no other dimension and no other content in that element.
    /// </summary>
    /// <remarks>
    /// A partial DTS (EDGAR offline, without us-gaap) cannot be judged: when the fact's concept, a dimension or
    /// explicit member of its context, or a dimension of one of its hypercubes has no declaration at hand, the
    /// result is <see cref="DimensionalValidityStatus.NotChecked"/> (the instance's <c>edgar:incompleteDts</c>
    /// warning says the DTS is partial). Costs one pass over the fact's hypercubes.
    /// </remarks>
    public DimensionalValidity Validate(XbrlFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (fact.IsTuple || fact.Context is not { } context)
        {
            return NotChecked("tuples and facts without a context have no dimensions");
        }
        if (fact.Concept is not { IsDeclared: true } concept)
        {
            return NotChecked($"the declaration of {fact.PrefixedName} is not at hand");
        }
        var values = new List<(DimensionValue Value, Concept Dimension, Concept? Member)>(context.Dimensions.Count);
        foreach (var dv in context.Dimensions)
        {
            if (Dts?.FindConcept(dv.Dimension) is not { IsDeclared: true } dimension)
            {
                return NotChecked($"the declaration of the dimension {dv.Dimension} is not at hand");
            }
            Concept? member = null;
            if (dv.Member is { } m && (member = Dts.FindConcept(m)) is not { IsDeclared: true })
            {
                return NotChecked($"the declaration of the member {m} is not at hand");
            }
            if (!values.Exists(v => v.Dimension.Name == dimension.Name))
            {
                values.Add((dv, dimension, member));
            }
        }

        var hasHypercubes = false;
        foreach (var set in RelationshipSets)
        {
            var hypercubes = set.HypercubesOf(concept);
            if (hypercubes.Count == 0)
            {
                continue;
            }
            hasHypercubes = true;
            if (hypercubes.Any(h => !h.Hypercube.IsDeclared || h.Dimensions.Any(d => !d.Dimension.IsDeclared)))
            {
                return NotChecked($"a dimension of a hypercube of {concept} in {set.LinkRole} has no declaration at hand");
            }
            if (Meets(hypercubes, context, values) is { } members)
            {
                return new DimensionalValidity(DimensionalValidityStatus.Valid, set.LinkRole, WithDefaults(members), null);
            }
        }
        return hasHypercubes
            ? new DimensionalValidity(DimensionalValidityStatus.Invalid, null, [], null)
            : new DimensionalValidity(DimensionalValidityStatus.Valid, null, WithDefaults(values.Select(v => Stated(v.Value, v.Dimension, v.Member)).ToList()), null);
    }

    /// <summary>Adds the DTS-wide default of every dimension the members do not hold yet: a default holds for every fact that does not state its dimension.</summary>
    private List<DimensionMember> WithDefaults(List<DimensionMember> members)
    {
        foreach (var (dimension, member) in Defaults)
        {
            if (!members.Exists(m => m.Dimension.Name == dimension.Name))
            {
                members.Add(new DimensionMember(dimension, member, null, InScenario: false, IsDefault: true));
            }
        }
        return members;
    }

    private static DimensionalValidity NotChecked(string reason) => new(DimensionalValidityStatus.NotChecked, null, [], reason);

    private static DimensionMember Stated(DimensionValue value, Concept dimension, Concept? member) =>
        new(dimension, member, value.TypedValue, value.InScenario, IsDefault: false);

    /// <summary>The fact's members when every hypercube of one role holds (all) or fails (notAll); null otherwise.</summary>
    private static List<DimensionMember>? Meets(IReadOnlyList<HasHypercube> hypercubes, XbrlContext context, List<(DimensionValue Value, Concept Dimension, Concept? Member)> values)
    {
        var defaults = new List<DimensionMember>();
        foreach (var hh in hypercubes)
        {
            var holds = Holds(hh, context, values, hh.IsAll ? defaults : null);
            if (holds != hh.IsAll)
            {
                return null;
            }
        }
        var members = values.Select(v => Stated(v.Value, v.Dimension, v.Member)).ToList();
        foreach (var d in defaults)
        {
            if (!members.Exists(m => m.Dimension.Name == d.Dimension.Name))
            {
                members.Add(d);
            }
        }
        return members;
    }

    private static bool Holds(HasHypercube hh, XbrlContext context, List<(DimensionValue Value, Concept Dimension, Concept? Member)> values, List<DimensionMember>? defaults)
    {
        if (hh.ContextElement is not { } element)
        {
            return false;
        }
        var inScenario = element == HypercubeContextElement.Scenario;
        if (hh.IsClosed && (inScenario ? context.OtherScenarioContent : context.OtherSegmentContent).Trim().Length > 0)
        {
            return false;
        }
        var used = new HashSet<QName>();
        var found = new List<DimensionMember>();
        foreach (var hd in hh.Dimensions)
        {
            var index = values.FindIndex(v => v.Value.InScenario == inScenario && v.Dimension.Name == hd.Dimension.Name);
            if (index >= 0)
            {
                used.Add(hd.Dimension.Name);
                var (value, _, member) = values[index];
                if (hd.IsTyped ? value.Member is not null : member is null || !hd.IsUsable(member))
                {
                    return false;
                }
            }
            else if (hd.Default is { } def)
            {
                found.Add(new DimensionMember(hd.Dimension, def, null, inScenario, IsDefault: true));
            }
            else
            {
                return false;
            }
        }
        if (hh.IsClosed && values.Count(v => v.Value.InScenario == inScenario) > used.Count)
        {
            return false;
        }
        defaults?.AddRange(found);
        return true;
    }
}
