using EdgarSharp;
using EdgarSharp.Xbrl;
using EdgarSharp.Xbrl.Internal;

namespace EdgarSharp.Tests.Xbrl;

/// <summary>
/// The directed-cycle search shared by the XBRL 2.1 cycle rules and the Dimensions checks: which relationship it
/// reports (the first that closes a cycle, walking from each source in the order the sources first appear) and that
/// undirected cycles, chains and repeated pairs are not cycles.
/// </summary>
public sealed class DirectedCycleTests
{
    private static readonly Dictionary<string, Concept> Concepts = [];

    private static Concept C(string name)
    {
        if (!Concepts.TryGetValue(name, out var c))
        {
            Concepts[name] = c = new Concept(new QName("urn:test", name), "t", "urn:test.xsd", name);
        }
        return c;
    }

    private static List<Relationship> Graph(params string[] edges) =>
        edges.Select(e => e.Split('>')).Select(p => new Relationship(
            new Arc(new QName(XbrlNamespaces.Link, "definitionArc"), p[0], p[1], XbrlArcroles.DomainMember, new SourceLocation("t.xml")),
            C(p[0]), C(p[1]))).ToList();

    private static string? Closing(List<Relationship> relationships) =>
        TaxonomyValidator.FindDirectedCycle(relationships) is { } r ? $"{r.From}>{r.To}" : null;

    [Fact]
    public void Chains_trees_and_diamonds_have_no_directed_cycle()
    {
        Assert.Null(Closing(Graph("a>b", "b>c", "c>d")));
        Assert.Null(Closing(Graph("a>b", "a>c", "b>d", "c>d", "d>e")));
        Assert.Null(Closing(Graph("a>b", "a>b")));
        Assert.Null(Closing(Graph()));
    }

    [Fact]
    public void The_relationship_closing_the_cycle_is_reported()
    {
        Assert.Equal("t:c>t:a", Closing(Graph("a>b", "b>c", "c>a")));
        Assert.Equal("t:x>t:x", Closing(Graph("x>x")));
        // The walk goes a, b, d before it takes c: the back edge d>b closes the cycle first met.
        Assert.Equal("t:d>t:b", Closing(Graph("a>b", "a>c", "b>d", "d>b", "c>a")));
    }

    [Fact]
    public void A_cycle_reached_only_from_a_later_source_is_found()
    {
        Assert.Equal("t:q>t:p", Closing(Graph("a>b", "b>c", "p>q", "q>p")));
        // A node finished from the first source is not walked again.
        Assert.Equal("t:r>t:p", Closing(Graph("a>b", "b>c", "p>b", "p>q", "q>r", "r>p")));
    }
}
