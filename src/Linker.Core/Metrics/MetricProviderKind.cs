using OkrLinker.Core.Configuration;

namespace OkrLinker.Core.Metrics;

/// <summary>
/// How a metric provider kind enters: its <c>Add…MetricProvider</c> extension registers one of these,
/// and the <c>Kind</c> of each <c>Metrics.Providers</c> entry picks the one that builds it.
/// </summary>
/// <param name="Kind">The <c>Metrics.Providers[].Kind</c> value, matched case-insensitively.</param>
/// <param name="Create">Builds the provider for one configured entry; throws <see cref="LinkerConfigException"/> on bad settings.</param>
public sealed record MetricProviderKind(string Kind, Func<IServiceProvider, MetricProviderOptions, IMetricProvider> Create)
{
    /// <summary>
    /// The kind's own settings checks, run at start with the rest of the config: each failure reads
    /// <c>Key: problem</c> with the key relative to the entry (<c>BaseUrl: is required</c>). Default: none.
    /// </summary>
    public Func<MetricProviderOptions, IEnumerable<string>> Validate { get; init; } = static _ => [];
}
