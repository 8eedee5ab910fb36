using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using OkrLinker.Fakes;
using OkrLinker.Fakes.Jira;

namespace OkrLinker.Worker.Tests.Jira;

/// <summary>The Jira source against the fake: incremental syncs, the sweep, a project move, faults and the search lag.</summary>
public sealed class JiraSyncTests
{
    [Theory]
    [InlineData(FakeJiraFlavor.Cloud)]
    [InlineData(FakeJiraFlavor.DataCenter)]
    public async Task An_incremental_sync_and_a_sweep_converge_after_edits_creations_deletions_and_a_project_move(FakeJiraFlavor flavor)
    {
        var data = FakeJiraData.Generate(12, JiraHarness.Projects, 600);
        using var jira = JiraHarness.Start(data, new FakeJiraOptions { Flavor = flavor });
        Assert.Equal(0, (await jira.SyncAsync()).ExitCode);

        var issues = data.Issues;
        foreach (var issue in issues.Where(i => i.Type == FakeJiraIssue.Story).Take(10))
        {
            data.Edit(issue.Id, i => i with { Summary = i.Summary + " (edited)", Labels = ["kr:O1-KR2"] });
        }

        var epic = data.Create("GRO", FakeJiraIssue.Epic, "A new epic");
        var story = data.Create("GRO", FakeJiraIssue.Story, "A story of the new epic", epic.Id);
        data.Create("GRO", FakeJiraIssue.SubTask, "A sub-task of it", story.Id);
        var deleted = issues.Where(i => i.Type == FakeJiraIssue.SubTask).Take(3).Select(i => i.Id).ToList();
        deleted.ForEach(data.Delete);
        var mover = issues.First(i => i.Project == "PAY" && i.Type == FakeJiraIssue.Story && issues.Any(c => c.ParentId == i.Id));
        var moved = data.Move(mover.Id, "WEB");

        Assert.Equal(0, (await jira.SyncAsync()).ExitCode);

        // Edits, creations and the move arrive; the deleted issues are still stored as they were.
        var expected = jira.Expected();
        var stored = await jira.StoredAsync();
        Assert.Equal(603, stored.Count);
        Assert.Equal(expected, stored.Where(s => !deleted.Contains(long.Parse(s.Id, CultureInfo.InvariantCulture))));
        var movedRow = Assert.Single(stored, s => s.Id == moved.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal((moved.Key, "WEB", "WEB"), (movedRow.Key, movedRow.Team, movedRow.Project));
        Assert.DoesNotContain(stored, s => s.Key == mover.Key);

        Assert.Equal(0, (await jira.SyncAsync("--full")).ExitCode);

        stored = await jira.StoredAsync();
        Assert.Equal(expected, await jira.LiveStoredAsync());
        Assert.Equal(deleted.Order(), stored.Where(s => s.Category == "Removed").Select(s => long.Parse(s.Id, CultureInfo.InvariantCulture)).Order());
    }

    [Theory]
    [InlineData(FakeJiraFlavor.Cloud)]
    [InlineData(FakeJiraFlavor.DataCenter)]
    public async Task The_sweep_reads_ids_only_and_finds_a_deletion_and_a_move_no_incremental_read_can_see(FakeJiraFlavor flavor)
    {
        var data = FakeJiraData.Generate(17, JiraHarness.Projects, 600);
        using var jira = JiraHarness.Start(data, new FakeJiraOptions { Flavor = flavor });
        Assert.Equal(0, (await jira.SyncAsync()).ExitCode);
        var issues = data.Issues;
        var leaf = issues.First(i => i.Project == "GRO" && i.Type == FakeJiraIssue.Story && issues.All(c => c.ParentId != i.Id));
        var moved = data.Move(leaf.Id, "PAY", touch: false);
        var deleted = issues.First(i => i.Type == FakeJiraIssue.SubTask);
        data.Delete(deleted.Id);
        jira.Fake.Requests.Clear();

        var run = await jira.SyncAsync("--full");

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Equal(jira.Expected(), await jira.LiveStoredAsync());
        var stored = await jira.StoredAsync();
        Assert.Equal((moved.Key, "payments"), stored.Where(s => s.Id == $"{moved.Id}").Select(s => (s.Key, s.Team)).Single());
        Assert.Equal([$"{deleted.Id}"], stored.Where(s => s.Category == "Removed").Select(s => s.Id));
        // Per scope one incremental search and one id search (600 ids fit a page), then one search re-reads the moved issue.
        Assert.Equal(7, jira.Fake.SearchRequests);
        Assert.Contains(jira.Fake.Searches, jql => jql == $"(id in ({moved.Id})) ORDER BY created ASC, key ASC");
    }

    [Theory]
    [InlineData(FakeFaultKind.TooManyRequests, FakeJiraFlavor.Cloud)]
    [InlineData(FakeFaultKind.TooManyRequests, FakeJiraFlavor.DataCenter)]
    [InlineData(FakeFaultKind.SecondaryRateLimit, FakeJiraFlavor.Cloud)]
    [InlineData(FakeFaultKind.SecondaryRateLimitWithoutRetryAfter, FakeJiraFlavor.DataCenter)]
    [InlineData(FakeFaultKind.ServiceUnavailable, FakeJiraFlavor.Cloud)]
    [InlineData(FakeFaultKind.ServiceUnavailable, FakeJiraFlavor.DataCenter)]
    [InlineData(FakeFaultKind.OkWithRetryAfter, FakeJiraFlavor.Cloud)]
    [InlineData(FakeFaultKind.Slow, FakeJiraFlavor.DataCenter)]
    [InlineData(FakeFaultKind.DropConnection, FakeJiraFlavor.Cloud)]
    [InlineData(FakeFaultKind.DropConnection, FakeJiraFlavor.DataCenter)]
    [InlineData(FakeFaultKind.TruncatedBody, FakeJiraFlavor.Cloud)]
    [InlineData(FakeFaultKind.TruncatedBody, FakeJiraFlavor.DataCenter)]
    public async Task Every_fault_kind_converges_with_nothing_missed_or_duplicated(FakeFaultKind kind, FakeJiraFlavor flavor)
    {
        var data = FakeJiraData.Generate(13, JiraHarness.Projects, 600);
        using var jira = JiraHarness.Start(data, new FakeJiraOptions { Flavor = flavor });
        var fault = new FakeFault(kind, RetryAfterSeconds: 1, ResetInSeconds: 1, Delay: TimeSpan.FromMilliseconds(30));
        jira.Fake.Faults.AddRandom("*", fault, probability: 0.35, seed: 100 + (int)kind);

        var run = await jira.SyncAsync();

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Equal(jira.Expected(), await jira.StoredAsync());
        Assert.Contains(jira.Fake.Requests.All, r => r.Fault == kind);

        foreach (var issue in data.Issues.Take(5))
        {
            data.Edit(issue.Id, i => i with { Summary = i.Summary + " (edited under faults)" });
        }

        data.Create("PAY", FakeJiraIssue.Epic, "Created under faults");
        Assert.Equal(0, (await jira.SyncAsync()).ExitCode);
        Assert.Equal(jira.Expected(), await jira.StoredAsync());
    }

    [Fact]
    public async Task An_issue_hidden_by_the_search_lag_during_one_sync_arrives_with_the_next()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(-30));
        var data = FakeJiraData.Generate(14, JiraHarness.Projects, 300, clock);
        using var jira = JiraHarness.Start(data, new FakeJiraOptions { SearchLag = TimeSpan.FromMinutes(2), Clock = clock });
        Assert.Equal(0, (await jira.SyncAsync()).ExitCode);

