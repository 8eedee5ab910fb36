namespace OkrLinker.Samples;

/// <summary>The calendar of the story: period, report week, export moment.</summary>
internal static class Calendar
{
    public static readonly DateTime Start = Utc(2026, 8, 15, 0, 0);
    public static readonly DateTime WeekStart = Utc(2026, 11, 16, 0, 0);
    public static readonly DateTime WeekEnd = Utc(2026, 11, 23, 0, 0);
    public static readonly DateTime Export = Utc(2026, 11, 22, 10, 30);

    public static DateTime Utc(int y, int m, int d, int h, int min) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    public static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    public static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    /// <summary>Most work happens on weekdays in office hours; try a few draws for one, else any instant.</summary>
    public static DateTime Draw(Rng rng, DateTime low, DateTime high)
    {
        if (high <= low)
        {
            return Trim(low);
        }

        var span = (high - low).TotalSeconds;
        var candidate = low;
        for (var attempt = 0; attempt < 12; attempt++)
        {
            candidate = low.AddSeconds(rng.Unit() * span);
            if (candidate.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && candidate.Hour is >= 7 and < 19)
            {
                break;
            }
        }

        return Trim(candidate);
    }

    // Vendors keep milliseconds at most.
    private static DateTime Trim(DateTime t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}
