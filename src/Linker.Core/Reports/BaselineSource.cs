namespace OkrLinker.Core.Reports;

/// <summary>
/// Where a baseline pulled from the metric came from: the provider, the query, the time and value of the
/// sample, and when it was captured (null when the figures picked it from the samples before any capture).
/// </summary>
public sealed record BaselineSource(string Provider, string Query, DateTimeOffset At, double Value, DateTimeOffset? CapturedAt);
