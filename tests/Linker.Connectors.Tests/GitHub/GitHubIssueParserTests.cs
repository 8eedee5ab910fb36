using System.Text.Json;
using OkrLinker.Connectors.GitHub;
using OkrLinker.Connectors.Tests.Support;
using OkrLinker.Core.Items;
using OkrLinker.Core.Sources;
using static OkrLinker.Connectors.Tests.Support.Sources;

namespace OkrLinker.Connectors.Tests.GitHub;

public sealed class GitHubIssueParserTests
{
    private const string FixtureRepo = "octokit-fixture-org/tmp-scenario-paginate-issues-20220719043836917-izyoe";

    private static IReadOnlyList<WorkItem> ParseFile(string file, TeamResolver? teams = null)
    {
        using var document = Conformance.Load($"github/{file}");
        return new GitHubIssueParser(Options("gh"), teams ?? Teams()).ParsePage(document.RootElement);
    }

    private static WorkItem ParseOne(string json)
    {
        using var document = JsonDocument.Parse(json);
        return new GitHubIssueParser(Options("gh"), Teams()).ParseIssue(document.RootElement)!;
    }

    [Fact]
    public void Recorded_pages_yield_thirteen_open_unassigned_issues_newest_first()
    {
        var items = Enumerable.Range(1, 5).SelectMany(page => ParseFile($"issues-list-for-repo-page{page}.json")).ToList();

        Assert.Equal(Enumerable.Range(1, 13).Reverse().Select(n => $"{FixtureRepo}#{n}"), items.Select(i => i.Key));
        Assert.All(items, item => Assert.Equal("issue", item.Type));
        Assert.All(items, item => Assert.Equal("open", item.State));
        Assert.All(items, item => Assert.Equal(StateCategory.ToDo, item.Category));
        Assert.All(items, item => Assert.Equal(FixtureRepo, item.Project));
        // No Teams entry: the repo name itself.
        Assert.All(items, item => Assert.Equal("tmp-scenario-paginate-issues-20220719043836917-izyoe", item.Team));

        var first = items[0];
        Assert.Equal("1308969059", first.ExternalId);
        Assert.Equal("Test issue 13", first.Title);
        Assert.Equal($"https://github.com/{FixtureRepo}/issues/13", first.Url);
        Assert.Equal(Utc(2022, 7, 19, 4, 39, 16), first.Created);
        Assert.Equal(Utc(2022, 7, 19, 4, 39, 16), first.Updated);
        Assert.Null(first.Resolved);
        Assert.Empty(first.Labels);
        Assert.Equal("1308968677", items[^1].ExternalId);
    }

    [Fact]
    public void Openapi_issue_list_item_with_pull_request_key_is_an_open_pull_request()
    {
        var item = Assert.Single(ParseFile("openapi-issues-list-for-repo.json", Teams(("gh:octocat/Hello-World", "web"))));

        Assert.Equal("1", item.ExternalId);
        Assert.Equal("octocat/Hello-World#1347", item.Key);
        Assert.Equal("https://github.com/octocat/Hello-World/issues/1347", item.Url);
        Assert.Equal("Found a bug", item.Title);
        Assert.Equal("pull-request", item.Type);
        Assert.Equal("open", item.State);
        Assert.Equal(StateCategory.InProgress, item.Category);
        Assert.Equal(["bug"], item.Labels);
        Assert.Equal("web", item.Team);
        Assert.Equal(Utc(2011, 4, 22, 13, 33, 48), item.Created);
    }

    [Fact]
    public void Search_results_are_read_from_items()
    {
        var item = Assert.Single(ParseFile("openapi-search-issues.json"));

        Assert.Equal("35802", item.ExternalId);
        Assert.Equal("batterseapower/pinyin-toolkit#132", item.Key);
        Assert.Equal("pull-request", item.Type); // pull_request wins over the issue type "Bug"
        Assert.Equal(StateCategory.InProgress, item.Category);
        Assert.Equal("pinyin-toolkit", item.Team);
        Assert.Equal(["bug"], item.Labels);
        Assert.Equal(Utc(2009, 7, 19, 9, 23, 43), item.Updated);

        var recorded = ParseFile("search-issues.json");
        Assert.Equal(
            ["octokit-fixture-org/tmp-scenario-search-issues-20220719044045959-jlcli#2", "octokit-fixture-org/tmp-scenario-search-issues-20220719044045959-jlcli#1"],
            recorded.Select(i => i.Key));
        Assert.Equal("The doors don’t open", recorded[1].Title);
    }

