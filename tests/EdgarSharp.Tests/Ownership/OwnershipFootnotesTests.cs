using EdgarSharp.Ownership;

namespace EdgarSharp.Tests.Ownership;

/// <summary><see cref="OwnershipFootnotes"/>: weighted-average-price ranges and 10b5-1 plans read from footnote text.</summary>
public class OwnershipFootnotesTests
{
    [Theory]
    [InlineData("This price reported in column 4 is a weighted average price. These shares were sold in multiple transactions at prices ranging from $6.50 to $6.52, inclusive.", "6.50", "6.52")]
    [InlineData("The price reported in Column 4 is a weighted average price.  The shares were acquired in multiple transactions at prices ranging from $2.21 to $2.42, inclusive.", "2.21", "2.42")]
    [InlineData("Weighted-average sale price; the shares were sold at prices between $1,001.10 and $1,003.95.", "1001.10", "1003.95")]
    public void A_weighted_average_footnote_gives_its_range(string text, string low, string high)
    {
        Assert.True(OwnershipFootnotes.TryParsePriceRange(text, out var range));
        Assert.Equal(decimal.Parse(low, System.Globalization.CultureInfo.InvariantCulture), range.Low);
        Assert.Equal(decimal.Parse(high, System.Globalization.CultureInfo.InvariantCulture), range.High);
        Assert.True(range.Contains(range.Low) && range.Contains(range.High));
    }

    [Theory]
    [InlineData("Prices ranged from $6.50 to $6.52.")]
    [InlineData("This price is a weighted average price.")]
    [InlineData("")]
    public void A_footnote_without_both_a_weighted_average_and_a_range_gives_none(string text)
    {
        Assert.False(OwnershipFootnotes.TryParsePriceRange(text, out _));
    }

    [Theory]
    [InlineData("effected pursuant to a Rule 10b5-1 trading plan", true)]
    [InlineData("under a 10b51 plan", true)]
    [InlineData("a bona fide gift", false)]
    public void A_10b5_1_plan_is_recognised_in_footnote_text(string text, bool expected)
    {
        Assert.Equal(expected, OwnershipFootnotes.MentionsRule10b5One(text));
    }
}
