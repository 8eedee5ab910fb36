namespace OkrLinker.Core.Okrs;

/// <summary>
/// A key result. <see cref="Baseline"/> may be absent (then pulled from the metric at period start).
/// </summary>
public sealed record KeyResult(
    string Id,
    string ObjectiveId,
    string Title,
    double? Baseline,
    double Target,
    MetricSpec? Metric);
