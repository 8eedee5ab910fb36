namespace OkrLinker.Core.Figures;

/// <summary>Calendar days of a time zone as instants (week and period bounds).</summary>
internal static class LocalDay
{
    // Midnight can fall in a DST gap in a few zones; the first valid instant after it starts the day.
    public static DateTimeOffset Start(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
