using OkrLinker.Core.Items;
using OkrLinker.Core.Metrics;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Reports;

namespace OkrLinker.Core.Figures;

/// <summary>
/// One KR's line-of-sight, instrumentation and flags (DESIGN.md §8).
/// </summary>
/// <param name="recentWeeks">The report's week and the three before it, for <c>no-work</c>.</param>
/// <param name="periodStart">The first instant of the OKR period in the report's zone.</param>
/// <param name="periodEnd">The first instant after the period's last day.</param>
/// <param name="now">When the report is made; later samples are not known yet.</param>
internal sealed class KeyResultFigures(
    IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> recentWeeks,
    DateTimeOffset periodStart,
    DateTimeOffset periodEnd,
    DateTimeOffset now)
{
    private static readonly TimeSpan FreshMetric = TimeSpan.FromDays(7);

    /// <param name="items">The non-Removed items linked to the KR.</param>
    /// <param name="samples">The KR's samples at or before now, oldest first.</param>
    public KeyResultReport Build(KeyResult kr, IReadOnlyList<WorkItem> items, IReadOnlyList<MetricSample> samples)
    {
        var baseline = kr.Baseline ?? samples.FirstOrDefault(s => s.At >= periodStart)?.Value;
        var current = samples.Count > 0 ? samples[^1].Value : (double?)null;
        var progress = baseline is { } b && current is { } c && kr.Target != b ? (c - b) / (kr.Target - b) : (double?)null;

        var counts = new KrItemCounts(
            items.Count,
            items.Count(i => i.Category == StateCategory.ToDo),
            items.Count(i => i.Category == StateCategory.InProgress),
            items.Count(i => i.Category == StateCategory.Done));

        return new KeyResultReport(
            kr.Id,
            kr.Title,
            baseline,
            kr.Target,
            current,
            progress is { } p ? Share.Round(p) : null,
            kr.Metric?.Unit,
            counts,
            items.Sum(i => i.StoryPoints ?? 0),
            items.Count > 0 ? items.Max(i => i.Updated) : null,
            [.. items.Select(i => i.Team).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)],
            Flags(kr, items, samples, baseline, progress));
    }

    private List<string> Flags(
        KeyResult kr, IReadOnlyList<WorkItem> items, IReadOnlyList<MetricSample> samples, double? baseline, double? progress)
    {
        var flags = new List<string>();
        if (!items.Any(i => recentWeeks.Any(w => FigureCalculator.IsInScope(i, w.From, w.To))))
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

        if (kr.Metric is not null && !samples.Any(s => s.At >= now - FreshMetric))
        {
            flags.Add(KrFlags.StaleMetric);
        }

        // Raised only when progress is known: with no baseline or current value there is no evidence the
        // metric stood still, and no-baseline / no-metric / stale-metric already say what is missing.
        // The unrounded progress decides, so any movement toward the target counts as movement.
        if (progress <= 0 && items.Any(DoneInPeriod))
        {
            flags.Add(KrFlags.ActivityWithoutMovement);
        }

        return flags;
    }

    private bool DoneInPeriod(WorkItem item) =>
        item.Category == StateCategory.Done && item.Resolved is { } resolved && resolved >= periodStart && resolved < periodEnd;
}
