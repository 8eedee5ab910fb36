using System.Collections.Concurrent;

namespace OkrLinker.Core.Sync;

/// <summary>What the sync engine has done in this process, per source; <c>/metrics</c> reads it.</summary>
public sealed class SyncMetrics
{
    private readonly ConcurrentDictionary<string, SourceSyncStatistics> sources = new(StringComparer.OrdinalIgnoreCase);

    public SourceSyncStatistics For(string source) => sources.GetOrAdd(source, name => new SourceSyncStatistics(name));

    public IReadOnlyList<SourceSyncStatistics> All => [.. sources.Values.OrderBy(s => s.Source, StringComparer.Ordinal)];
}
