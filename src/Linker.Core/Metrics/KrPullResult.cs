namespace OkrLinker.Core.Metrics;

/// <summary>What one KR's pull did, and the KR's values after it.</summary>
/// <param name="Provider">The provider the KR names, or null when the KR has no metric.</param>
/// <param name="NewSamples">Samples stored by this pull (values already stored are not counted).</param>
/// <param name="Error">Why the provider could not be read; null when it was.</param>
/// <param name="Baseline">The KR's own baseline, else the captured period-start value, else null.</param>
/// <param name="Current">The latest stored sample at or before the pull, or null.</param>
public sealed record KrPullResult(
    string KrId,
    string? Provider,
    int NewSamples,
    string? Error,
    double? Baseline,
    double? Current,
    double Target,
    string? Unit)
{
    public bool Succeeded => Error is null;
}
