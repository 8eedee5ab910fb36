using OkrLinker.Fakes;
using OkrLinker.Fakes.Jira;
using OkrLinker.Worker.Tests.Support;

namespace OkrLinker.Worker.Tests.Jira;

/// <summary>A real <c>okrlinker sync</c> killed mid-sync, at a page chosen by the seed, then run again (DESIGN.md §6).</summary>
public sealed class JiraCrashSafetyTests
{
    private const int Pages = 15; // 1,500 issues: 500 per project, 5 pages each

    [Theory]
    [InlineData(1, FakeJiraFlavor.Cloud)]
    [InlineData(2, FakeJiraFlavor.DataCenter)]
    [InlineData(3, FakeJiraFlavor.Cloud)]
    [InlineData(4, FakeJiraFlavor.DataCenter)]
    public async Task A_sync_killed_at_a_random_page_and_restarted_stores_exactly_the_data_set(int seed, FakeJiraFlavor flavor)
    {
        var data = FakeJiraData.Generate(30 + seed, JiraHarness.Projects, 1500);
        using var jira = JiraHarness.Start(data, new FakeJiraOptions { Flavor = flavor });
        // Slowed pages keep the child busy inside a page when the kill comes.
        jira.Fake.Faults.AddRandom("POST /rest/api/*/search*", FakeFault.Slow(TimeSpan.FromMilliseconds(60)), probability: 1, seed: seed);
        var killAfter = new Random(seed).Next(2, Pages - 2);

        using (var child = jira.StartProcess("sync"))
        {
            await WorkerProcess.KillWhenAsync(child, () => jira.Fake.SearchRequests >= killAfter, $"{killAfter} pages were served");
        }

        var beforeRestart = (await jira.StoredAsync()).Count;
        Assert.InRange(beforeRestart, 0, 1499);
        jira.Fake.Requests.Clear();

        var run = await jira.SyncAsync();

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Equal(jira.Expected(), await jira.StoredAsync());
        if (beforeRestart > 0)
        {
            // It resumed from the committed cursor instead of starting over.
            Assert.True(jira.Fake.SearchRequests < Pages, $"{jira.Fake.SearchRequests} searches after the restart");
        }
    }
}
