using OkrLinker.Fakes;

namespace OkrLinker.Worker.Tests.GitHub;

/// <summary>Which repos a GitHub source reads, Enterprise Server addresses, and the check verb.</summary>
public sealed class GitHubScopeAndCheckTests
{
    [Theory]
    [InlineData(false, new[] { "acme/api", "acme/web" })]
    [InlineData(true, new[] { "acme/api", "acme/old", "acme/web" })]
    public async Task Without_repos_every_repo_of_the_owner_is_synced_and_archived_ones_only_when_asked(bool includeArchived, string[] synced)
    {
        var data = FakeGitHubData.Generate(40, "acme", ["web", "api"], 20);
        data.AddRepo("old", archived: true);
        data.AddIssues("old", 3);
        await using var gh = await GitHubHarness.StartAsync(data, [], includeArchived: includeArchived);

        Assert.Equal(0, (await gh.SyncAsync()).ExitCode);

        var repos = (await gh.StoredAsync()).Select(i => i.Key[..i.Key.IndexOf('#', StringComparison.Ordinal)]).Distinct().Order();
        Assert.Equal(synced, repos);
    }

    [Fact]
    public async Task An_enterprise_server_base_url_reaches_rest_under_api_v3_and_graphql_under_api_graphql()
    {
        var data = FakeGitHubData.Generate(41, "acme", ["web"], 200);
        await using var gh = await GitHubHarness.StartAsync(data, ["web"], enterprise: true);

        Assert.Equal(0, (await gh.SyncAsync()).ExitCode);

        Assert.Equal(gh.Expected(), await gh.StoredAsync());
        Assert.All(gh.Fake.Requests.All.Where(r => !r.IsGraphQL), r => Assert.StartsWith("/api/v3/", r.Path, StringComparison.Ordinal));
        Assert.All(gh.Fake.Requests.All.Where(r => r.IsGraphQL), r => Assert.Equal("/api/graphql", r.Path));
    }

    [Fact]
    public async Task Check_prints_the_rate_limit_the_token_owner_and_each_repo()
    {
        var data = FakeGitHubData.Generate(42, "acme", ["web", "api"], 10);
        await using var gh = await GitHubHarness.StartAsync(data, ["web", "api"]);

        var run = await gh.Config.RunAsync("check");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"gh +rate limit +yes +\d+ of 5000 requests left, resets \d\d:\d\d UTC", run.Out);
        Assert.Matches("gh +token +yes +authenticated as okr-linker-bot", run.Out);
        Assert.Matches("gh +acme/web +yes +visible", run.Out);
        Assert.Matches("gh +acme/api +yes +visible", run.Out);
    }

    [Fact]
    public async Task Check_exits_1_and_says_why_when_the_token_is_rejected()
    {
        var data = FakeGitHubData.Generate(43, "acme", ["web"], 10);
        await using var gh = await GitHubHarness.StartAsync(data, ["web"], token: "expired");

        var run = await gh.Config.RunAsync("check");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"GitHub answered 401 Unauthorized (Bad credentials) — check the token in {gh.TokenVariable}.", run.Out, StringComparison.Ordinal);
    }
}
