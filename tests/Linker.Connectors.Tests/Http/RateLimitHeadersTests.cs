using System.Net;
using OkrLinker.Connectors.Http;

namespace OkrLinker.Connectors.Tests.Http;

public sealed class RateLimitHeadersTests
{
    private static readonly DateTimeOffset ServerDate = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Epoch_reset_is_measured_from_the_response_date_not_the_local_clock()
    {
        // 2026-11-20T12:00:00Z is epoch 1795176000; the reset is 90 s later. The local clock is 10 min off.
        using var response = Response(("X-RateLimit-Remaining", "42"), ("X-RateLimit-Reset", "1795176090"));

        var headers = RateLimitHeaders.Read(response, ServerDate.AddMinutes(10));

        Assert.Equal(new RateLimitHeaders(42, TimeSpan.FromSeconds(90), null, null), headers);
    }

    [Fact]
    public void Jira_iso_reset_is_read()
    {
        using var response = Response(("X-RateLimit-Reset", "2026-11-20T12:02:30Z"));

        Assert.Equal(TimeSpan.FromSeconds(150), RateLimitHeaders.Read(response, ServerDate).ResetIn);
    }

    [Fact]
    public void Small_reset_number_is_a_delta_in_seconds()
    {
        using var response = Response(("X-RateLimit-Reset", "30"));

        Assert.Equal(TimeSpan.FromSeconds(30), RateLimitHeaders.Read(response, ServerDate).ResetIn);
    }

    [Fact]
    public void Retry_after_as_http_date_and_azure_devops_delay_are_read()
    {
        // Retry-After 12:01:00 with Date 12:00:00 = 60 s; X-RateLimit-Delay 0.5 s; remaining 12.75 TSTUs floors to 12.
        using var response = Response(("Retry-After", "Fri, 20 Nov 2026 12:01:00 GMT"), ("X-RateLimit-Delay", "0.5"), ("X-RateLimit-Remaining", "12.75"));

        Assert.Equal(new RateLimitHeaders(12, null, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(500)), RateLimitHeaders.Read(response, ServerDate));
    }

    private static HttpResponseMessage Response(params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Date = ServerDate;
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}
