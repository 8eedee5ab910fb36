using OkrLinker.Fakes;
using Xunit.Abstractions;

namespace OkrLinker.Worker.Tests.GitHub;

/// <summary>Request counts from the fake's log: what a sync of a large repo costs against the rate limit.</summary>
public sealed class GitHubRequestEconomyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_full_sync_of_10000_issues_costs_at_most_110_requests_and_a_resync_without_change_one_304_per_repo()
    {
        var data = FakeGitHubData.Generate(30, "acme", ["monorepo"], 10_000);
        var inProject = data.Snapshot().Count(i => i.InProject);
        await using var gh = await GitHubHarness.StartAsync(data, ["monorepo"]);

        Assert.Equal(0, (await gh.SyncAsync()).ExitCode);

        var full = gh.Fake.Requests.All;
        var stored = await gh.StoredAsync();
        Assert.Equal(10_000, stored.Count);
        Assert.Equal(gh.Expected(), stored);
        output.WriteLine($"full sync: {full.Count} requests ({full.Count(r => !r.IsGraphQL)} REST, {full.Count(r => r.IsGraphQL)} GraphQL for {inProject} project items)");
        Assert.True(full.Count <= 110, $"a full sync of 10,000 issues made {full.Count} requests");

        gh.Fake.Requests.Clear();
        Assert.Equal(0, (await gh.SyncAsync()).ExitCode);

        var again = gh.Fake.Requests.All;
        var rest = again.Where(r => !r.IsGraphQL).ToList();
        output.WriteLine($"re-sync without change: {rest.Count} REST request(s) answered {string.Join(", ", rest.Select(r => r.Status))}; {again.Count(r => r.IsGraphQL)} GraphQL for the project");
        Assert.Equal([304], rest.Select(r => r.Status));
        Assert.Equal((inProject + 99) / 100, again.Count(r => r.IsGraphQL));
        Assert.Equal(stored, await gh.StoredAsync());
    }
}
