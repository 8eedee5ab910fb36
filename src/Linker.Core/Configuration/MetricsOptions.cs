namespace OkrLinker.Core.Configuration;

/// <summary><c>Metrics</c> in linker.json (DESIGN.md §3): where KR values come from and when they are pulled.</summary>
public sealed class MetricsOptions
{
    /// <summary>Quartz cron (UTC) of the worker's metric pull. Default daily at 06:00.</summary>
    public string Schedule { get; set; } = "0 0 6 * * ?";

    /// <summary>The data sources okrs.yaml names by <c>metric.provider</c>; <c>tracker</c> is built in and needs no entry.</summary>
    public List<MetricProviderOptions> Providers { get; set; } = [];
}
