namespace EdgarSharp.Edgar;

/// <summary>
/// US Eastern time (America/New_York), the zone of every EDGAR acceptance time, computed from the US daylight-saving
/// rules rather than the machine's time-zone database, so results are the same everywhere (containers without tzdata,
/// invariant globalization). Rules: from 2007, second Sunday of March to first Sunday of November; 1987-2006, first
/// Sunday of April to last Sunday of October; 1967-1986, last Sunday of April to last Sunday of October; daylight time
/// starts and ends at 02:00 local. An ambiguous wall-clock time (the repeated hour in November) takes the daylight
/// offset (the earlier instant); a time in the skipped hour of March takes the standard offset. Thread-safe, no
/// allocation.
/// </summary>
public static class UsEastern
{
    /// <summary>Standard time: UTC-05:00.</summary>
    public static readonly TimeSpan StandardOffset = TimeSpan.FromHours(-5);

    /// <summary>Daylight time: UTC-04:00.</summary>
    public static readonly TimeSpan DaylightOffset = TimeSpan.FromHours(-4);

    /// <summary>The UTC offset in force in New York at the wall-clock time <paramref name="local"/>.</summary>
    public static TimeSpan OffsetAt(DateTime local)
    {
        var year = local.Year;
        if (year < 1967)
        {
            return StandardOffset;
        }
        DateTime start, end;
        if (year >= 2007)
        {
            start = NthSunday(year, 3, 2);
            end = NthSunday(year, 11, 1);
        }
        else if (year >= 1987)
        {
            start = NthSunday(year, 4, 1);
            end = LastSunday(year, 10);
        }
        else
        {
            start = LastSunday(year, 4);
            end = LastSunday(year, 10);
        }
        // Daylight from 02:00 standard (03:00 daylight) at start; until 02:00 daylight (01:00 standard) at end.
        // The repeated hour 01:00-01:59 at the end is read as daylight time.
        var dstStart = start.AddHours(2);
        var dstEnd = end.AddHours(2);
        if (local >= dstStart.AddHours(1) && local < dstEnd)
        {
            return DaylightOffset;
        }
        return StandardOffset;
    }

    /// <summary>The wall-clock time <paramref name="local"/> in New York with its offset.</summary>
    public static DateTimeOffset ToOffset(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, OffsetAt(unspecified));
    }

    private static DateTime NthSunday(int year, int month, int n)
    {
        var first = new DateTime(year, month, 1);
        var delta = ((int)DayOfWeek.Sunday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(delta + (7 * (n - 1)));
    }

    private static DateTime LastSunday(int year, int month)
    {
        var last = new DateTime(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(int)last.DayOfWeek);
    }
}
