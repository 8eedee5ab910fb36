using System.Net;
using Microsoft.Extensions.Time.Testing;
using OkrLinker.Connectors.GitHub;
using OkrLinker.Connectors.Tests.Support;
using OkrLinker.Core.Items;
using OkrLinker.Fakes;
using static OkrLinker.Connectors.Tests.Fakes.FakeGitHubHttp;

namespace OkrLinker.Connectors.Tests.Fakes;

public sealed class FakeGitHubRestTests
{
    [Fact]
    public async Task Paging_250_items_by_100_follows_Link_through_exactly_three_pages()
    {
        var data = new FakeGitHubData("acme");
        data.AddRepo("web");
        data.AddIssues("web", 250);
        await using var fake = await FakeGitHub.StartAsync(data);
        using var client = Client(fake);

        var seen = new List<int>();
        var pages = 0;
        string? firstLink = null;
        for (Uri? next = new(fake.BaseUrl, "repos/acme/web/issues?state=all&per_page=100"); next is not null; pages++)
        {
            using var response = await client.GetAsync(next);
            var link = string.Join(",", response.Headers.GetValues("Link"));
            firstLink ??= link;
            using var page = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
            seen.AddRange(Numbers(page));
            next = GitHubLinkHeader.Next(link);
        }

        // 250 = 100 + 100 + 50; created-desc order: 250 … 1.
        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(1, 250).Reverse(), seen);
        Assert.Equal(
            $"<{fake.BaseUrl}repos/acme/web/issues?state=all&per_page=100&page=2>; rel=\"next\", "
            + $"<{fake.BaseUrl}repos/acme/web/issues?state=all&per_page=100&page=3>; rel=\"last\"",
            firstLink);
        Assert.Equal(3, fake.Requests.Count);
        Assert.Equal(3, fake.Core.Used);
    }

    [Fact]
    public async Task Middle_page_links_prev_next_last_first_in_GitHubs_order()
    {
        var data = new FakeGitHubData("acme");
        data.AddRepo("web");
        data.AddIssues("web", 7);
        await using var fake = await FakeGitHub.StartAsync(data);
        using var client = Client(fake);

        using var response = await client.GetAsync(new Uri("repos/acme/web/issues?per_page=3&page=2", UriKind.Relative));

        var url = $"{fake.BaseUrl}repos/acme/web/issues?per_page=3&page=";
        Assert.Equal(
            $"<{url}1>; rel=\"prev\", <{url}3>; rel=\"next\", <{url}3>; rel=\"last\", <{url}1>; rel=\"first\"",
            string.Join(",", response.Headers.GetValues("Link")));
    }

    [Fact]
    public async Task Default_state_is_open_newest_created_first()
    {
        await using var fake = await FakeGitHub.StartAsync(FiveIssues());
        using var client = Client(fake);

        using var open = await GetJsonAsync(client, "repos/acme/web/issues");
        using var closed = await GetJsonAsync(client, "repos/acme/web/issues?state=closed");

        Assert.Equal([5, 3, 1], Numbers(open));
        Assert.Equal([4, 2], Numbers(closed));
    }

    [Fact]
    public async Task Sort_updated_ascending_orders_by_last_change()
    {
        await using var fake = await FakeGitHub.StartAsync(FiveIssues());
        using var client = Client(fake);

        using var page = await GetJsonAsync(client, "repos/acme/web/issues?state=all&sort=updated&direction=asc");

        // updated: #3 +3s, #5 +5s, #2 +6s, #4 +7s, #1 +8s.
        Assert.Equal([3, 5, 2, 4, 1], Numbers(page));
    }

    [Fact]
    public async Task Since_is_inclusive_on_updated_at()
    {
        await using var fake = await FakeGitHub.StartAsync(FiveIssues());
        using var client = Client(fake);

        using var fromSix = await GetJsonAsync(client, "repos/acme/web/issues?state=all&since=2026-11-20T12:00:06Z");
        using var fromSeven = await GetJsonAsync(client, "repos/acme/web/issues?state=all&since=2026-11-20T12:00:07Z");

        // updated >= +6s: #2 (+6), #4 (+7), #1 (+8), in created-desc order.
        Assert.Equal([4, 2, 1], Numbers(fromSix));
        Assert.Equal([4, 1], Numbers(fromSeven));
    }

    [Fact]
    public async Task Issue_objects_have_the_recorded_shape_and_parse_with_the_connector()
    {
        var data = new FakeGitHubData("acme");
        data.AddRepo("web");
        var epic = data.Add("web", "Epic: checkout", shape: item => item with { IssueType = "Epic", Labels = ["kr:O1-KR1"] });
        data.Add("web", "Child", shape: item => item with { ParentNumber = epic.Number, Assignees = ["alice"] });
        var pull = data.Add("web", "Merge me", pullRequest: true, shape: item => item with
        {
            State = "closed", ClosedAt = FakeGitHubData.DefaultNow, MergedAt = FakeGitHubData.DefaultNow,
        });
        await using var fake = await FakeGitHub.StartAsync(data);
        using var client = Client(fake);

        using var page = await GetJsonAsync(client, "repos/acme/web/issues?state=all");
        using var recorded = Conformance.Load("github/issues-list-for-repo-page1.json");

        var issues = page.RootElement.EnumerateArray().ToList();
        var recordedKeys = recorded.RootElement[0].EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.All(issues, issue => Assert.Subset(issue.EnumerateObject().Select(p => p.Name).ToHashSet(), recordedKeys));
        var items = new GitHubIssueParser(Sources.Options("gh"), Sources.Teams()).ParsePage(page.RootElement);
        Assert.Equal(["acme/web#3", "acme/web#2", "acme/web#1"], items.Select(item => item.Key));
        Assert.Equal(("pull-request", "merged", StateCategory.Done), (items[0].Type, items[0].State, items[0].Category));
        Assert.Equal(pull.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), items[0].ExternalId);
        Assert.Equal(("acme/web#1", StateCategory.InProgress), (items[1].ParentKey, items[1].Category));
        Assert.Equal("epic", items[2].Type);
        Assert.Equal(["kr:O1-KR1"], items[2].Labels);
        Assert.Equal($"{fake.BaseUrl}repos/acme/web/issues/1", issues[1].GetProperty("parent_issue_url").GetString());
        Assert.Equal(1, issues[2].GetProperty("sub_issues_summary").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Conditional_get_with_the_ETag_answers_304_without_using_the_budget()
    {
        await using var fake = await FakeGitHub.StartAsync(FiveIssues());
        using var client = Client(fake);
        var url = new Uri("repos/acme/web/issues?state=all", UriKind.Relative);

        using var first = await client.GetAsync(url);
        var etag = first.Headers.ETag!;
        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(conditional);

        Assert.True(etag.IsWeak);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, second.Headers.ETag);
        Assert.Equal("4999", Header(second, "X-RateLimit-Remaining"));
        Assert.Equal(1, fake.Core.Used);
        Assert.Equal([200, 304], fake.Requests.All.Select(entry => entry.Status));
        Assert.Equal(etag.ToString(), fake.Requests.All[1].IfNoneMatch);

        fake.Data.Edit("web", 3);
        using var afterEdit = new HttpRequestMessage(HttpMethod.Get, url);
        afterEdit.Headers.IfNoneMatch.Add(etag);
        using var third = await client.SendAsync(afterEdit);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.NotEqual(etag, third.Headers.ETag);
    }

    [Fact]
    public async Task Missing_or_wrong_token_is_401_Bad_credentials_and_logged()
    {
        await using var fake = await FakeGitHub.StartAsync(FiveIssues());
        using var anonymous = new HttpClient { BaseAddress = fake.BaseUrl };
        using var wrong = Client(fake, token: "ghp_wrong");
        using var classic = new HttpClient { BaseAddress = fake.BaseUrl };
        classic.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"token {fake.Token}");

        using var none = await anonymous.GetAsync(new Uri("repos/acme/web/issues", UriKind.Relative));
        using var bad = await wrong.GetAsync(new Uri("repos/acme/web/issues", UriKind.Relative));
        using var ok = await classic.GetAsync(new Uri("repos/acme/web/issues", UriKind.Relative));

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK), (none.StatusCode, bad.StatusCode, ok.StatusCode));
        Assert.Equal(
            """{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}""",
            await bad.Content.ReadAsStringAsync());
        Assert.Equal([false, true, true], fake.Requests.All.Select(entry => entry.HadAuthorization));
        Assert.Equal(1, fake.Core.Used);
    }

    [Fact]
    public async Task Spent_core_budget_answers_403_with_remaining_zero_and_the_reset()
    {
        var clock = new FakeTimeProvider(FakeGitHubData.DefaultNow);
        await using var fake = await FakeGitHub.StartAsync(FiveIssues(), new FakeGitHubOptions { CoreLimit = 2, Clock = clock });
        using var client = Client(fake);
        var url = new Uri("repos/acme/web", UriKind.Relative);

        using var one = await client.GetAsync(url);
        using var two = await client.GetAsync(url);
        using var three = await client.GetAsync(url);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden], new[] { one.StatusCode, two.StatusCode, three.StatusCode });
        Assert.StartsWith("""{"message":"API rate limit exceeded""", await three.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(("2", "0", "2", "core"), (Header(three, "X-RateLimit-Limit"), Header(three, "X-RateLimit-Remaining"), Header(three, "X-RateLimit-Used"), Header(three, "X-RateLimit-Resource")));
        // One hour after 2026-11-20T12:00:00Z: 1795176000 + 3600.
        Assert.Equal("1795179600", Header(three, "X-RateLimit-Reset"));

        clock.Advance(TimeSpan.FromHours(1));
        using var afterReset = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, afterReset.StatusCode);
        Assert.Equal("1", Header(afterReset, "X-RateLimit-Remaining"));
    }

    [Fact]
    public async Task Rate_limit_endpoint_is_free_and_shaped_like_GitHubs()
    {
        await using var fake = await FakeGitHub.StartAsync(FiveIssues());
        using var client = Client(fake);

        using var document = await GetJsonAsync(client, "rate_limit");

        var core = document.RootElement.GetProperty("resources").GetProperty("core");
        Assert.Equal((5000, 0, 5000), (core.GetProperty("limit").GetInt32(), core.GetProperty("used").GetInt32(), core.GetProperty("remaining").GetInt32()));
        Assert.Equal(5000, document.RootElement.GetProperty("resources").GetProperty("graphql").GetProperty("limit").GetInt32());
        Assert.Equal(5000, document.RootElement.GetProperty("rate").GetProperty("remaining").GetInt32());
        Assert.Equal(0, fake.Core.Used);
    }

    [Fact]
    public async Task Deleted_issue_is_410_and_transferred_issue_is_301_to_its_new_home()
    {
        var data = FiveIssues();
        await using var fake = await FakeGitHub.StartAsync(data);
        using var client = Client(fake, followRedirects: false);
        data.Delete("web", 3);
        var moved = data.Transfer("web", 5, "api");

        using var gone = await client.GetAsync(new Uri("repos/acme/web/issues/3", UriKind.Relative));
        using var redirect = await client.GetAsync(new Uri("repos/acme/web/issues/5", UriKind.Relative));
        using var list = await GetJsonAsync(client, "repos/acme/web/issues?state=all");
        using var target = await GetJsonAsync(client, "repos/acme/api/issues/1");

        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Equal(
            """{"message":"This issue was deleted","documentation_url":"https://docs.github.com/rest/issues/issues#get-an-issue"}""",
            await gone.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal(new Uri(fake.BaseUrl, "repos/acme/api/issues/1"), redirect.Headers.Location);
        Assert.Equal([4, 2, 1], Numbers(list));
        Assert.Equal((1, moved.Id), (target.RootElement.GetProperty("number").GetInt32(), target.RootElement.GetProperty("id").GetInt64()));
        Assert.NotEqual(1_000_005, moved.Id);
    }

    [Fact]
    public async Task Unknown_repo_is_404_with_GitHubs_body()
    {
        await using var fake = await FakeGitHub.StartAsync(FiveIssues());
        using var client = Client(fake);

        using var response = await client.GetAsync(new Uri("repos/acme/nope/issues", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(
            """{"message":"Not Found","documentation_url":"https://docs.github.com/rest/issues/issues#list-repository-issues"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Enterprise_root_serves_the_same_routes_under_api_v3()
    {
        var data = FiveIssues();
        data.SetArchived("api", archived: true);
        await using var fake = await FakeGitHub.StartAsync(data);
        using var client = Client(fake, root: fake.EnterpriseBaseUrl);

        using var response = await client.GetAsync(new Uri("repos/acme/web/issues?per_page=2", UriKind.Relative));
        using var page = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        using var repos = await GetJsonAsync(client, "orgs/acme/repos");

        Assert.Equal($"{fake.BaseUrl}api/v3/repos/acme/web/issues/5", page.RootElement[0].GetProperty("url").GetString());
        Assert.Equal(new Uri($"{fake.BaseUrl}api/v3/repos/acme/web/issues?per_page=2&page=2"), GitHubLinkHeader.Next(string.Join(",", response.Headers.GetValues("Link"))));
        Assert.Equal(
            [("web", "acme/web", false), ("api", "acme/api", true)],
            repos.RootElement.EnumerateArray().Select(repo => (repo.GetProperty("name").GetString(), repo.GetProperty("full_name").GetString(), repo.GetProperty("archived").GetBoolean())));
        Assert.Equal("/api/v3/repos/acme/web/issues", fake.Requests.All[0].Path);
    }

    private static string Header(HttpResponseMessage response, string name) => string.Join(",", response.Headers.GetValues(name));
}
