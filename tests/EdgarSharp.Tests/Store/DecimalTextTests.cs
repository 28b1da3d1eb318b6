using EdgarSharp.Storage;

namespace EdgarSharp.Tests.Store;

public class DecimalTextTests
{
    [Theory]
    [InlineData("271250.5", "271250.5")]
    [InlineData("271250.50", "271250.5")]
    [InlineData("0.29", "0.29")]
    [InlineData("6.5000", "6.5")]
    [InlineData("19500", "19500")]
    [InlineData("19500.000", "19500")]
    [InlineData("-0.0", "0")]
    [InlineData("-3.10", "-3.1")]
    public void Canonical_text_is_invariant_with_trailing_zeros_trimmed(string input, string expected)
    {
        var value = decimal.Parse(input, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, DecimalText.Canonical(value));
        Assert.Equal(value, DecimalText.Parse(DecimalText.Canonical(value)));
    }

    [Fact]
    public void Sort_keys_order_ordinally_as_the_numbers_do()
    {
        decimal[] values = [-271250.5m, -10m, -0.29m, 0m, 0.29m, 0.3m, 6.5m, 10m, 19500m, 271250.5m, 79228162514264337593543950335m];
        var shuffled = values.Reverse().ToList();

        var sorted = shuffled.OrderBy(DecimalText.SortKey, StringComparer.Ordinal).ToList();

        Assert.Equal(values, sorted);
    }
}