    [Fact]
    public void Pulls_list_items_are_pull_requests_of_the_base_repo()
    {
        var item = Assert.Single(ParseFile("openapi-pulls-list.json"));

        Assert.Equal("octocat/Hello-World#1347", item.Key);
        Assert.Equal("octocat/Hello-World", item.Project);
        Assert.Equal("pull-request", item.Type);
        // The example says "open" while also giving merged_at: the state decides.
        Assert.Equal("open", item.State);
        Assert.Equal(StateCategory.InProgress, item.Category);
        Assert.Null(item.Resolved);
        Assert.Equal("https://github.com/octocat/Hello-World/pull/1347", item.Url);
        Assert.Equal(["bug"], item.Labels);
        Assert.Equal(("Please pull these awesome changes in!", "new-topic"), (item.Body, item.Branch)); // head.ref
    }

    [Fact]
    public void An_issues_list_item_keeps_its_body_but_carries_no_branch()
    {
        var item = Assert.Single(ParseFile("openapi-issues-list-for-repo.json"));
        var bodiless = ParseFile("issues-list-for-repo-page1.json")[0];

        Assert.Equal(("I'm having a problem with this.", null), (item.Body, item.Branch));
        Assert.Null(bodiless.Body); // "body": null
    }

    [Fact]
    public void Single_issue_get_parses()
    {
        using var document = Conformance.Load("github/openapi-issues-get.json");

        var item = new GitHubIssueParser(Options("gh"), Teams()).ParseIssue(document.RootElement)!;

        Assert.Equal("octocat/Hello-World#1347", item.Key);
        Assert.Equal("pull-request", item.Type);
        Assert.Equal(StateCategory.InProgress, item.Category);
    }

    [Fact]
    public void Issue_type_label_strings_and_parent_issue_are_read()
    {
        var item = ParseOne("""
            { "id": 77, "number": 12, "repository_url": "https://api.github.com/repos/acme/web",
              "html_url": "https://github.com/acme/web/issues/12", "title": "Speed up search",
              "state": "closed", "state_reason": "completed", "type": { "name": "Feature" },
              "labels": [ "kr:O1-KR2", { "name": "perf" } ],
              "parent_issue_url": "https://api.github.com/repos/acme/platform/issues/5",
              "created_at": "2026-10-01T10:00:00Z", "updated_at": "2026-10-08T10:00:00Z", "closed_at": "2026-10-07T16:30:00Z" }
            """);

        Assert.Equal("acme/web#12", item.Key);
        Assert.Equal("feature", item.Type);
        Assert.Equal(["kr:O1-KR2", "perf"], item.Labels);
        Assert.Equal("acme/platform#5", item.ParentKey);
        Assert.Equal("closed", item.State);
        Assert.Equal(StateCategory.Done, item.Category);
        Assert.Equal(Utc(2026, 10, 7, 16, 30), item.Resolved); // closed_at
        Assert.Equal("web", item.Team);
    }

    [Fact]
    public void Merged_pull_request_is_done_at_its_merge_time()
    {
        var item = ParseOne("""
            { "id": 78, "number": 13, "repository_url": "https://ghe.acme.com/api/v3/repos/acme/web", "state": "closed",
              "pull_request": { "merged_at": "2026-10-07T12:00:00Z" }, "type": null,
              "created_at": "2026-10-01T10:00:00Z", "updated_at": "2026-10-08T10:00:00Z", "closed_at": "2026-10-07T12:00:05Z" }
            """);

        Assert.Equal("acme/web#13", item.Key); // GHES api/v3 prefix handled
        Assert.Equal("pull-request", item.Type);
        Assert.Equal("merged", item.State);
        Assert.Equal(StateCategory.Done, item.Category);
        Assert.Equal(Utc(2026, 10, 7, 12, 0), item.Resolved);
    }

    [Theory]
    [InlineData("https://api.github.com/repos/o/r/issues/5", "o/r#5")]
    [InlineData("https://github.example.com/api/v3/repos/acme/web/issues/42", "acme/web#42")]
    [InlineData("https://api.github.com/repos/o/r/pulls/5", null)]
    [InlineData("not a url", null)]
    public void Parent_issue_url_becomes_a_key(string url, string? key) => Assert.Equal(key, GitHubIssueParser.KeyOfIssueUrl(url));
}
