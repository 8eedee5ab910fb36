using System.Diagnostics;
using System.Net;
using OkrLinker.Connectors.Tests.Http.Support;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.Tests.Http;

public sealed class RateLimitRejectionTests
{
    // Task.Delay counts whole milliseconds of a coarser clock than Stopwatch; a wait of 1 s may measure 999.x ms.
    private static readonly TimeSpan OneSecondMeasured = TimeSpan.FromMilliseconds(990);

    [Fact]
    public async Task Too_many_requests_waits_retry_after_without_spending_a_retry()
    {
        var options = TestSource.FastOptions();
        options.MaxRetries = 0;
        await using var server = await ScriptedHttpServer.StartAsync(Respond.With(429, "", ("Retry-After", "1")), Respond.Ok("done"));
        using var source = TestSource.Create(server, options);

        using var response = await source.Client.GetAsync(new Uri("rest/api/3/search/jql", UriKind.Relative));

        Assert.Equal("done", await response.Content.ReadAsStringAsync());
        Assert.True(server.GapBefore(1) >= OneSecondMeasured, $"waited {server.GapBefore(1)}");
        Assert.Equal(2, source.Counters.Requests);
        Assert.Equal(0, source.Counters.Retries);
        Assert.Equal(1, source.Counters.RateLimitWaits);
        Assert.Equal(TimeSpan.FromSeconds(1), source.Counters.RateLimitWaited);
    }

    [Fact]
    public async Task GitHub_secondary_limit_403_with_retry_after_is_waited_and_retried()
    {
        await using var server = await ScriptedHttpServer.StartAsync(
            Respond.With(403, "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.\"}",
                ("retry-after", "1"), ("x-ratelimit-remaining", "4000")),
            Respond.Ok("[]"));
        using var source = TestSource.Create(server);

        using var response = await source.Client.GetAsync(new Uri("repos/o/r/issues", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(server.GapBefore(1) >= OneSecondMeasured, $"waited {server.GapBefore(1)}");
        Assert.Equal(1, source.Counters.RateLimitWaits);
        Assert.Equal(0, source.Counters.AuthFailures);
    }

    [Fact]
    public async Task GitHub_403_with_no_calls_remaining_waits_until_the_reset()
    {
        await using var server = await ScriptedHttpServer.StartAsync(
            Respond.With(403, "{\"message\":\"API rate limit exceeded for user ID 1.\"}",
                ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "{now+1}")),
            Respond.Ok("[]"));
        using var source = TestSource.Create(server);

        using var response = await source.Client.GetAsync(new Uri("repos/o/r/issues", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Reset = the response's Date + 1 s, so the wait is exactly 1 s.
        Assert.Equal(TimeSpan.FromSeconds(1), source.Counters.RateLimitWaited);
        Assert.True(server.GapBefore(1) >= OneSecondMeasured, $"waited {server.GapBefore(1)}");
    }

    [Fact]
    public async Task GitHub_secondary_limit_without_retry_after_or_spent_budget_waits_the_minimum()
    {
        // The reset (an hour ahead) belongs to the primary budget, which has calls left: it must not be waited for.
        await using var server = await ScriptedHttpServer.StartAsync(
            Respond.With(429, "{\"message\":\"You have exceeded a secondary rate limit.\"}",
                ("X-RateLimit-Remaining", "4321"), ("X-RateLimit-Reset", "{now+3600}")),
            Respond.Ok("[]"));
        using var source = TestSource.Create(server);

        using var response = await source.Client.GetAsync(new Uri("repos/o/r/issues", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // SecondaryLimitMinimumWait is 1 s in FastOptions.
        Assert.Equal(TimeSpan.FromSeconds(1), source.Counters.RateLimitWaited);
    }

    [Fact]
    public async Task Rate_limit_wait_beyond_the_cap_fails_fast_with_a_clear_message()
    {
        var options = TestSource.FastOptions();
        options.MaxRateLimitWait = TimeSpan.FromSeconds(5);
        await using var server = await ScriptedHttpServer.StartAsync(Respond.With(429, "", ("Retry-After", "3600")));
        using var source = TestSource.Create(server, options);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<SourceException>(() => source.Client.GetAsync(new Uri("repos/o/r/issues?page=2", UriKind.Relative)));

        Assert.Equal(
            "Source 'gh': GitHub rate limit on GET /repos/o/r/issues?page=2 asks for a 3600 s wait (Retry-After), "
            + "more than Http:MaxRateLimitWait (5 s) allows — try again later or raise Http:MaxRateLimitWait.",
            error.Message);
        Assert.Equal("gh", error.Source);
        // Failing at once, not after waiting out the 5 s cap; the margin absorbs a busy machine.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.Elapsed}");
        Assert.Equal(1, server.RequestCount);
        Assert.Equal(0, source.Counters.RateLimitWaits);
    }

    [Fact]
    public async Task Cancellation_during_a_rate_limit_wait_ends_it_promptly()
    {
        await using var server = await ScriptedHttpServer.StartAsync(Respond.With(429, "", ("Retry-After", "8")));
        using var source = TestSource.Create(server);
        using var cancel = new CancellationTokenSource();
        var call = source.Client.GetAsync(new Uri("repos/o/r/issues", UriKind.Relative), cancel.Token);

        // Cancel once the 429 has been answered, i.e. while the 8 s wait runs; a timer could fire
        // before the request even reached a busy machine's server.
        while (server.RequestCount == 0 && !call.IsCompleted)
        {
            await Task.Delay(10);
        }

        await Task.Delay(100);
        var clock = Stopwatch.StartNew();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed} to stop after cancellation");
        Assert.Equal(1, server.RequestCount);
    }
}
