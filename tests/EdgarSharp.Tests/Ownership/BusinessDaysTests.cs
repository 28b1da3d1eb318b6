using EdgarSharp.Ownership;

namespace EdgarSharp.Tests.Ownership;

/// <summary><see cref="BusinessDays"/>: weekdays less US federal holidays as observed.</summary>
public class BusinessDaysTests
{
    [Theory]
    [InlineData("2009-11-17", "2009-11-19")]
    [InlineData("2024-03-14", "2024-03-18")]
    [InlineData("2024-07-03", "2024-07-08")]
    [InlineData("2023-12-22", "2023-12-27")]
    [InlineData("2021-06-17", "2021-06-22")]
    public void The_second_business_day_skips_weekends_and_holidays(string from, string expected)
    {
        var f = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), BusinessDays.Add(f, 2));
    }

    [Fact]
    public void Holidays_falling_on_a_weekend_are_observed_on_the_nearest_weekday()
    {
        Assert.True(BusinessDays.IsFederalHoliday(new DateOnly(2021, 12, 24)));
        Assert.True(BusinessDays.IsFederalHoliday(new DateOnly(2022, 12, 26)));
        Assert.True(BusinessDays.IsFederalHoliday(new DateOnly(2024, 11, 28)));
        Assert.False(BusinessDays.IsBusinessDay(new DateOnly(2024, 3, 16)));
        Assert.True(BusinessDays.IsBusinessDay(new DateOnly(2024, 3, 15)));
    }
}
