using System.Text.Json;
using OkrLinker.Fakes;

namespace OkrLinker.Connectors.Tests.Fakes;

public sealed class FakeGitHubDataTests
{
    private static readonly string[] ThreeRepos = ["web", "api", "ops"];

    [Fact]
    public void Generate_is_deterministic_for_a_seed()
    {
        var first = FakeGitHubData.Generate(42, "acme", ThreeRepos, 300);
        var again = FakeGitHubData.Generate(42, "acme", ThreeRepos, 300);
        var other = FakeGitHubData.Generate(43, "acme", ThreeRepos, 300);

        Assert.Equal(JsonSerializer.Serialize(first.Snapshot()), JsonSerializer.Serialize(again.Snapshot()));
        Assert.NotEqual(JsonSerializer.Serialize(first.Snapshot()), JsonSerializer.Serialize(other.Snapshot()));
    }

    [Fact]
    public void Generated_data_has_the_promised_mix()
    {
        var data = FakeGitHubData.Generate(7, "acme", ThreeRepos, 1000);
        var items = data.Snapshot();
        var now = FakeGitHubData.DefaultNow;

        Assert.Equal(3000, items.Count);
        Assert.Equal(Enumerable.Range(1_000_001, 3000).Select(id => (long)id), items.Select(item => item.Id).Order());
        Assert.All(ThreeRepos, repo => Assert.Equal(Enumerable.Range(1, 1000), items.Where(i => i.Repo == repo).Select(i => i.Number)));
        Assert.InRange(Share(items, item => item.IsPullRequest), 0.17, 0.23);
        Assert.InRange(Share(items, item => item.State == "closed"), 0.55, 0.65);
        Assert.InRange(Share(items, item => item.InProject && item.KeyResult is not null), 0.03, 0.07);
        Assert.Equal(3000, items.Select(item => item.UpdatedAt).Distinct().Count());
        Assert.All(items, item => Assert.InRange(item.UpdatedAt, item.CreatedAt, now.AddSeconds(-1)));
        Assert.All(items, item => Assert.True(item.CreatedAt >= now.AddDays(-84)));
        Assert.All(items.Where(item => item.State == "closed"), item => Assert.InRange(item.ClosedAt!.Value, item.CreatedAt, item.UpdatedAt));
        Assert.All(items.Where(item => item.MergedAt is not null), item => Assert.True(item.IsPullRequest));
        var parents = items.Where(item => item.ParentNumber is not null).ToList();
        Assert.NotEmpty(parents);
        Assert.All(parents, child => Assert.Equal("Epic", data.Find(child.Repo, child.ParentNumber!.Value)!.IssueType));
        Assert.Contains(items, item => item.Labels.Any(label => label.StartsWith("kr:O", StringComparison.Ordinal)));
        Assert.Contains(items, item => item.Labels.Contains("bug"));
        Assert.Contains(items, item => item.Labels.Contains("support"));
    }

    [Fact]
    public void Ten_thousand_items_put_at_most_900_in_the_project()
    {
        var data = FakeGitHubData.Generate(1, "acme", ["web"], 10_000);

        Assert.InRange(data.Snapshot().Count(item => item.InProject), 300, 900);
    }

    [Fact]
    public void Edits_stamp_strictly_newer_updated_at_and_project_fields_do_not()
    {
        var data = FakeGitHubData.Generate(3, "acme", ThreeRepos, 50);
        var newest = data.Snapshot().Max(item => item.UpdatedAt);

        var edited = data.Edit(3);
        var target = data.Snapshot().First(item => !edited.Any(e => e.Id == item.Id));
        var before = data.Now;
        var withField = data.SetProjectField(target.Repo, target.Number, "O2-KR2");

        Assert.Equal(3, edited.Select(item => item.Id).Distinct().Count());
        // The clock starts at 12:00:00 and ticks a second per edit: 12:00:01, :02, :03.
        Assert.Equal(
            [FakeGitHubData.DefaultNow.AddSeconds(1), FakeGitHubData.DefaultNow.AddSeconds(2), FakeGitHubData.DefaultNow.AddSeconds(3)],
            edited.Select(item => item.UpdatedAt));
        Assert.All(edited, item => Assert.True(item.UpdatedAt > newest));
        Assert.All(edited, item => Assert.Contains("(edit ", item.Title, StringComparison.Ordinal));
        Assert.Equal(target.UpdatedAt, withField.UpdatedAt);
        Assert.Equal(before, data.Now);
        Assert.Equal(("O2-KR2", true), (data.Find(target.Repo, target.Number)!.KeyResult, data.Find(target.Repo, target.Number)!.InProject));
    }

    [Fact]
    public void Edit_toggles_issue_state_and_merges_open_pull_requests()
    {
        var data = new FakeGitHubData("acme");
        data.AddRepo("web");
        data.AddIssues("web", 1);
        data.Add("web", "PR", pullRequest: true);

        var closed = data.Edit("web", 1)[0];
        var reopened = data.Edit("web", 1)[0];
        var merged = data.Edit("web", 2)[0];

        Assert.Equal(("closed", "completed", closed.UpdatedAt), (closed.State, closed.StateReason, closed.ClosedAt!.Value));
        Assert.Equal(["edited"], closed.Labels);
        Assert.Equal(("open", "reopened", (DateTimeOffset?)null, 0), (reopened.State, reopened.StateReason, reopened.ClosedAt, reopened.Labels.Count));
        Assert.Equal(("closed", merged.UpdatedAt), (merged.State, merged.MergedAt!.Value));
    }

    [Fact]
    public void Transfer_gives_a_new_number_and_id_and_delete_removes_the_item()
    {
        var data = new FakeGitHubData("acme");
        data.AddRepo("web");
        data.AddRepo("api");
        data.AddIssues("web", 3);
        data.AddIssues("api", 2);
        data.SetProjectField("web", 2, "O1-KR2");

        var moved = data.Transfer("web", 2, "api");
        data.Delete("web", 3);

        // Ids 1_000_001..1_000_005 are taken; the transferred issue gets the next one, and api's next number 3.
        Assert.Equal(("api", 3, 1_000_006L, "O1-KR2"), (moved.Repo, moved.Number, moved.Id, moved.KeyResult));
        Assert.Equal(["web#1", "api#1", "api#2", "api#3"], data.Snapshot().Select(item => item.Key));
        Assert.Null(data.Find("web", 2));
    }

    private static double Share(IReadOnlyList<FakeGitHubItem> items, Func<FakeGitHubItem, bool> predicate) =>
        items.Count(predicate) / (double)items.Count;
}
