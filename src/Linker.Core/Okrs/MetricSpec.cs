namespace OkrLinker.Core.Okrs;

/// <summary>Where a KR's current value comes from: a provider name, its query, and a display unit.</summary>
public sealed record MetricSpec(string Provider, string Query, string? Unit);