        clock.Advance(TimeSpan.FromMinutes(1));
        var edited = data.Edit(data.Issues[42].Id, i => i with { Summary = "Edited just before the read" });
        Assert.Equal(0, (await jira.SyncAsync()).ExitCode);

        var id = edited.Id.ToString(CultureInfo.InvariantCulture);
        Assert.NotEqual(edited.Summary, (await jira.StoredAsync()).Single(s => s.Id == id).Title);

        clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(0, (await jira.SyncAsync()).ExitCode);

        Assert.Equal(edited.Summary, (await jira.StoredAsync()).Single(s => s.Id == id).Title);
        Assert.Equal(jira.Expected(), await jira.StoredAsync());
    }

    [Theory]
    [InlineData("America/Los_Angeles")] // UTC−8: behind UTC
    [InlineData("Australia/Brisbane")] // UTC+10: ahead of it
    public async Task A_site_whose_profile_zone_is_not_UTC_loses_nothing_at_a_day_boundary(string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Date;
        var midnight = new DateTimeOffset(today, zone.GetUtcOffset(today));
        var clock = new FakeTimeProvider(midnight.AddMinutes(-10));
        var data = FakeJiraData.Generate(15, JiraHarness.Projects, 300, clock);
        using var jira = JiraHarness.Start(data, new FakeJiraOptions { ProfileZone = zone, Clock = clock });
        Assert.Equal(0, (await jira.SyncAsync()).ExitCode);

        var issues = data.Issues;
        TimeSpan[][] rounds =
        [
            [TimeSpan.FromMinutes(-3)],
            [TimeSpan.FromMilliseconds(-1), TimeSpan.Zero],
            [TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(3)],
        ];
        var n = 0;
        foreach (var round in rounds)
        {
            foreach (var offset in round)
            {
                clock.SetUtcNow(midnight + offset);
                data.Edit(issues[n * 7].Id, i => i with { Summary = $"Edited at {offset} from local midnight" });
                n++;
            }

            Assert.Equal(0, (await jira.SyncAsync()).ExitCode);
        }

        Assert.Equal(jira.Expected(), await jira.StoredAsync());
        // Never a zone-less date: only epoch milliseconds go out.
        Assert.All(jira.Fake.Searches, jql => Assert.DoesNotMatch(@"\d{4}[/-]\d{2}[/-]\d{2}", jql));
        Assert.Contains(jira.Fake.Searches, jql => System.Text.RegularExpressions.Regex.IsMatch(jql, @"updated >= \d{13} ORDER BY created ASC, key ASC$"));
    }

    [Fact]
    public async Task Flavor_Auto_reads_the_deployment_type_once_and_a_JQL_source_is_one_scope()
    {
        var data = FakeJiraData.Generate(16, JiraHarness.Projects, 250);
        using var jira = JiraHarness.Start(data, new FakeJiraOptions { Flavor = FakeJiraFlavor.DataCenter }, jql: "project in (PAY, WEB) ORDER BY Rank", flavor: "Auto");

        var run = await jira.SyncAsync();

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Equal(jira.Expected().Where(i => i.Project != "GRO"), await jira.StoredAsync());
        Assert.Equal(
            ["/rest/api/2/serverInfo", "/rest/api/2/field", "/rest/api/2/search", "/rest/api/2/search"],
            jira.Fake.Requests.All.Select(r => r.Path));
        Assert.Equal("(project in (PAY, WEB)) ORDER BY created ASC, key ASC", jira.Fake.Searches[0]);
    }
}
