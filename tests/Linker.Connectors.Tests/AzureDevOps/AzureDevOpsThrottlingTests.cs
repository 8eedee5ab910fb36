using OkrLinker.Connectors.Http;
using OkrLinker.Connectors.Tests.Http.Support;

namespace OkrLinker.Connectors.Tests.AzureDevOps;

/// <summary>Azure DevOps paces a caller with <c>X-RateLimit-Delay</c> on answers that go through (DESIGN.md §6 trap 6).</summary>
public sealed class AzureDevOpsThrottlingTests
{
    [Fact]
    public async Task X_ratelimit_delay_on_a_200_from_azure_devops_holds_the_next_request_for_that_long()
    {
        await using var server = await ScriptedHttpServer.StartAsync(
            Respond.Ok("{\"count\":1}", ("X-RateLimit-Delay", "1"), ("X-RateLimit-Resource", "WorkItemTracking")), Respond.Ok("{\"count\":2}"));
        using var source = TestSource.Create(server, vendor: SourceVendor.AzureDevOps);
        using var first = await source.Client.GetAsync(new Uri("_apis/wit/wiql", UriKind.Relative));
        using var second = await source.Client.GetAsync(new Uri("_apis/wit/workitemsbatch", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, first.StatusCode);
        Assert.True(server.GapBefore(1) >= TimeSpan.FromMilliseconds(990), $"second waited {server.GapBefore(1)}");
        Assert.Equal(1, source.Counters.RateLimitWaits);
    }

    [Fact]
    public void Only_azure_devops_reads_x_ratelimit_delay_as_a_pause_and_retry_after_wins_over_it()
    {
        var options = TestSource.FastOptions();
        var delayOnly = new RateLimitHeaders(null, null, null, TimeSpan.FromSeconds(2));
        var both = new RateLimitHeaders(null, null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2));

        Assert.Equal([(TimeSpan.FromSeconds(2), "X-RateLimit-Delay on a success")], RateLimitRules.PausesAfter(SourceVendor.AzureDevOps, delayOnly, options));
        Assert.Empty(RateLimitRules.PausesAfter(SourceVendor.GitHub, delayOnly, options));
        Assert.Equal([(TimeSpan.FromSeconds(5), "Retry-After on a success")], RateLimitRules.PausesAfter(SourceVendor.AzureDevOps, both, options));
    }
}
