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
    // then kept 533 MB of a million-item build alive, one 100 ms later 3 MB (docs/benchmarks.md).
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);

    /// <summary>Before a build: collects everything unreachable and returns the free pages.</summary>
    public static void Release() =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    /// <summary>
    /// After a build, from a method that holds nothing of it (not the async method that awaited it): waits for the
    /// threads that worked on it to let go, then <see cref="Release"/>. Not cancellable: it is half a second. Real time,
    /// not the host's TimeProvider: it waits for threads, not for a moment of the schedule (a test's clock may stand still).
    /// </summary>
    public static async Task ReleaseAfterBuildAsync()
    {
        await Task.Delay(Settle, CancellationToken.None);
        Release();
    }
}
