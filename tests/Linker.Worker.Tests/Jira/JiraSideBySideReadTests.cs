using System.Globalization;
using System.Text.Json;
using OkrLinker.Fakes;
using OkrLinker.Fakes.Jira;

namespace OkrLinker.Worker.Tests.Jira;

/// <summary>
/// A Data Center first sync reads a scope's pages by <c>startAt</c> side by side (issue 11 target 4's levers for
/// Jira): as many searches as one after the other, never more in flight than <c>Http.MaxConcurrentRequests</c>,
/// committed in order, and nothing skipped when an issue leaves the scope mid-read and the offsets shift.
/// 1,500 issues: 500 in each of PAY, GRO and WEB, five pages each.
/// </summary>
public sealed class JiraSideBySideReadTests
{
    private const int Issues = 1500;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task A_first_Data_Center_sync_reads_overlapping_pages_side_by_side_in_five_searches_a_project_and_a_resync_without_change_in_one()
    {
        var data = FakeJiraData.Generate(61, JiraHarness.Projects, Issues);
        using var jira = JiraHarness.Start(data, new FakeJiraOptions { Flavor = FakeJiraFlavor.DataCenter, Latency = Latency }, maxConcurrentRequests: 3);

        var run = await jira.SyncAsync();

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Equal(jira.Expected(), await jira.StoredAsync());
        // The field list, then per project the first page (100 from 0) and four of 101, each from the last issue of the one before.
        Assert.Equal(16, jira.Fake.Requests.Count);
        var pages = jira.Fake.Requests.All.Where(r => r.Path == "/rest/api/2/search").Select(Paging).ToList();
        Assert.Equal(
            [.. Enumerable.Repeat<(int, int)[]>([(0, 100), (99, 101), (199, 101), (299, 101), (399, 101)], 3).SelectMany(p => p)],
            pages.Chunk(5).SelectMany(project => project.Order()));
        Assert.InRange(jira.Fake.MaxInFlight, 1, 3);

        jira.Fake.Requests.Clear();
        Assert.Equal(0, (await jira.SyncAsync()).ExitCode);

        Assert.Equal(3, jira.Fake.SearchRequests);
    }

    [Theory]
    [InlineData("deleted")]
    [InlineData("moved")]
    public async Task An_issue_leaving_a_project_during_its_side_by_side_read_shifts_the_offsets_and_no_issue_is_skipped(string how)
    {
        var data = FakeJiraData.Generate(62, JiraHarness.Projects, Issues);
        using var jira = JiraHarness.Start(data, new FakeJiraOptions { Flavor = FakeJiraFlavor.DataCenter, Latency = Latency }, maxConcurrentRequests: 3);
        // The first issue of PAY that no other issue names as its parent, so no stored child keeps a stale parent key.
        var first = InOrder(data, "PAY").First(i => data.Issues.All(c => c.ParentId != i.Id));
        var changed = 0;
        jira.Fake.BeforeDataCenterPage = (jql, startAt) =>
        {
            // When the third page is asked for, the first page (read by then) loses an issue: every later one moves back a place.
            if (jql.Contains("\"PAY\"", StringComparison.Ordinal) && startAt == 199 && Interlocked.Exchange(ref changed, 1) == 0)
            {
                if (how == "deleted")
                {
                    data.Delete(first.Id);
                }
                else
                {
                    data.Move(first.Id, "WEB");
                }
            }
        };

        var run = await jira.SyncAsync();

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.Equal(1, changed);
        var stored = await jira.StoredAsync();
        var id = first.Id.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(jira.Expected(), how == "deleted" ? [.. stored.Where(s => s.Id != id)] : stored);
        Assert.Equal(how == "deleted" ? "PAY" : "WEB", stored.Single(s => s.Id == id).Project);
    }

    [Fact]
    public async Task A_page_refused_mid_read_leaves_exactly_the_pages_before_it_committed_and_the_rerun_resumes_there_and_skips_nothing()
    {
        var data = FakeJiraData.Generate(63, JiraHarness.Projects, Issues);
        using var jira = JiraHarness.Start(data, new FakeJiraOptions { Flavor = FakeJiraFlavor.DataCenter, Latency = Latency }, maxConcurrentRequests: 4);
        jira.Fake.BeforeDataCenterPage = (jql, startAt) =>
        {
            if (jql.Contains("\"PAY\"", StringComparison.Ordinal) && startAt == 299)
            {
                throw new FakeJqlException("The fourth page is refused.");
            }
        };

        var failed = await jira.SyncAsync();

        Assert.NotEqual(0, failed.ExitCode);
        // Pages 5 may well have been read too, ahead of the refused one; only the three before it are committed.
        var pay = InOrder(data, "PAY");
        Assert.Equal(
            pay.Take(300).Select(i => i.Id.ToString(CultureInfo.InvariantCulture)).Order(),
            (await jira.StoredAsync()).Where(s => s.Project == "PAY").Select(s => s.Id).Order());

        jira.Fake.BeforeDataCenterPage = null;
        jira.Fake.Requests.Clear();
        var searchesBefore = jira.Fake.Searches.Count;
        var rerun = await jira.SyncAsync();

        Assert.True(rerun.ExitCode == 0, rerun.Out + rerun.Error);
        Assert.Equal(jira.Expected(), await jira.StoredAsync());
        // PAY goes on from its 300th issue: created at or after it, never from the start.
        var payAgain = jira.Fake.Searches.Skip(searchesBefore).Where(q => q.Contains("\"PAY\"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(payAgain);
        Assert.All(payAgain, q => Assert.Contains($"created >= {pay[299].Created.ToUnixTimeMilliseconds()}", q, StringComparison.Ordinal));
    }

    // The order the source asks for: created ASC, key ASC.
    private static List<FakeJiraIssue> InOrder(FakeJiraData data, string project) =>
        [.. data.Issues.Where(i => i.Project == project).OrderBy(i => i.Created).ThenBy(i => i.Number)];

    private static (int StartAt, int MaxResults) Paging(FakeRequest request)
    {
        using var body = JsonDocument.Parse(request.Body!);
        return (body.RootElement.GetProperty("startAt").GetInt32(), body.RootElement.GetProperty("maxResults").GetInt32());
    }
}
