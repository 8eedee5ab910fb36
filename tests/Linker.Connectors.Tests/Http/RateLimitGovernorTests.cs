using System.Diagnostics;
using OkrLinker.Connectors.Http;
using OkrLinker.Connectors.Tests.Http.Support;

namespace OkrLinker.Connectors.Tests.Http;

public sealed class RateLimitGovernorTests
{
    private static readonly TimeSpan OneSecondMeasured = TimeSpan.FromMilliseconds(990);

    [Fact]
    public async Task Retry_after_on_a_200_returns_at_once_and_delays_the_next_request()
    {
        await using var server = await ScriptedHttpServer.StartAsync(
            Respond.Ok("{\"count\":1}", ("Retry-After", "1")), Respond.Ok("{\"count\":2}"));
        using var source = TestSource.Create(server, vendor: SourceVendor.AzureDevOps);
        var clock = Stopwatch.StartNew();

        using var first = await source.Client.GetAsync(new Uri("_apis/wit/wiql", UriKind.Relative));
        var firstTook = clock.Elapsed;
        using var second = await source.Client.GetAsync(new Uri("_apis/wit/workitemsbatch", UriKind.Relative));

        Assert.Equal("{\"count\":1}", await first.Content.ReadAsStringAsync());
        Assert.Equal("{\"count\":2}", await second.Content.ReadAsStringAsync());
        Assert.True(firstTook < TimeSpan.FromSeconds(1), $"first took {firstTook}");
        Assert.True(server.GapBefore(1) >= OneSecondMeasured, $"second waited {server.GapBefore(1)}");
        Assert.Equal(1, source.Counters.RateLimitWaits);
        Assert.Equal(0, source.Counters.Retries);
    }

    [Fact]
    public async Task Remaining_under_the_floor_holds_the_next_request_until_the_reset()
    {
        // Floor 10 (FastOptions), 3 remaining, reset = Date + 1 s.
        await using var server = await ScriptedHttpServer.StartAsync(
            Respond.Ok("[]", ("X-RateLimit-Remaining", "3"), ("X-RateLimit-Reset", "{now+1}")), Respond.Ok("[]"));
        using var source = TestSource.Create(server);

        using var first = await source.Client.GetAsync(new Uri("repos/o/r/issues", UriKind.Relative));
        using var second = await source.Client.GetAsync(new Uri("repos/o/r/issues?page=2", UriKind.Relative));

        Assert.True(server.GapBefore(1) >= OneSecondMeasured, $"second waited {server.GapBefore(1)}");
        Assert.Equal(1, source.Counters.RateLimitWaits);
        // The wait is measured from when the first answer arrived, so it is a little under 1 s.
        Assert.InRange(source.Counters.RateLimitWaited, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Remaining_at_the_floor_does_not_wait()
    {
        await using var server = await ScriptedHttpServer.StartAsync(
            Respond.Ok("[]", ("X-RateLimit-Remaining", "10"), ("X-RateLimit-Reset", "{now+60}")), Respond.Ok("[]"));
        using var source = TestSource.Create(server);

        using var first = await source.Client.GetAsync(new Uri("a", UriKind.Relative));
        using var second = await source.Client.GetAsync(new Uri("b", UriKind.Relative));

        Assert.Equal(0, source.Counters.RateLimitWaits);
    }

    [Fact]
    public async Task Floor_zero_turns_the_governor_off()
    {
        var options = TestSource.FastOptions();
        options.RateLimitFloor = 0;
        await using var server = await ScriptedHttpServer.StartAsync(
            Respond.Ok("[]", ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", "{now+60}")), Respond.Ok("[]"));
        using var source = TestSource.Create(server, options);

        using var first = await source.Client.GetAsync(new Uri("a", UriKind.Relative));
        using var second = await source.Client.GetAsync(new Uri("b", UriKind.Relative));

        Assert.Equal(0, source.Counters.RateLimitWaits);
    }
}
