namespace OkrLinker.Connectors.Http;

/// <summary>
/// One source's pause: set from a response that says "slow down" (budget under the floor, a Retry-After on a
/// success), honoured by every request of that source before it is sent.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Design",
    "CA1001:Types that own disposable fields should be disposable",
    Justification = "A SemaphoreSlim whose wait handle is never asked for holds nothing to release; gates live as long as the process.")]
internal sealed class RateLimitGate(int maxConcurrentRequests)
{
    private readonly Lock sync = new();
    private readonly SemaphoreSlim inFlight = new(Math.Max(1, maxConcurrentRequests));
    private DateTimeOffset resumeAt = DateTimeOffset.MinValue;
    private string reason = "";

    /// <summary>Holds requests until <paramref name="at"/>; a later pause already set wins.</summary>
    public void PauseUntil(DateTimeOffset at, string why)
    {
        lock (sync)
        {
            if (at > resumeAt)
            {
                resumeAt = at;
                reason = why;
            }
        }
    }

    /// <summary>How long a request sent at <paramref name="now"/> must wait, and why; null when it may go.</summary>
    public (TimeSpan Wait, string Reason)? Pending(DateTimeOffset now)
    {
        lock (sync)
        {
            return resumeAt > now ? (resumeAt - now, reason) : null;
        }
    }

    /// <summary>
    /// A slot for one request of this source: few requests in flight per token is what GitHub asks
    /// for (secondary limits), and what keeps every tracker from throttling a burst of scopes.
    /// </summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await inFlight.WaitAsync(cancellationToken);
        return new Slot(inFlight);
    }

    private sealed class Slot(SemaphoreSlim inFlight) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                inFlight.Release();
            }
        }
    }
}
