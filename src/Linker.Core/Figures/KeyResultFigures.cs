using System.Runtime.CompilerServices;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Metrics;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Reports;

namespace OkrLinker.Core.Figures;

/// <summary>
/// One KR's line-of-sight, instrumentation, status and flags (DESIGN.md §8).
/// </summary>
/// <param name="recentWeeks">The report's week and the three before it, for <c>no-work</c>.</param>
/// <param name="periodStart">The first instant of the OKR period in the report's zone.</param>
/// <param name="periodEnd">The first instant after the period's last day.</param>
/// <param name="weekEnd">The end of the report's week: the current value is the latest sample at or before it.</param>
/// <param name="now">When the report is made; later samples are not known yet.</param>
internal sealed class KeyResultFigures(
    IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> recentWeeks,
    DateTimeOffset periodStart,
    DateTimeOffset periodEnd,
    DateTimeOffset weekEnd,
    DateTimeOffset now,
    StatusOptions thresholds)
{
    private static readonly TimeSpan FreshMetric = TimeSpan.FromDays(7);
    private const decimal MismatchShare = 0.10m;

    private readonly (long From, long To)[] recentTicks = [.. recentWeeks.Select(w => (w.From.UtcTicks, w.To.UtcTicks))];

    /// <summary>The share of the period elapsed at the week's end, 0 to 1.</summary>
    public double Expected { get; } = Share.Round(Math.Clamp((weekEnd - periodStart) / (periodEnd - periodStart), 0, 1));

    /// <param name="items">The non-Removed items linked to the KR, tallied.</param>
    /// <param name="samples">The KR's samples at or before now, oldest first.</param>
    /// <param name="captured">The KR's captured period-start value, if a pull captured one.</param>
    /// <param name="pullError">Why the KR's last pull failed, or null.</param>
    public KeyResultReport Build(
        KeyResult kr, KrTally items, IReadOnlyList<MetricSample> samples, BaselineSource? captured, string? pullError)
    {
        var known = samples.Where(s => s.At <= weekEnd).ToList();
        var current = known.Count > 0 ? known[^1].Value : (double?)null;
        var metricStart = captured ?? PickPeriodStart(kr, samples);
        var baseline = kr.Baseline ?? metricStart?.Value;
        var progress = baseline is { } b && current is { } c && kr.Target != b ? (c - b) / (kr.Target - b) : (double?)null;
        var shown = progress is { } p ? Share.Round(p) : (double?)null;

        var counts = new KrItemCounts(items.Total, items.ToDo, items.InProgress, items.Done);
        var staleReason = StaleReason(kr, known, pullError);

        return new KeyResultReport(
            kr.Id,
            kr.Title,
            baseline,
            kr.Target,
            current,
            shown,
            Expected,
            Status(shown),
            kr.Baseline is null ? metricStart : null,
            [.. known.Where(s => s.At >= periodStart).Select(s => new MetricPoint(s.At, s.Value))],
            kr.Metric?.Unit,
            counts,
            items.Points,
            items.LastActivity,
            items.Teams(),
            Flags(kr, items, baseline, progress, staleReason, metricStart),
            staleReason);
    }

    /// <summary>Whether the item was in scope in the report's week or one of the three before it (<c>no-work</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool IsRecentWork(WorkItem item)
    {
        // FigureCalculator.IsInScope for each week, on UTC ticks and over an array: this is asked for each of the
        // 400,000 linked items of a million, and an enumerator of the weeks for each was 13 MB of garbage.
        var category = item.Category;
        if (category == StateCategory.InProgress)
        {
            var created = item.Created.UtcTicks;
            foreach (var (_, to) in recentTicks)
            {
                if (created < to)
                {
                    return true;
                }
            }
        }
        else if (category == StateCategory.Done && item.Resolved is { } resolved)
        {
            var at = resolved.UtcTicks;
            foreach (var (from, to) in recentTicks)
            {
                if (at >= from && at < to)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether the item was resolved as Done inside the OKR period (<c>activity-without-movement</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool DoneInPeriod(WorkItem item) =>
        item.Category == StateCategory.Done && item.Resolved is { } resolved && resolved >= periodStart && resolved < periodEnd;

    // The status is decided on the progress and expected share as the report shows them (4 places), in
    // decimal, so a KR exactly on a threshold lands where a reader checking the numbers expects it.
    private string? Status(double? progress)
    {
        if (progress is not { } p)
        {
            return null;
        }

        var behind = (decimal)Expected - (decimal)p;
        return behind <= (decimal)thresholds.AtRisk ? KrStatus.OnTrack
            : behind <= (decimal)thresholds.OffTrack ? KrStatus.AtRisk
            : KrStatus.OffTrack;
    }

    private BaselineSource? PickPeriodStart(KeyResult kr, IReadOnlyList<MetricSample> samples) =>
        kr.Metric is { } metric && PeriodStartValue.Pick(samples, s => s.At, periodStart) is { } sample
            ? new BaselineSource(metric.Provider, MetricPuller.QueryText(metric), sample.At, sample.Value, null)
            : null;

    // A sample is fresh when it falls in the 7 days before the week's end, or before now for a week still
    // running (a report on Monday morning must not call Sunday's value stale).
    private string? StaleReason(KeyResult kr, List<MetricSample> known, string? pullError)
    {
        if (kr.Metric is null)
        {
            return null;
        }

        if (pullError is not null)
        {
            return pullError;
        }

        var reference = weekEnd < now ? weekEnd : now;
        if (known.Count == 0)
        {
            return "no sample yet";
        }

        var last = known[^1].At;
        return last >= reference - FreshMetric
            ? null
            : FormattableString.Invariant($"no sample in the 7 days before {reference:yyyy-MM-dd HH:mm} UTC (the last is from {last:yyyy-MM-dd HH:mm} UTC)");
    }

    private static List<string> Flags(
        KeyResult kr, KrTally items, double? baseline, double? progress, string? staleReason, BaselineSource? metricStart)
    {
        var flags = new List<string>();
        if (!items.RecentWork)
        {
            flags.Add(KrFlags.NoWork);
        }

        if (kr.Metric is null)
        {
            flags.Add(KrFlags.NoMetric);
        }

        if (baseline is null)
        {
            flags.Add(KrFlags.NoBaseline);
        }

        if (staleReason is not null)
        {
            flags.Add(KrFlags.StaleMetric);
        }

        // Raised only when progress is known: with no baseline or current value there is no evidence the
        // metric stood still, and no-baseline / no-metric / stale-metric already say what is missing.
        // The unrounded progress decides, so any movement toward the target counts as movement.
        if (progress <= 0 && items.DoneInPeriod)
        {
            flags.Add(KrFlags.ActivityWithoutMovement);
        }

        if (kr.Baseline is { } own && metricStart is { } start
            && Math.Abs((decimal)start.Value - (decimal)own) > MismatchShare * Math.Abs((decimal)own))
        {
            flags.Add(KrFlags.BaselineMismatch);
        }

        return flags;
    }
}
