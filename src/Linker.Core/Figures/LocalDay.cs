namespace OkrLinker.Core.Figures;

/// <summary>Calendar days of a time zone as instants (the OKR period's bounds).</summary>
internal static class LocalDay
{
    // Same rule as IsoWeek.Bounds: midnight inside a DST gap starts the day at the first valid instant.
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
