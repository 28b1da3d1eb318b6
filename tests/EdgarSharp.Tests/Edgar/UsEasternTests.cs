using EdgarSharp.Edgar;

namespace EdgarSharp.Tests.Edgar;

/// <summary>New York offsets by the US rules of each era, including the hours that repeat or do not exist.</summary>
public class UsEasternTests
{
    [Theory]
    [InlineData(2024, 1, 5, 12, -5)]
    [InlineData(2024, 7, 1, 12, -4)]
    [InlineData(2024, 3, 10, 1, -5)] // before the change
    [InlineData(2024, 3, 10, 2, -5)] // the skipped hour reads as standard time
    [InlineData(2024, 3, 10, 3, -4)]
    [InlineData(2024, 11, 3, 0, -4)]
    [InlineData(2024, 11, 3, 1, -4)] // the repeated hour reads as daylight time
    [InlineData(2024, 11, 3, 2, -5)]
    [InlineData(2000, 4, 2, 3, -4)]  // 1987-2006: first Sunday of April
    [InlineData(2000, 10, 29, 2, -5)] // last Sunday of October
    [InlineData(2000, 10, 28, 23, -4)]
    [InlineData(1980, 4, 27, 3, -4)] // 1967-1986: last Sunday of April
    [InlineData(1980, 4, 20, 12, -5)]
    public void The_offset_follows_the_rules_of_the_year(int year, int month, int day, int hour, int offset) =>
        Assert.Equal(TimeSpan.FromHours(offset), UsEastern.OffsetAt(new DateTime(year, month, day, hour, 30, 0)));

    [Fact]
    public void The_offset_agrees_with_the_time_zone_database_where_there_is_one()
    {
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        }
        catch (TimeZoneNotFoundException)
        {
            Assert.Skip("This machine has no time-zone database.");
            return;
        }
        for (var t = new DateTime(1990, 1, 1); t < new DateTime(2030, 1, 1); t = t.AddHours(7))
        {
            if (zone.IsAmbiguousTime(t) || zone.IsInvalidTime(t))
            {
                continue;
            }
            Assert.Equal(zone.GetUtcOffset(t), UsEastern.OffsetAt(t));
        }
    }
}
