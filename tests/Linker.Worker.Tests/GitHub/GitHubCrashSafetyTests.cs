using OkrLinker.Fakes;
using OkrLinker.Worker.Tests.Support;

namespace OkrLinker.Worker.Tests.GitHub;

/// <summary>A real process killed mid-sync, at a page chosen by the seed, then run again (DESIGN.md §6).</summary>
public sealed class GitHubCrashSafetyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_sync_killed_at_a_random_page_and_restarted_stores_exactly_the_data_set(int seed)
    {
        var data = FakeGitHubData.Generate(20 + seed, "acme", ["web"], 1500);
        await using var gh = await GitHubHarness.StartAsync(data, ["web"]);
        // Slowed pages keep the child busy inside a page when the kill comes.
        gh.Fake.Faults.AddRandom("GET /repos/*/issues", FakeFault.Slow(TimeSpan.FromMilliseconds(40)), probability: 1, seed: seed);
        var killAfter = new Random(seed).Next(3, 13); // list pages served before the kill; 1,500 items take about 16

        using (var child = gh.StartProcess("sync"))
        {
            await WorkerProcess.KillWhenAsync(child, () => ListPagesServed(gh) >= killAfter, $"{killAfter} pages were served");
        }

        var beforeRestart = (await gh.StoredAsync()).Count;
        Assert.InRange(beforeRestart, 0, 1499);
        var servedBeforeKill = gh.Fake.Requests.Count;

        var run = await gh.SyncAsync();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(gh.Expected(), await gh.StoredAsync());
        if (beforeRestart > 0)
        {
            // It resumed from the committed cursor instead of starting over: a first read by page number
            // goes on after its last committed page, one that had finished lists since its cursor.
            var firstListAfterRestart = gh.Fake.Requests.All.Skip(servedBeforeKill)
                .First(r => r.Path.EndsWith("/issues", StringComparison.Ordinal) && r.Query.Contains("direction=asc", StringComparison.Ordinal));
            Assert.True(
                firstListAfterRestart.Query.Contains("since=", StringComparison.Ordinal) || !firstListAfterRestart.Query.EndsWith("&page=1", StringComparison.Ordinal),
                firstListAfterRestart.Query);
        }
    }

    private static int ListPagesServed(GitHubHarness gh) =>
        gh.Fake.Requests.Where(r => r.Path.EndsWith("/issues", StringComparison.Ordinal) && r.Query.Contains("direction=asc", StringComparison.Ordinal)).Count;
}
