using System.Net;

namespace OkrLinker.Connectors.Http;

/// <summary>Which answers are rate limits, and how long each vendor asks to wait (DESIGN.md §6 traps 6 and 8).</summary>
internal static class RateLimitRules
{
    /// <summary>Even "Retry-After: 0" waits this long, so a server stuck on 429 cannot spin the loop.</summary>
    public static readonly TimeSpan ShortestRejectionWait = TimeSpan.FromSeconds(1);

    // GitHub words its primary, secondary and (older) abuse limits this way in the 403 body.
    private static readonly string[] RateLimitWords = ["rate limit", "abuse detection"];

    /// <summary>429 always; a 403 when it carries Retry-After, says no calls remain, or its body speaks of a rate limit.</summary>
    public static bool IsRejection(HttpResponseMessage response, RateLimitHeaders headers, string body) =>
        response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => true,
            HttpStatusCode.Forbidden => headers.RetryAfter is not null || headers.Remaining == 0
                || RateLimitWords.Any(w => body.Contains(w, StringComparison.OrdinalIgnoreCase)),
            _ => false,
        };

    /// <summary>
    /// Retry-After, else the reset, else the minimum for secondary limits. GitHub's reset belongs to the primary
    /// budget, so it counts only when that budget is spent; a secondary limit with calls left waits the minimum.
    /// </summary>
    public static (TimeSpan Wait, string Basis) RejectionWait(SourceVendor vendor, RateLimitHeaders headers, HttpResilienceOptions options)
    {
        var (wait, basis) = headers switch
        {
            { RetryAfter: { } retryAfter } => (retryAfter, "Retry-After"),
            { ResetIn: { } reset } when vendor != SourceVendor.GitHub || headers.Remaining is null or 0 => (reset, "X-RateLimit-Reset"),
            _ => (options.SecondaryLimitMinimumWait, "no Retry-After nor reset: secondary-limit minimum"),
        };
        return (wait < ShortestRejectionWait ? ShortestRejectionWait : wait, basis);
    }

    /// <summary>
    /// The pause a response that went through asks of the next request: its Retry-After (Azure DevOps throttles
    /// with 200 + Retry-After), else Azure DevOps' X-RateLimit-Delay, and the time to the reset once fewer calls
    /// remain than the floor.
    /// </summary>
    public static IEnumerable<(TimeSpan Wait, string Reason)> PausesAfter(SourceVendor vendor, RateLimitHeaders headers, HttpResilienceOptions options)
    {
        if (headers.RetryAfter is { } retryAfter && retryAfter > TimeSpan.Zero)
        {
            yield return (retryAfter, "Retry-After on a success");
        }
        else if (vendor == SourceVendor.AzureDevOps && headers.Delay is { } delay && delay > TimeSpan.Zero)
        {
            // Azure DevOps delayed this request to pace the caller (X-RateLimit-Delay); sending the next one at once
            // only queues it behind the same delay, so wait it out here instead.
            yield return (delay, "X-RateLimit-Delay on a success");
        }

        if (options.RateLimitFloor > 0 && headers.Remaining is { } remaining && remaining < options.RateLimitFloor)
        {
            // Azure DevOps may announce only how long it is pacing the caller.
            var untilReset = headers.ResetIn ?? (vendor == SourceVendor.AzureDevOps ? headers.Delay : null);
            if (untilReset is { } wait && wait > TimeSpan.Zero)
            {
                yield return (wait, $"X-RateLimit-Remaining {remaining} under the floor of {options.RateLimitFloor}");
            }
        }
    }
}
