namespace OkrLinker.Core.Metrics;

/// <summary>
/// The provider a KR's <c>metric.provider</c> names (a <c>Metrics.Providers</c> entry or <c>tracker</c>),
/// or null when there is none. The default matches the registered <see cref="IMetricProvider"/>s by name.
/// </summary>
public delegate IMetricProvider? MetricProviderLookup(string name);
