using OkrLinker.Fakes.Jira;
using Xunit.Abstractions;

namespace OkrLinker.Worker.Tests.Jira;

/// <summary>
/// A full sync of 5,000 issues (epics, stories, sub-tasks in three projects) on each flavour stores exactly the
/// data set, and costs what DESIGN.md promises in the fake's journal: at most 51 searches plus field discovery,
/// then one search per scope for a re-sync without change. The only two 5,000-issue runs of the suite.
/// </summary>
public sealed class JiraFullSyncTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(FakeJiraFlavor.Cloud)]
    [InlineData(FakeJiraFlavor.DataCenter)]
    public async Task A_full_sync_of_5000_issues_stores_the_data_set_in_at_most_51_searches_and_a_resync_without_change_makes_one_per_scope(FakeJiraFlavor flavor)
    {
        var data = FakeJiraData.Generate(5, JiraHarness.Projects, 5000);
        using var jira = JiraHarness.Start(data, new FakeJiraOptions { Flavor = flavor });

        var run = await jira.SyncAsync();

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        var stored = await jira.StoredAsync();
        Assert.Equal(5000, stored.Count);
        Assert.Equal(jira.Expected(), stored);
        Assert.Equal(3, stored.Select(s => s.Project).Distinct().Count());
        Assert.Contains(stored, s => s.Type == "Sub-task" && s.ParentId is not null);
        Assert.Contains(stored, s => s.Type == "Story" && s.ParentKey is not null);
        var full = jira.Fake.Requests.All;
        output.WriteLine($"{flavor} full sync: {full.Count} requests, {jira.Fake.SearchRequests} searches: {string.Join(", ", full.GroupBy(r => r.Path).Select(g => $"{g.Key} × {g.Count()}"))}");
        Assert.True(jira.Fake.SearchRequests <= 51, $"{jira.Fake.SearchRequests} searches");
        Assert.Equal(["/rest/api/" + (flavor == FakeJiraFlavor.Cloud ? "3" : "2") + "/field"], full.Select(r => r.Path).Where(p => !p.Contains("/search", StringComparison.Ordinal)));
        Assert.All(full, r => Assert.Equal(200, r.Status));

        jira.Fake.Requests.Clear();
        Assert.Equal(0, (await jira.SyncAsync()).ExitCode);

        output.WriteLine($"{flavor} re-sync without change: {jira.Fake.Requests.Count} requests, {jira.Fake.SearchRequests} searches");
        Assert.Equal(3, jira.Fake.SearchRequests);
        Assert.Equal(stored, await jira.StoredAsync());
    }
}
