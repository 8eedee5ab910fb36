namespace OkrLinker.Core.Reports;

/// <summary>
/// A KR's line-of-sight (every non-Removed item linked to it, not limited to the week) and its
/// instrumentation (DESIGN.md §8, §9). <see cref="Progress"/> = (current − baseline) / (target − baseline),
/// null when any of them is missing or target equals baseline; <see cref="Expected"/> is the share of the
/// period elapsed at the week's end; <see cref="Status"/> is null without progress.
/// </summary>
/// <param name="BaselineSource">Where a baseline taken from the metric came from; null when okrs.yaml gives it or there is none.</param>
/// <param name="Samples">The period's samples up to the week's end, oldest first.</param>
/// <param name="StaleReason">Why the KR carries <c>stale-metric</c>: the last pull's error, or since when no sample came.</param>
public sealed record KeyResultReport(
    string Id,
    string Title,
    double? Baseline,
    double Target,
    double? Current,
    double? Progress,
    double Expected,
    string? Status,
    BaselineSource? BaselineSource,
    IReadOnlyList<MetricPoint> Samples,
    string? Unit,
    KrItemCounts Items,
    double Points,
    DateTimeOffset? LastActivity,
    IReadOnlyList<string> Teams,
    IReadOnlyList<string> Flags,
    string? StaleReason);
