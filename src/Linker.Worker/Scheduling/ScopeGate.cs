using System.Collections.Concurrent;

namespace OkrLinker.Worker.Scheduling;

/// <summary>
/// One lock per scope, so the scheduled sync and the sweep of a scope never run at once (each has
/// its own Quartz job; <c>[DisallowConcurrentExecution]</c> only keeps one job from overlapping itself).
/// </summary>
internal sealed class ScopeGate
{
    private readonly ConcurrentDictionary<(string Source, string Scope), SemaphoreSlim> locks = new();

    public async Task<IDisposable> EnterAsync(string source, string scope, CancellationToken cancellationToken)
    {
        var gate = locks.GetOrAdd((source, scope), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
