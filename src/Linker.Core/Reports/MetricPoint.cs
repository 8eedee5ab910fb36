namespace OkrLinker.Core.Reports;

/// <summary>One sample of a KR's metric as the report lists it.</summary>
public sealed record MetricPoint(DateTimeOffset At, double Value);
