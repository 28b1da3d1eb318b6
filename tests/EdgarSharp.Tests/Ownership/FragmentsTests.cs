using EdgarSharp.Ownership.Internal;

namespace EdgarSharp.Tests.Ownership;

/// <summary>The readings of numbers and dates that text extraction split (the examples).</summary>
public class FragmentsTests
{
    [Theory]
    [InlineData(new[] { "270,09", "1" }, 270091)]
    [InlineData(new[] { "19,50", "0" }, 19500)]
    [InlineData(new[] { "286,", "86,750" }, 286750)]
    [InlineData(new[] { "311,", ".1,159" }, 311159)]
    [InlineData(new[] { "4,909)" }, 4909)]
    public void The_most_natural_reading_of_split_fragments_comes_first(string[] fragments, int expected)
    {
        Assert.Equal(expected, Fragments.Readings(fragments)[0].Value);
    }

    [Fact]
    public void A_split_whose_natural_reading_is_wrong_still_offers_the_right_one_for_the_arithmetic()
    {
        // "286" then "5,750": the holdings chain says 286,750.
        var readings = Fragments.Readings(["286", "5,750"]).Select(r => r.Value).ToList();
        Assert.Contains(286750m, readings);
        Assert.Contains(285750m, readings);
    }

    [Theory]
    [InlineData("11/1", "/18/2009", "2009-11-18")]
    [InlineData("11/17/", "2009", "2009-11-17")]
    public void A_date_split_in_two_is_joined(string a, string b, string expected)
    {
        Assert.True(Fragments.TryJoinDate(a, b, out var date));
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
    }

    [Fact]
    public void Homoglyphs_and_escapes_of_extraction_are_normalised()
    {
        Assert.Equal("M $0.29 n", Fragments.Normalize("\u041C \\$0.29 \u207F"));
    }
}
