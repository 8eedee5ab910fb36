namespace OkrLinker.Core.Metrics;

/// <summary>One value of a KR's metric at an instant.</summary>
public sealed record MetricSample(string KrId, DateTimeOffset At, double Value);
