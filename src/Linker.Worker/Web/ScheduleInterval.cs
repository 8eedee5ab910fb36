using Quartz;

namespace OkrLinker.Worker.Web;

/// <summary>How often a source's Quartz cron fires, as the gap between its next two fire times.</summary>
internal static class ScheduleInterval
{
    /// <summary>
    /// False when <paramref name="cron"/> is not a Quartz cron expression. <paramref name="interval"/> is null when
    /// the schedule fires fewer than twice more after <paramref name="now"/>. Read in UTC: an irregular schedule
    /// (weekdays only) gives the gap that lies ahead, which is the one a stale source is late for.
    /// </summary>
    public static bool TryMeasure(string? cron, DateTimeOffset now, out TimeSpan? interval)
    {
        interval = null;
        if (!CronExpression.TryParse(cron, out var parsed) || parsed is null)
        {
            return false;
        }

        var expression = parsed.WithTimeZone(TimeZoneInfo.Utc);
        if (expression.GetNextValidTimeAfter(now) is { } first && expression.GetNextValidTimeAfter(first) is { } second)
        {
            interval = second - first;
        }

        return true;
    }
}
