namespace OkrLinker.Fakes;

public enum FakeFaultKind
{
    /// <summary>429 with <c>Retry-After</c>.</summary>
    TooManyRequests,

    /// <summary>403 with <c>Retry-After</c> and GitHub's secondary-rate-limit message.</summary>
    SecondaryRateLimit,

    /// <summary>403 with <c>x-ratelimit-remaining: 0</c> and <c>x-ratelimit-reset</c> but no <c>Retry-After</c>.</summary>
    SecondaryRateLimitWithoutRetryAfter,

    /// <summary>503, with <c>Retry-After</c> when given.</summary>
    ServiceUnavailable,

    /// <summary>The normal 200 answer plus <c>Retry-After</c> (Azure DevOps throttles this way).</summary>
    OkWithRetryAfter,

    /// <summary>The normal answer after a delay.</summary>
    Slow,

    /// <summary>The connection is aborted before any response.</summary>
    DropConnection,

    /// <summary>200 with the full body's Content-Length, half the bytes, then an aborted connection.</summary>
    TruncatedBody,

    /// <summary>403 that is no rate limit: a token without write scope (a write-back refused).</summary>
    Forbidden,

    /// <summary>409 Conflict: the item changed under a write.</summary>
    Conflict,

    /// <summary>412 Precondition Failed: a write's revision test failed (Azure DevOps' stale <c>/rev</c>).</summary>
    PreconditionFailed,
}
