using OkrLinker.Core.Metrics;
using OkrLinker.Core.Reports;

namespace OkrLinker.Core.Figures;

/// <summary>What the store knows about the KRs' metrics: their samples, captured baselines and failed last pulls.</summary>
/// <param name="Baselines">KR id → the captured period-start value with its provenance.</param>
/// <param name="PullErrors">KR id → why its last pull failed; a KR whose last pull succeeded is absent.</param>
public sealed record MetricHistory(
    IReadOnlyList<MetricSample> Samples,
    IReadOnlyDictionary<string, BaselineSource> Baselines,
    IReadOnlyDictionary<string, string> PullErrors)
{
    public static MetricHistory Of(IReadOnlyList<MetricSample> samples) =>
        new(samples, new Dictionary<string, BaselineSource>(), new Dictionary<string, string>());
}
