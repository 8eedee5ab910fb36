namespace OkrLinker.Core.Reports;

/// <summary>
/// A KR's line-of-sight (every non-Removed item linked to it, not limited to the week) and its
/// instrumentation. <see cref="Progress"/> = (current − baseline) / (target − baseline), null when
/// any of them is missing or target equals baseline.
/// </summary>
public sealed record KeyResultReport(
    string Id,
    string Title,
    double? Baseline,
    double Target,
    double? Current,
    double? Progress,
    string? Unit,
    KrItemCounts Items,
    double Points,
    DateTimeOffset? LastActivity,
    IReadOnlyList<string> Teams,
    IReadOnlyList<string> Flags);
