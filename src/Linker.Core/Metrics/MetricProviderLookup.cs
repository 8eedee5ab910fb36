namespace OkrLinker.Core.Metrics;

/// <summary>
/// The provider a KR's <c>metric.provider</c> names (a <c>Metrics.Providers</c> entry or <c>tracker</c>),
/// or null when there is none: <see cref="MetricProviderCatalog.Find"/> in the host, a hand-made lookup in tests.
/// </summary>
public delegate IMetricProvider? MetricProviderLookup(string name);
