namespace OkrLinker.Connectors.Http;

/// <summary>
/// How every live source (GitHub, Jira, Azure DevOps) retries and paces its HTTP calls; the <c>Http</c>
/// section of linker.json. One set for all sources: the vendors' limits differ, their failure modes don't.
/// </summary>
public sealed class HttpResilienceOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Http";

    /// <summary>How long one attempt (send + read the whole body) may take before it is abandoned and retried. Default 30 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt for 5xx, dropped connections, truncated bodies and timeouts. Default 5; 0 disables.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>The median first retry delay; later ones grow exponentially, with jitter. Default 1 s.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest pause between two retries, a server's <c>Retry-After</c> on a 5xx included. Default 60 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// When a response reports fewer remaining calls than this, the next request waits for the limit's reset.
    /// Default 50, meant for 5000-call budgets (GitHub); 0 disables the governor.
    /// </summary>
    public int RateLimitFloor { get; set; } = 50;

    /// <summary>
    /// The longest a request waits for rate limits in total. A 429/403 asking for more fails the request with a
    /// clear error instead of hanging; a governor pause longer than this is cut to it. Default 15 min.
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The wait after a rate-limit answer that names neither <c>Retry-After</c> nor a reset (GitHub secondary limits). Default 60 s.</summary>
    public TimeSpan SecondaryLimitMinimumWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Requests of one source in flight at once, whatever number of scopes sync together (DESIGN.md §6
    /// trap 8: keep concurrency per token low). Default 2.
    /// </summary>
    public int MaxConcurrentRequests { get; set; } = 2;
}
