using OkrLinker.Fakes;

namespace OkrLinker.Worker.Tests.GitHub;

/// <summary>The GitHub source against the fake: full, incremental, faulty and unauthorized syncs.</summary>
public sealed class GitHubSyncTests
{
    [Fact]
    public async Task A_full_sync_of_2500_issues_and_pull_requests_over_3_repos_stores_exactly_the_data_set()
    {
        // 2 repos × 833 generated (about a fifth pull requests) + 834 plain issues in a third = 2,500.
        var data = FakeGitHubData.Generate(11, "acme", ["web", "api"], 833);
        data.AddRepo("docs");
        data.AddIssues("docs", 834);
        await using var gh = await GitHubHarness.StartAsync(data, ["web", "api", "docs"]);

        var run = await gh.SyncAsync();

        Assert.Equal(0, run.ExitCode);
        var stored = await gh.StoredAsync();
        Assert.Equal(2500, stored.Count);
        Assert.Equal(gh.Expected(), stored);
        Assert.Contains(stored, i => i.Kr != "");
        Assert.Contains(stored, i => i.ParentKey is not null);
    }

    [Fact]
    public async Task An_incremental_sync_takes_edits_new_and_transferred_issues_and_the_sweep_removes_deletions()
    {
        var data = FakeGitHubData.Generate(12, "acme", ["web", "api", "docs"], 300);
        await using var gh = await GitHubHarness.StartAsync(data, ["web", "api", "docs"]);
        Assert.Equal(0, (await gh.SyncAsync()).ExitCode);

        data.Advance(TimeSpan.FromMinutes(30));
        data.Edit(40);
        data.AddIssues("web", 5);
        data.Delete("api", 10);
        data.Delete("api", 11);
        data.Delete("docs", 12);
        var snapshot = data.Snapshot();
        var leaf = snapshot.First(i => i.Repo == "web" && !i.IsPullRequest && snapshot.All(c => c.Repo != "web" || c.ParentNumber != i.Number));
        var moved = data.Transfer("web", leaf.Number, "docs");
        gh.Fake.Requests.Clear();

        Assert.Equal(0, (await gh.SyncAsync()).ExitCode);

        // Edits and new issues arrive; the three deleted issues are still stored as they were.
        var expected = gh.Expected();
        var stored = await gh.StoredAsync();
        Assert.Equal(906, stored.Count); // 900 + 5 new + the transferred issue's new self; the old ones stay until the sweep
        Assert.Contains(stored, s => s.Key == $"acme/docs#{moved.Number}");
        Assert.Equal(expected, stored.Where(s => expected.Any(e => e.Id == s.Id)));
        Assert.True(gh.Fake.Requests.Count < 20, $"an incremental sync of 45 changes made {gh.Fake.Requests.Count} requests");

        Assert.Equal(0, (await gh.SyncAsync("--full")).ExitCode);

        stored = await gh.StoredAsync();
        Assert.Equal(expected, stored.Where(s => expected.Any(e => e.Id == s.Id)));
        Assert.Equal(
            new[] { "acme/api#10", "acme/api#11", "acme/docs#12", $"acme/web#{leaf.Number}" }.Order(),
            stored.Where(s => expected.All(e => e.Id != s.Id)).Select(s => s.Key).Order());
        Assert.All(stored.Where(s => expected.All(e => e.Id != s.Id)), s => Assert.Equal("Removed", s.Category));
    }

    [Fact]
    public async Task A_sync_with_every_fault_kind_injected_converges_with_nothing_missed_or_duplicated()
    {
        var data = FakeGitHubData.Generate(13, "acme", ["web", "api"], 600);
        await using var gh = await GitHubHarness.StartAsync(data, ["web", "api"]);
        var faults = new[]
        {
            FakeFault.TooManyRequests(1),
            FakeFault.SecondaryRateLimit(1),
            FakeFault.SecondaryRateLimitWithoutRetryAfter(1),
            FakeFault.ServiceUnavailable(),
            FakeFault.OkWithRetryAfter(1),
            FakeFault.Slow(TimeSpan.FromMilliseconds(300)),
            FakeFault.DropConnection(),
            FakeFault.TruncatedBody(),
        };
        for (var i = 0; i < faults.Length; i++)
        {
            gh.Fake.Faults.AddRandom("*", faults[i], probability: 0.08, seed: 100 + i);
        }

        var run = await gh.SyncAsync();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(gh.Expected(), await gh.StoredAsync());
        var injected = gh.Fake.Requests.Where(r => r.Fault is not null).Select(r => r.Fault!.Value).Distinct().Count();
        Assert.True(injected >= 5, $"only {injected} fault kinds were injected");
    }

    [Fact]
    public async Task A_rejected_token_fails_the_source_at_once_with_one_request_and_a_message_naming_the_variable()
    {
        var data = FakeGitHubData.Generate(14, "acme", ["web"], 50);
        await using var gh = await GitHubHarness.StartAsync(data, ["web"], token: "not-the-token");

        var run = await gh.SyncAsync();

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"Source 'gh': GitHub answered 401 Unauthorized (Bad credentials) — check the token in {gh.TokenVariable}.", run.Out, StringComparison.Ordinal);
        Assert.Equal(1, gh.Fake.Requests.Count);
        Assert.DoesNotContain("not-the-token", run.Out + run.Error, StringComparison.Ordinal);
    }
}
