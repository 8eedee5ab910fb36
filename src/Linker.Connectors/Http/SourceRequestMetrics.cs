using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace OkrLinker.Connectors.Http;

/// <summary>
/// The counters of every source that made HTTP calls; one singleton per process. With a meter factory they are
/// the observable instruments of the <see cref="MeterName"/> meter, one series per source (and status class).
/// </summary>
public sealed class SourceRequestMetrics
{
    /// <summary>The HTTP layer's meter.</summary>
    public const string MeterName = "OkrLinker.Http";

    // Source names are unique case-insensitively (config validation), so the counters are keyed the same way.
    private readonly ConcurrentDictionary<string, SourceRequestCounters> bySource = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Counters only, no instruments: for clients built without a host.</summary>
    public SourceRequestMetrics()
    {
    }

    public SourceRequestMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        meter.CreateObservableCounter("okrlinker_source_requests", () => Observe(c => c.Requests), description: "HTTP attempts sent to the source, retries and attempts after rate-limit waits included.");
        meter.CreateObservableCounter("okrlinker_source_responses", ObserveResponses, description: "Complete HTTP responses from the source by status class.");
        meter.CreateObservableCounter("okrlinker_source_retries", () => Observe(c => c.Retries), description: "HTTP attempts repeated after a 5xx or 408, a dropped connection, a truncated body or a timeout.");
        meter.CreateObservableCounter("okrlinker_source_rate_limit_waits", () => Observe(c => c.RateLimitWaits), description: "Pauses for the source's rate limits.");
        meter.CreateObservableCounter("okrlinker_source_rate_limit_wait_seconds", () => Observe(c => c.RateLimitWaited.TotalSeconds), description: "Seconds spent pausing for the source's rate limits.");
        meter.CreateObservableCounter("okrlinker_source_auth_failures", () => Observe(c => c.AuthFailures), description: "Responses that rejected the source's credentials (401, non-rate-limit 403).");
    }

    /// <summary>The counters of <paramref name="source"/>, created on first use.</summary>
    public SourceRequestCounters For(string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return bySource.GetOrAdd(source, static name => new SourceRequestCounters(name));
    }

    /// <summary>Every source's counters, ordered by source name.</summary>
    public IReadOnlyList<SourceRequestCounters> All =>
        [.. bySource.Values.OrderBy(c => c.Source, StringComparer.OrdinalIgnoreCase)];

    private IEnumerable<Measurement<T>> Observe<T>(Func<SourceRequestCounters, T> value)
        where T : struct =>
        All.Select(c => new Measurement<T>(value(c), new KeyValuePair<string, object?>("source", c.Source)));

    private IEnumerable<Measurement<long>> ObserveResponses() =>
        All.SelectMany(c => c.ResponsesByStatusClass.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new Measurement<long>(
            r.Value,
            new KeyValuePair<string, object?>("source", c.Source),
            new KeyValuePair<string, object?>("status_class", r.Key))));
}
