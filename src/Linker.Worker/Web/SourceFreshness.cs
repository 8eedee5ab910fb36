using System.Globalization;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Store;

namespace OkrLinker.Worker.Web;

/// <summary>
/// Judges one source for /readyz: stale once its last success is more than <see cref="IntervalsAllowed"/> schedule
/// intervals old. A source that never succeeded gets the same allowance counted from the process start, so a fresh
/// node is not unready before its first sync could have run. A failed run alone does not make a source unready.
/// </summary>
internal static class SourceFreshness
{
    public const int IntervalsAllowed = 3;

    public static SourceReadiness Judge(SourceOptions source, SourceRow? row, DateTimeOffset now, DateTimeOffset startedAt)
    {
        var lastSuccess = row?.LastSuccessAt;
        var age = lastSuccess is { } at ? WholeSeconds(now - at) : (long?)null;
        var judged = new SourceReadiness(source.Name, source.Kind, row?.LastRunAt, lastSuccess, age, row?.LastError, true, null);

        if (!ScheduleInterval.TryMeasure(source.Schedule, now, out var interval))
        {
            return judged with { Ready = false, Reason = $"source '{source.Name}': Schedule '{source.Schedule}' is not a Quartz cron expression" };
        }

        if (interval is not { } gap)
        {
            return judged with { Reason = $"source '{source.Name}': its Schedule fires no more, so its age is not judged" };
        }

        var allowed = gap * IntervalsAllowed;
        var allowance = $"more than {IntervalsAllowed} schedule intervals ({WholeSeconds(allowed)} s)";
        if (lastSuccess is { } success)
        {
            if (now - success > allowed)
            {
                return judged with { Ready = false, Reason = $"source '{source.Name}' last succeeded {age} s ago, {allowance}" };
            }

            return row?.LastError is null
                ? judged
                : judged with { Reason = $"source '{source.Name}': its last run failed, but its last success is within {IntervalsAllowed} schedule intervals" };
        }

        var running = now - startedAt;
        if (running > allowed)
        {
            return judged with
            {
                Ready = false,
                Reason = $"source '{source.Name}' has never succeeded and the process started {WholeSeconds(running)} s ago, {allowance}",
            };
        }

        var deadline = (startedAt + allowed).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return judged with { Reason = $"source '{source.Name}' has not succeeded yet; it has until {deadline}" };
    }

    private static long WholeSeconds(TimeSpan span) => (long)Math.Floor(span.TotalSeconds);
}
