using System.Globalization;
using EdgarSharp.Internal;

namespace EdgarSharp.Tests.Xml;

/// <summary>The comparer of the loader's label and id dictionaries: ordinal equality, a cheap hash, only for small dictionaries.</summary>
public class EndWeightedStringComparerTests
{
    [Fact]
    public void Equal_strings_hash_alike_and_only_equal_strings_are_equal()
    {
        var c = EndWeightedStringComparer.Instance;
        var a = "loc_us-gaap_Assets_1";
        var b = string.Concat("loc_us-gaap_", "Assets_1");
        Assert.NotSame(a, b);
        Assert.True(c.Equals(a, b));
        Assert.Equal(c.GetHashCode(a), c.GetHashCode(b));
        Assert.False(c.Equals(a, "loc_us-gaap_Assets_2"));
        Assert.False(c.Equals(a, "LOC_us-gaap_Assets_1"));
        Assert.Equal(c.GetHashCode("ab"), c.GetHashCode(new string(['a', 'b'])));
    }

    [Fact]
    public void Keys_that_collide_in_the_hash_are_still_told_apart()
    {
        // Same length, same middle and same last four characters: one hash, different keys.
        var d = new Dictionary<string, int>(EndWeightedStringComparer.Instance);
        var keys = Enumerable.Range(0, 200).Select(i => i.ToString("D4", CultureInfo.InvariantCulture) + "xxmxx_end").ToList();
        Assert.Single(keys.Select(EndWeightedStringComparer.Instance.GetHashCode).Distinct());
        for (var i = 0; i < keys.Count; i++)
        {
            d[keys[i]] = i;
        }
        Assert.Equal(keys.Count, d.Count);
        Assert.All(keys.Select((k, i) => (k, i)), p => Assert.Equal(p.i, d[p.k]));
    }

    [Fact]
    public void Large_dictionaries_get_the_ordinal_comparer()
    {
        Assert.Same(EndWeightedStringComparer.Instance, EndWeightedStringComparer.For(EndWeightedStringComparer.MaxKeys));
        Assert.Same(StringComparer.Ordinal, EndWeightedStringComparer.For(EndWeightedStringComparer.MaxKeys + 1));
    }
}
