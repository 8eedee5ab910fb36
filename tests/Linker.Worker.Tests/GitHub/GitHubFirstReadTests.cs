using OkrLinker.Fakes;

namespace OkrLinker.Worker.Tests.GitHub;

/// <summary>
/// A repo's first read lists by page number in creation order, pages 2..N concurrently once page 1's
/// <c>Link rel="last"</c> is known; each page commits with its page number as cursor, the last with the
/// incremental <c>since</c> (issue 11, target 4; DESIGN.md §6).
/// </summary>
public sealed class GitHubFirstReadTests
{
    private const string Issues = "GET /repos/*/issues";

    [Fact]
    public async Task A_first_sync_of_250_items_is_a_probe_and_pages_1_to_3_by_number_and_an_unchanged_resync_one_304()
    {
        var data = FakeGitHubData.Generate(41, "acme", ["web"], 250);
        await using var gh = await GitHubHarness.StartAsync(data, ["web"]);

        Assert.Equal(0, (await gh.SyncAsync()).ExitCode);

        var lists = IssueRequests(gh);
        Assert.Equal("?state=all&sort=updated&direction=desc&per_page=1", lists[0].Query);
        Assert.Equal("?state=all&sort=created&direction=asc&per_page=100&page=1", lists[1].Query); // its Link says how many follow
        Assert.Equal(
            ["?state=all&sort=created&direction=asc&per_page=100&page=2", "?state=all&sort=created&direction=asc&per_page=100&page=3"],
            lists.Skip(2).Select(r => r.Query).Order(StringComparer.Ordinal));
        Assert.Equal(gh.Expected(), await gh.StoredAsync());

        gh.Fake.Requests.Clear();
        Assert.Equal(0, (await gh.SyncAsync()).ExitCode);

        Assert.Equal([304], IssueRequests(gh).Select(r => r.Status));
    }

    [Fact]
    public async Task A_first_read_cut_off_after_page_1_resumes_at_page_2_and_the_run_after_reads_what_changed_since_the_first_start()
    {
        var data = FakeGitHubData.Generate(42, "acme", ["web"], 250);
        await using var gh = await GitHubHarness.StartAsync(data, ["web"]);
        var byCreation = data.Snapshot().OrderBy(i => i.CreatedAt).ThenBy(i => i.Number).ToList();

        // The probe and page 1 are answered; pages 2 and 3 never are (every retry's connection dropped).
        gh.Fake.Faults.Add(Issues, FakeFault.Slow(TimeSpan.FromMilliseconds(1)), times: 2);
        gh.Fake.Faults.Add(Issues, FakeFault.DropConnection(), times: 1000);

        Assert.Equal(1, (await gh.SyncAsync()).ExitCode);

        // Exactly page 1 is stored: the 100 items created first.
        Assert.Equal(byCreation.Take(100).Select(i => i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal),
            (await gh.StoredAsync()).Select(s => s.Id).Order(StringComparer.Ordinal));

        // Meanwhile an item of the committed page 1 is edited.
        var edited = data.Edit("web", byCreation[10].Number)[0];
        gh.Fake.Faults.Clear();
        gh.Fake.Requests.Clear();

        Assert.Equal(0, (await gh.SyncAsync()).ExitCode);

        // The resumed read: a probe, then pages 2 and 3 only.
        var resumed = IssueRequests(gh);
        Assert.Equal(
            ["?state=all&sort=created&direction=asc&per_page=100&page=2", "?state=all&sort=created&direction=asc&per_page=100&page=3"],
            resumed.Skip(1).Select(r => r.Query).Order(StringComparer.Ordinal));
        Assert.Equal(3, resumed.Count);
        var expected = gh.Expected();
        var stored = await gh.StoredAsync();
        var editedId = edited.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected.Where(e => e.Id != editedId), stored.Where(s => s.Id != editedId));
        Assert.NotEqual(edited.Title, stored.Single(s => s.Id == editedId).Title); // page 1 was not read again

        gh.Fake.Requests.Clear();
        Assert.Equal(0, (await gh.SyncAsync()).ExitCode);

        // A resumed read keeps no probe ETag: the next run probes afresh and lists since the first read's start.
        var after = IssueRequests(gh);
        Assert.Equal(2, after.Count);
        Assert.Null(after[0].IfNoneMatch);
        Assert.Contains("&since=", after[1].Query, StringComparison.Ordinal);
        Assert.Equal(expected, await gh.StoredAsync());

        gh.Fake.Requests.Clear();
        Assert.Equal(0, (await gh.SyncAsync()).ExitCode);

        Assert.Equal([304], IssueRequests(gh).Select(r => r.Status));
    }

    [Fact]
    public async Task An_issue_deleted_during_a_first_read_shifts_a_page_boundary_and_the_count_check_reads_the_repo_again_by_time()
    {
        var data = FakeGitHubData.Generate(43, "acme", ["web"], 250);
        await using var gh = await GitHubHarness.StartAsync(data, ["web"]);
        var byCreation = data.Snapshot().OrderBy(i => i.CreatedAt).ThenBy(i => i.Number).ToList();
        var deleted = byCreation[10];
        var shifted = byCreation[100]; // the first of page 2: on page 1 once an item before it is gone

        // Page 1 is answered with the item still on it; then it is deleted, before pages 2 and 3 are asked for.
        var once = 0;
        data.AfterIssuesListed = (_, sort, page) =>
        {
            if (sort == "created" && page == 1 && Interlocked.Exchange(ref once, 1) == 0)
            {
                data.Delete("web", deleted.Number);
            }
        };

        Assert.Equal(0, (await gh.SyncAsync()).ExitCode);

        // The probe counted 250; pages 1-3 gave 249 (the shifted item fell between pages 1 and 2): read again by time.
        var lists = IssueRequests(gh).Select(r => r.Query).ToList();
        Assert.Equal("?state=all&sort=updated&direction=desc&per_page=1", lists[0]);
        Assert.Equal(
            ["?state=all&sort=created&direction=asc&per_page=100&page=1", "?state=all&sort=created&direction=asc&per_page=100&page=2", "?state=all&sort=created&direction=asc&per_page=100&page=3"],
            lists.Skip(1).Take(3).Order(StringComparer.Ordinal));
        Assert.Equal("?state=all&sort=updated&direction=asc&per_page=100", lists[4]);
        Assert.All(lists.Skip(5), q => Assert.StartsWith("?state=all&sort=updated&direction=asc&per_page=100", q, StringComparison.Ordinal));

        // Nothing is missed: every item the repo has is stored as it is, the shifted one too; the deleted one
        // stays as it was read until a sweep finds it gone.
        var stored = await gh.StoredAsync();
        var expected = gh.Expected();
        var deletedId = deleted.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(249, expected.Count);
        Assert.Equal(250, stored.Count);
        Assert.Contains(stored, s => s.Id == shifted.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, stored.Where(s => s.Id != deletedId));
    }

    private static List<FakeRequest> IssueRequests(GitHubHarness gh) => [.. gh.Fake.Requests.Matching(Issues)];
}
