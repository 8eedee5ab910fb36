using Quartz;

namespace OkrLinker.Worker.Scheduling;

/// <summary>Fire times of a cron expression around an instant.</summary>
internal static class CronTimes
{
    public static CronExpression Parse(string cron, TimeZoneInfo zone) => new(cron, zone);

    public static bool IsValid(string cron)
    {
        try
        {
            _ = new CronExpression(cron);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The last fire time at or before <paramref name="now"/> within <paramref name="lookBack"/>, or null.</summary>
    public static DateTimeOffset? Previous(CronExpression cron, DateTimeOffset now, TimeSpan lookBack)
    {
        DateTimeOffset? last = null;
        var at = cron.GetNextValidTimeAfter(now - lookBack);
        for (var steps = 0; at is { } fire && fire <= now && steps < 200_000; steps++)
        {
            last = fire;
            at = cron.GetNextValidTimeAfter(fire);
        }

        return last;
    }

    /// <summary>The gap between the next two fire times: the schedule's interval.</summary>
    public static TimeSpan Interval(CronExpression cron, DateTimeOffset now)
    {
        var first = cron.GetNextValidTimeAfter(now);
        var second = first is { } f ? cron.GetNextValidTimeAfter(f) : null;
        return first is { } a && second is { } b ? b - a : TimeSpan.FromDays(1);
    }
}
