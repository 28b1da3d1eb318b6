using System.Globalization;
using EdgarSharp.Internal;

namespace EdgarSharp.Tests.Xml;

/// <summary>The per-thread table the DTS loader takes fragments and names from: one instance per content, bounded.</summary>
public class SharedStringsTests
{
    [Fact]
    public void Equal_content_is_one_string_and_long_strings_are_made_afresh()
    {
        var table = SharedStrings.Current;
        var href = "us-gaap-2023.xsd#us-gaap_Assets";
        var first = table.Get(href.AsSpan(href.IndexOf('#', StringComparison.Ordinal) + 1));
        var second = table.Get("xus-gaap_Assets".AsSpan(1));
        Assert.Equal("us-gaap_Assets", first);
        Assert.Same(first, second);
        Assert.Same(string.Empty, table.Get([]));

        var longer = new string('a', SharedStrings.MaxLength + 1);
        var made = table.Get(longer);
        Assert.Equal(longer, made);
        Assert.NotSame(made, table.Get(longer));
    }

    [Fact]
    public void A_full_table_starts_again_and_still_gives_the_right_strings()
    {
        var table = SharedStrings.Current;
        var kept = table.Get("dei_EntityRegistrantName");
        for (var i = 0; i < SharedStrings.MaxEntries + 10; i++)
        {
            var name = "c" + i.ToString(CultureInfo.InvariantCulture);
            Assert.Equal(name, table.Get(name));
        }
        var again = table.Get("dei_EntityRegistrantName");
        Assert.Equal(kept, again);
        Assert.NotSame(kept, again);   // the table was emptied on the way: it holds at most MaxEntries strings
    }

    [Fact]
    public void Each_thread_has_its_own_table()
    {
        var here = SharedStrings.Current;
        SharedStrings? there = null;
        var thread = new Thread(() => there = SharedStrings.Current);
        thread.Start();
        thread.Join();
        Assert.NotNull(there);
        Assert.NotSame(here, there);
    }
}
