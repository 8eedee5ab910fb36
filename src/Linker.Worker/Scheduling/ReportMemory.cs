namespace OkrLinker.Worker.Scheduling;

/// <summary>
/// Frees the worker's heap around a report build. A build over a million items takes ~0.75 GB, nearly all of it garbage
/// when it ends; the worker's heap held it, and what the syncs before it left, until a full collection that came late
/// or in the middle of the next build (a worker's refresh at a million items peaked at 1.9 GB and sat at 1.3 GB between
/// refreshes, docs/benchmarks.md). One blocking, compacting collection that also returns the free pages to the system
/// costs tens of milliseconds with so little left alive; the jobs run one before and one after each build.
/// </summary>
internal static class ReportMemory
{
    // Right after a build, the pool threads that worked on it still reach the last of it for a moment: a collection
    // then kept 533 MB of a million-item build alive, one 100 ms later 3 MB (docs/benchmarks.md). The same holds for
    // a sync or a dashboard parse just before a build.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Waits for the pool threads that last worked to let go, then collects everything unreachable and returns the free
    /// pages. Call from a method that holds nothing of a build (not the async method that awaited it). Not cancellable:
    /// it is half a second. Real time, not the host's TimeProvider: it waits for threads, not for a moment of the
    /// schedule (a test's clock may stand still).
    /// </summary>
    public static async Task ReleaseAsync()
    {
        await Task.Delay(Settle, CancellationToken.None);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
