using System.Globalization;

namespace OkrLinker.Connectors.Http;

/// <summary>
/// The rate-limit facts one response carries, turned into waits counted from the moment it arrived.
/// Absolute times (an epoch or ISO reset, a Retry-After date) are measured against the response's own
/// <c>Date</c> header when it has one, so a skewed local clock neither shortens nor stretches the wait.
/// </summary>
/// <param name="Remaining"><c>X-RateLimit-Remaining</c>: calls (GitHub, Jira) or TSTUs (Azure DevOps) left.</param>
/// <param name="ResetIn"><c>X-RateLimit-Reset</c>: until the budget refills.</param>
/// <param name="RetryAfter"><c>Retry-After</c>, in seconds or as an HTTP date.</param>
/// <param name="Delay">Azure DevOps <c>X-RateLimit-Delay</c>: how long the server is pacing this caller.</param>
internal sealed record RateLimitHeaders(long? Remaining, TimeSpan? ResetIn, TimeSpan? RetryAfter, TimeSpan? Delay)
{
    // No epoch reset lies before 2001-09-09 (1e9 s); a smaller number is a delta in seconds (IETF RateLimit-Reset style).
    private const double SmallestEpochSeconds = 1_000_000_000;

    public static RateLimitHeaders Read(HttpResponseMessage response, DateTimeOffset receivedAt)
    {
        var serverNow = response.Headers.Date ?? receivedAt;
        return new RateLimitHeaders(
            ReadRemaining(response),
            ReadReset(response, serverNow),
            ReadRetryAfter(response, serverNow),
            ReadSeconds(First(response, "X-RateLimit-Delay")));
    }

    private static long? ReadRemaining(HttpResponseMessage response)
    {
        // Azure DevOps counts TSTUs, which may carry decimals.
        var number = ReadNumber(First(response, "X-RateLimit-Remaining"));
        return number is { } value ? (long)Math.Floor(value) : null;
    }

    private static TimeSpan? ReadReset(HttpResponseMessage response, DateTimeOffset serverNow)
    {
        var raw = First(response, "X-RateLimit-Reset");
        if (raw is null)
        {
            return null;
        }

        if (ReadNumber(raw) is { } number)
        {
            return number >= SmallestEpochSeconds
                ? DateTimeOffset.FromUnixTimeMilliseconds((long)(number * 1000)) - serverNow
                : TimeSpan.FromSeconds(number);
        }

        // Jira Cloud writes the reset as an ISO 8601 timestamp.
        return DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var at)
            ? at - serverNow
            : null;
    }

    private static TimeSpan? ReadRetryAfter(HttpResponseMessage response, DateTimeOffset serverNow)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            return date - serverNow;
        }

        // A fractional "Retry-After: 1.5" is not valid HTTP, so the typed header drops it; servers send it anyway.
        return ReadSeconds(First(response, "Retry-After"));
    }

    private static TimeSpan? ReadSeconds(string? raw) => ReadNumber(raw) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    private static double? ReadNumber(string? raw) =>
        double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= 0
            ? value
            : null;

    private static string? First(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;
}
