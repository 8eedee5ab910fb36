using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OkrLinker.Core.Sync;

/// <summary>
/// What the sync engine has done in this process, per source, as instruments of the <see cref="MeterName"/> meter:
/// the running totals are observed from <see cref="SourceSyncStatistics"/> (so every source a scrape declares
/// with <see cref="For"/> shows at zero before its first sync, giving rate() a start), and each scope sync's
/// duration goes into a histogram. The engine's spans come from <see cref="ActivitySource"/>.
/// </summary>
public sealed class SyncMetrics
{
    /// <summary>The meter and the activity source of the sync engine.</summary>
    public const string MeterName = "OkrLinker.Sync";

    /// <summary>One span per scope sync ("sync scope") and per page read and committed ("sync page").</summary>
    public static readonly ActivitySource ActivitySource = new(MeterName);

    /// <summary>Bucket bounds in seconds for sync and job durations: a page-sized sync to a 45,000-item day.</summary>
    public static readonly IReadOnlyList<double> DurationBuckets = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];

    private readonly ConcurrentDictionary<string, SourceSyncStatistics> sources = new(StringComparer.OrdinalIgnoreCase);
    private readonly Histogram<double>? scopeDuration;
    private readonly Counter<long>? pages;

    /// <summary>Totals only, no instruments: for code that runs the engine without a host.</summary>
    public SyncMetrics()
    {
    }

    public SyncMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        meter.CreateObservableCounter("okrlinker_source_items_synced", () => Observe(s => s.ItemsSynced), description: "Work items written (new, changed or removed) by the source's syncs.");
        meter.CreateObservableCounter("okrlinker_source_sync_runs", () => Observe(s => s.Runs), description: "Scope syncs run for the source.");
        meter.CreateObservableCounter("okrlinker_source_sync_failures", () => Observe(s => s.Failures), description: "Scope syncs of the source that failed.");
        meter.CreateObservableGauge("okrlinker_source_sync_duration_seconds", () => Observe(s => s.LastDuration.TotalSeconds), description: "Duration of the source's last scope sync in seconds.");
        scopeDuration = meter.CreateHistogram(
            "okrlinker_scope_sync_duration_seconds",
            unit: null,
            description: "Duration of each scope sync in seconds, by source, scope and outcome.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        pages = meter.CreateCounter<long>("okrlinker_source_pages_synced", description: "Pages read and committed by the source's syncs.");
    }

    public SourceSyncStatistics For(string source) => sources.GetOrAdd(source, name => new SourceSyncStatistics(name));

    public IReadOnlyList<SourceSyncStatistics> All => [.. sources.Values.OrderBy(s => s.Source, StringComparer.Ordinal)];

    internal void RecordPage(string source) => pages?.Add(1, new KeyValuePair<string, object?>("source", source));

    internal void Record(string source, ScopeSyncResult result, DateTimeOffset at)
    {
        For(source).Record(result, at);
        scopeDuration?.Record(
            result.Duration.TotalSeconds,
            new KeyValuePair<string, object?>("source", source),
            new KeyValuePair<string, object?>("scope", result.ScopeId),
            new KeyValuePair<string, object?>("outcome", result.Stopped ? "stopped" : result.Succeeded ? "succeeded" : "failed"));
    }

    private IEnumerable<Measurement<T>> Observe<T>(Func<SourceSyncStatistics, T> value)
        where T : struct =>
        All.Select(s => new Measurement<T>(value(s), new KeyValuePair<string, object?>("source", s.Source)));
}
