using OkrLinker.Core.Okrs;

namespace OkrLinker.Core.Metrics;

/// <summary>What to read: one KR's metric over a time range (UTC instants, both ends included).</summary>
/// <param name="KrId">The KR the samples belong to; every returned sample carries it.</param>
/// <param name="Metric">The KR's <c>metric</c> from okrs.yaml.</param>
/// <param name="From">Usually the period start, or the last stored sample when only new values are wanted.</param>
/// <param name="To">Usually now.</param>
public sealed record MetricRequest(string KrId, MetricSpec Metric, DateTimeOffset From, DateTimeOffset To);
