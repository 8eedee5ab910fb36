namespace OkrLinker.Fakes;

/// <summary>A fault to inject in place of (or around) the fake's normal answer; build one with the factories.</summary>
public sealed record FakeFault(FakeFaultKind Kind, int? RetryAfterSeconds = null, int? ResetInSeconds = null, TimeSpan? Delay = null)
{
    public static FakeFault TooManyRequests(int retryAfterSeconds) => new(FakeFaultKind.TooManyRequests, retryAfterSeconds);

    public static FakeFault SecondaryRateLimit(int retryAfterSeconds) => new(FakeFaultKind.SecondaryRateLimit, retryAfterSeconds);

    public static FakeFault SecondaryRateLimitWithoutRetryAfter(int resetInSeconds) =>
        new(FakeFaultKind.SecondaryRateLimitWithoutRetryAfter, ResetInSeconds: resetInSeconds);

    public static FakeFault ServiceUnavailable(int? retryAfterSeconds = null) => new(FakeFaultKind.ServiceUnavailable, retryAfterSeconds);

    public static FakeFault OkWithRetryAfter(int retryAfterSeconds) => new(FakeFaultKind.OkWithRetryAfter, retryAfterSeconds);

    public static FakeFault Slow(TimeSpan delay) => new(FakeFaultKind.Slow, Delay: delay);

    public static FakeFault DropConnection() => new(FakeFaultKind.DropConnection);

    public static FakeFault TruncatedBody() => new(FakeFaultKind.TruncatedBody);

    /// <summary>A 403 in the tracker's words for a token that may read but not write.</summary>
    public static FakeFault Forbidden() => new(FakeFaultKind.Forbidden);

    public static FakeFault Conflict() => new(FakeFaultKind.Conflict);

    public static FakeFault PreconditionFailed() => new(FakeFaultKind.PreconditionFailed);

    /// <summary>True when the fault replaces the normal answer (the request is not served).</summary>
    internal bool ReplacesAnswer => Kind is FakeFaultKind.TooManyRequests or FakeFaultKind.SecondaryRateLimit
        or FakeFaultKind.SecondaryRateLimitWithoutRetryAfter or FakeFaultKind.ServiceUnavailable or FakeFaultKind.DropConnection
        or FakeFaultKind.Forbidden or FakeFaultKind.Conflict or FakeFaultKind.PreconditionFailed;
}
