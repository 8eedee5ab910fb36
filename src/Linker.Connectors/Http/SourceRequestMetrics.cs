using System.Collections.Concurrent;

namespace OkrLinker.Connectors.Http;

/// <summary>The counters of every source that made HTTP calls; one singleton per process.</summary>
public sealed class SourceRequestMetrics
{
    // Source names are unique case-insensitively (config validation), so the counters are keyed the same way.
    private readonly ConcurrentDictionary<string, SourceRequestCounters> bySource = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The counters of <paramref name="source"/>, created on first use.</summary>
    public SourceRequestCounters For(string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        return bySource.GetOrAdd(source, static name => new SourceRequestCounters(name));
    }

    /// <summary>Every source's counters, ordered by source name.</summary>
    public IReadOnlyList<SourceRequestCounters> All =>
        [.. bySource.Values.OrderBy(c => c.Source, StringComparer.OrdinalIgnoreCase)];
}
