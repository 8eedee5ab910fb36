namespace OkrLinker.Connectors.Http;

/// <summary>
/// What one source's HTTP traffic did since start; thread-safe, read by /metrics. Only the resilience handler counts.
/// </summary>
public sealed class SourceRequestCounters
{
    private static readonly string[] StatusClasses = ["1xx", "2xx", "3xx", "4xx", "5xx"];

    private readonly long[] responses = new long[StatusClasses.Length];
    private long requests;
    private long retries;
    private long rateLimitWaits;
    private long rateLimitWaitedTicks;
    private long authFailures;

    internal SourceRequestCounters(string source) => Source = source;

    /// <summary>The source's configured name.</summary>
    public string Source { get; }

    /// <summary>Attempts sent, retries and attempts after rate-limit waits included.</summary>
    public long Requests => Interlocked.Read(ref requests);

    /// <summary>Attempts repeated after a 5xx, a dropped connection, a truncated body or a timeout.</summary>
    public long Retries => Interlocked.Read(ref retries);

    /// <summary>Pauses for rate limits: 429, rate-limit 403, a <c>Retry-After</c> on a success, the governor's floor.</summary>
    public long RateLimitWaits => Interlocked.Read(ref rateLimitWaits);

    /// <summary>The time spent in those pauses.</summary>
    public TimeSpan RateLimitWaited => TimeSpan.FromTicks(Interlocked.Read(ref rateLimitWaitedTicks));

    /// <summary>401s and non-rate-limit 403s (and Azure DevOps' 203 sign-in page).</summary>
    public long AuthFailures => Interlocked.Read(ref authFailures);

    /// <summary>Complete responses (body read in full) by status class: keys "1xx" to "5xx", always all five.</summary>
    public IReadOnlyDictionary<string, long> ResponsesByStatusClass
    {
        get
        {
            var snapshot = new Dictionary<string, long>(StatusClasses.Length);
            for (var i = 0; i < StatusClasses.Length; i++)
            {
                snapshot[StatusClasses[i]] = Interlocked.Read(ref responses[i]);
            }

            return snapshot;
        }
    }

    internal void CountRequest() => Interlocked.Increment(ref requests);

    internal void CountRetry() => Interlocked.Increment(ref retries);

    internal void CountAuthFailure() => Interlocked.Increment(ref authFailures);

    internal void CountRateLimitWait(TimeSpan waited)
    {
        Interlocked.Increment(ref rateLimitWaits);
        Interlocked.Add(ref rateLimitWaitedTicks, waited.Ticks);
    }

    internal void CountResponse(int statusCode)
    {
        // Codes outside 100..599 are a server's invention; they land in the nearest class.
        var index = Math.Clamp((statusCode / 100) - 1, 0, StatusClasses.Length - 1);
        Interlocked.Increment(ref responses[index]);
    }
}
