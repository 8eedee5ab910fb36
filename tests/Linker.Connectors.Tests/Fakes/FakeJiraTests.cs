using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OkrLinker.Fakes;
using OkrLinker.Fakes.Jira;

namespace OkrLinker.Connectors.Tests.Fakes;

/// <summary>The fake Jira sets Jira's traps (DESIGN.md §6 traps 1–4): tests of a connector against it mean something.</summary>
public sealed class FakeJiraTests
{
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    [Fact]
    public async Task A_zone_less_date_is_read_in_the_profile_zone_to_the_minute_and_timestamps_carry_its_offset()
    {
        // 2026-11-30 23:59:30 in Los Angeles is 2026-12-01 07:59:30 UTC.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 7, 59, 30, TimeSpan.Zero));
        var data = FakeJiraData.Generate(1, ["PAY"], 20, clock);
        var edited = data.Edit(data.Issues[3].Id, i => i with { Summary = "Edited at 23:59:30 local" });
        using var jira = FakeJira.Start(data, new FakeJiraOptions { Clock = clock, ProfileZone = LosAngeles });
        using var http = Client(jira);

        var local = await SearchAsync(http, "project = PAY AND updated >= \"2026/11/30 23:59\"", ["updated"]);
        var utcWallClock = await SearchAsync(http, "project = PAY AND updated >= \"2026/12/01 07:59\"", ["updated"]);

        var issue = Assert.Single(local.GetProperty("issues").EnumerateArray());
        Assert.Equal(edited.Key, issue.GetProperty("key").GetString());
        Assert.Equal("2026-11-30T23:59:30.000-0800", issue.GetProperty("fields").GetProperty("updated").GetString());
        Assert.Empty(utcWallClock.GetProperty("issues").EnumerateArray()); // what a connector sending UTC without a zone would lose
    }

    [Fact]
    public async Task Cloud_chains_opaque_page_tokens_and_the_removed_search_answers_410()
    {
        using var jira = FakeJira.Start(FakeJiraData.Generate(2, ["PAY", "GRO"], 250));
        using var http = Client(jira);

        var ids = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await SearchAsync(http, "project in (PAY, GRO) ORDER BY created ASC, key ASC", ["summary"], token);
            ids.AddRange(page.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            token = page.TryGetProperty("nextPageToken", out var t) ? t.GetString() : null;
            Assert.False(int.TryParse(token, out _));
            Assert.Equal(token is null, page.GetProperty("isLast").GetBoolean());
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(250, ids.Distinct().Count());
        foreach (var removed in new[] { "rest/api/3/search", "rest/api/2/search" })
        {
            using var gone = await http.PostAsJsonAsync(removed, new { jql = "project = PAY" });
            Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        }
    }

    [Theory]
    [InlineData("project = NOPE", "The value 'NOPE' does not exist for the field 'project'.")]
    [InlineData("sprint in openSprints()", "Field 'sprint' does not exist or you do not have permission to view it.")]
    [InlineData("updated >= \"yesterday\"", "Date value 'yesterday' for field 'updated' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.")]
    [InlineData("project = PAY ORDER BY rank", "Not able to sort using field 'rank'.")]
    public async Task JQL_it_does_not_understand_is_a_400_with_Jiras_errorMessages(string jql, string message)
    {
        using var jira = FakeJira.Start(FakeJiraData.Generate(3, ["PAY"], 5));
        using var http = Client(jira);

        using var response = await http.PostAsJsonAsync("rest/api/3/search/jql", new { jql });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(message, body.RootElement.GetProperty("errorMessages")[0].GetString());
    }

    [Fact]
    public async Task Data_Center_pages_by_startAt_under_its_context_path_with_site_specific_field_ids_and_Epic_Link()
    {
        var options = new FakeJiraOptions { Flavor = FakeJiraFlavor.DataCenter, KeyResultFieldId = "customfield_12001", EpicLinkFieldId = "customfield_10100" };
        using var jira = FakeJira.Start(FakeJiraData.Generate(4, ["PAY"], 30), options);
        using var http = Client(jira);

        using var fields = JsonDocument.Parse(await http.GetStringAsync("rest/api/2/field"));
        using var v3 = await http.GetAsync("rest/api/3/field");
        var page = await SearchAsync(http, "project = PAY ORDER BY key ASC", [], startAt: 20, path: "rest/api/2/search");

        Assert.EndsWith("/jira/", jira.BaseUrl.ToString(), StringComparison.Ordinal);
        var names = fields.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!, f => f.GetProperty("name").GetString());
        Assert.Equal("Key Result", names["customfield_12001"]);
        Assert.Equal("Epic Link", names["customfield_10100"]);
        Assert.Equal(HttpStatusCode.NotFound, v3.StatusCode);
        Assert.Equal((20, 30, 10), (page.GetProperty("startAt").GetInt32(), page.GetProperty("total").GetInt32(), page.GetProperty("issues").GetArrayLength()));
        Assert.Contains(page.GetProperty("issues").EnumerateArray(), i => i.GetProperty("fields").TryGetProperty("customfield_10100", out var link) && link.ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task An_issue_updated_within_the_search_lag_is_not_found_yet_and_a_wrong_Cloud_token_is_served_as_anonymous()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var data = FakeJiraData.Generate(5, ["PAY"], 10, clock);
        data.Edit(data.Issues[0].Id, i => i with { Summary = "just edited" });
        using var jira = FakeJira.Start(data, new FakeJiraOptions { Clock = clock, SearchLag = TimeSpan.FromSeconds(30) });
        using var http = Client(jira);
        using var wrong = Client(jira, "wrong-token");

        var before = await SearchAsync(http, "project = PAY", ["summary"], maxResults: 50);
        clock.Advance(TimeSpan.FromSeconds(31));
        var after = await SearchAsync(http, "project = PAY", ["summary"], maxResults: 50);
        using var anonymous = await wrong.PostAsJsonAsync("rest/api/3/search/jql", new { jql = "project = PAY" });
        using var myself = await wrong.GetAsync("rest/api/3/myself");

        Assert.Equal((9, 10), (before.GetProperty("issues").GetArrayLength(), after.GetProperty("issues").GetArrayLength()));
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal("AUTHENTICATED_FAILED", anonymous.Headers.GetValues("X-Seraph-LoginReason").Single());
        Assert.Equal("{\"issues\":[],\"isLast\":true}", await anonymous.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, myself.StatusCode);
    }

    private static HttpClient Client(FakeJira jira, string? token = null)
    {
        var http = new HttpClient { BaseAddress = jira.BaseUrl };
        http.DefaultRequestHeaders.Authorization = jira.Flavor == FakeJiraFlavor.Cloud
            ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{jira.Email}:{token ?? jira.Token}")))
            : new AuthenticationHeaderValue("Bearer", token ?? jira.Token);
        return http;
    }

    private static async Task<JsonElement> SearchAsync(
        HttpClient http, string jql, string[] fields, string? token = null, int maxResults = 100, int startAt = 0, string path = "rest/api/3/search/jql")
    {
        object body = path.EndsWith("/jql", StringComparison.Ordinal)
            ? new { jql, fields, maxResults, nextPageToken = token }
            : new { jql, fields, maxResults, startAt };
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
