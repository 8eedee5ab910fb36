using OkrLinker.Core.Figures;

namespace OkrLinker.Core.Tests.Figures;

/// <summary>
/// The zone and week the figure tests use. 2026-W45 runs Monday 2026-11-02 to Monday 2026-11-09;
/// Berlin is on CET (UTC+1) then, so the week is 2026-11-01T23:00Z to 2026-11-08T23:00Z — each bound
/// on a different UTC date than the local one. The period 2026-Q4 starts 2026-10-01 00:00 CEST = 2026-09-30T22:00Z.
/// </summary>
internal static class Berlin
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public static readonly IsoWeek Week = new(2026, 45);

    public static readonly DateTimeOffset WeekFrom = Utc(2026, 11, 1, 23, 0);

    public static readonly DateTimeOffset WeekTo = Utc(2026, 11, 8, 23, 0);

    /// <summary>Monday 2026-11-09 09:00 in Berlin, when the report for W45 is made.</summary>
    public static readonly DateTimeOffset Now = Utc(2026, 11, 9, 8, 0);

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.Zero);
}
