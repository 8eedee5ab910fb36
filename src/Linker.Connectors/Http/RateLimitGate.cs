namespace OkrLinker.Connectors.Http;

/// <summary>
/// One source's pause: set from a response that says "slow down" (budget under the floor, a Retry-After on a
/// success), honoured by every request of that source before it is sent.
/// </summary>
internal sealed class RateLimitGate
{
    private readonly Lock sync = new();
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
}
