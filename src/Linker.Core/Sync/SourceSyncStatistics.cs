namespace OkrLinker.Core.Sync;

/// <summary>Running totals of one source's scope syncs; thread-safe.</summary>
public sealed class SourceSyncStatistics(string source)
{
    private readonly Lock gate = new();
    private long itemsSynced;
    private long runs;
    private long failures;
    private TimeSpan lastDuration;
    private DateTimeOffset? lastSuccess;

    public string Source { get; } = source;

    /// <summary>Items written (new or changed) since the process started.</summary>
    public long ItemsSynced { get { lock (gate) { return itemsSynced; } } }

    public long Runs { get { lock (gate) { return runs; } } }

    public long Failures { get { lock (gate) { return failures; } } }

    public TimeSpan LastDuration { get { lock (gate) { return lastDuration; } } }

    public DateTimeOffset? LastSuccess { get { lock (gate) { return lastSuccess; } } }

    internal void Record(ScopeSyncResult result, DateTimeOffset at)
    {
        lock (gate)
        {
            runs++;
            itemsSynced += result.Inserted + result.Updated + result.Removed;
            lastDuration = result.Duration;
            if (result.Succeeded)
            {
                lastSuccess = at;
            }
            else
            {
                failures++;
            }
        }
    }
}
