using EdgarSharp.Xbrl;

namespace EdgarSharp.Tests.Xbrl;

/// <summary>
/// QName equality and hashing: the namespace's hash is remembered per string instance, so names built from other
/// instances of the same text (or colliding in the remembered slots) must still hash and compare alike.
/// </summary>
public sealed class QNameTests
{
    [Fact]
    public void Equal_names_from_different_string_instances_hash_alike()
    {
        var ns = "http://fasb.org/us-gaap/2024";
        var a = new QName(ns, "Assets");
        var b = new QName(new string(ns.AsSpan()), new string("Assets".AsSpan()));
        Assert.False(ReferenceEquals(a.Namespace, b.Namespace));
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        // Asked again, now that both namespace instances are remembered.
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Names_differing_in_namespace_or_local_name_are_different_keys()
    {
        var names = new Dictionary<QName, int>();
        for (var i = 0; i < 300; i++)
        {
            // More namespaces than the remembered slots: each slot is replaced over and over.
            names[new QName("http://example.com/ns" + i, "Item")] = i;
            names[new QName("http://example.com/ns" + i, "Item" + i)] = -i - 1;
        }
        Assert.Equal(600, names.Count);
        for (var i = 0; i < 300; i++)
        {
            Assert.Equal(i, names[new QName("http://example.com/ns" + i, "Item")]);
            Assert.Equal(-i - 1, names[new QName(new string(("http://example.com/ns" + i).AsSpan()), "Item" + i)]);
        }
        Assert.False(names.ContainsKey(new QName("http://example.com/ns", "Item")));
        Assert.NotEqual(new QName("a", "b"), new QName("b", "a"));
    }

    [Fact]
    public void Default_name_hashes_and_compares_without_failing()
    {
        var empty = default(QName);
        Assert.Equal(empty, default);
        Assert.Equal(empty.GetHashCode(), default(QName).GetHashCode());
        Assert.NotEqual(empty, new QName("", ""));
    }

    [Fact]
    public void Names_hash_alike_from_several_threads_at_once()
    {
        var expected = Enumerable.Range(0, 64).Select(i => new QName("urn:ns:" + (i % 8), "n" + i).GetHashCode()).ToArray();
        Parallel.For(0, 8, _ =>
        {
            for (var round = 0; round < 200; round++)
            {
                for (var i = 0; i < 64; i++)
                {
                    // Fresh instances every time: the slots are replaced concurrently.
                    var name = new QName(new string(("urn:ns:" + (i % 8)).AsSpan()), "n" + i);
                    Assert.Equal(expected[i], name.GetHashCode());
                }
            }
        });
    }
}
