using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OkrLinker.Fakes;

namespace OkrLinker.Connectors.Tests.Fakes;

/// <summary>The fake Azure DevOps itself: the limits and quirks the source must live with (DESIGN.md §6 traps 5, 6, 9).</summary>
public sealed class FakeAzureDevOpsTests
{
    private static readonly DateOnly Day = new(2026, 11, 19);

    [Fact]
    public async Task Wiql_over_20000_matches_fails_with_vs402337_unless_top_cuts_it()
    {
        await using var fake = FakeAzureDevOps.Start(FakeAzureDevOpsData.GenerateOneDay(1, "Shop", 20_001, Day));
        using var http = Client(fake);

        using var uncut = await WiqlAsync(http, "SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = 'Shop'", "");
        using var cut = await WiqlAsync(http, "SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = 'Shop' ORDER BY [System.Id] DESC", "&$top=3");

        Assert.Equal(HttpStatusCode.BadRequest, uncut.StatusCode);
        Assert.StartsWith("VS402337: The number of work items returned exceeds the size limit of 20000.", await MessageAsync(uncut), StringComparison.Ordinal);
        var ids = await IdsAsync(cut);
        Assert.Equal([20_001, 20_000, 19_999], ids);
    }

    [Fact]
    public async Task Dates_compare_by_day_unless_time_precision_is_asked_for()
    {
        // 48 items, one every half hour of the day.
        await using var fake = FakeAzureDevOps.Start(FakeAzureDevOpsData.GenerateOneDay(2, "Shop", 48, Day));
        using var http = Client(fake);
        const string Late = "SELECT [System.Id] FROM WorkItems WHERE [System.ChangedDate] >= '2026-11-19T23:00:00Z'";

        using var byDay = await WiqlAsync(http, Late, "");
        using var byTime = await WiqlAsync(http, Late, "&timePrecision=true");

        Assert.Equal(48, (await IdsAsync(byDay)).Length);
        var late = await IdsAsync(byTime);
        Assert.Equal([47, 48], late);
    }

    [Fact]
    public async Task Workitemsbatch_takes_200_ids_at_most_and_returns_only_the_fields_asked_for()
    {
        await using var fake = FakeAzureDevOps.Start(FakeAzureDevOpsData.GenerateOneDay(3, "Shop", 300, Day));
        using var http = Client(fake);

        using var tooMany = await BatchAsync(http, Enumerable.Range(1, 201), ["System.Id"]);
        using var unknown = await BatchAsync(http, [1], ["Custom.Nope"]);
        using var two = await BatchAsync(http, [2, 1], ["System.Title", "System.State"]);

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.StartsWith("VS403474:", await MessageAsync(tooMany), StringComparison.Ordinal);
        Assert.Equal("TF51535: Cannot find field Custom.Nope.", await MessageAsync(unknown));
        using var body = JsonDocument.Parse(await two.Content.ReadAsStringAsync());
        Assert.Equal(
            """[{"id":2,"rev":1,"fields":{"System.Title":"t","System.State":"Active"}},{"id":1,"rev":1,"fields":{"System.Title":"t","System.State":"Active"}}]""",
            JsonSerializer.Serialize(body.RootElement.GetProperty("value").EnumerateArray().Select(v => new { id = v.GetProperty("id").GetInt32(), rev = v.GetProperty("rev").GetInt32(), fields = v.GetProperty("fields") })));
    }

    [Fact]
    public async Task A_deleted_item_goes_to_the_recycle_bin_and_a_moved_one_changes_project_with_a_new_revision()
    {
        var data = FakeAzureDevOpsData.Generate(4, [new("Shop", 50, FakeAdoProcess.Agile), new("Mobile", 50, FakeAdoProcess.Custom)]);
        await using var fake = FakeAzureDevOps.Start(data);
        using var http = Client(fake);
        var rev = data.Find(7)!.Rev;
        data.Delete(5);
        var moved = data.Move(7, "Mobile");

        using var bin = await http.GetAsync(new Uri("Shop/_apis/wit/recyclebin?api-version=7.1", UriKind.Relative));
        using var omitted = await BatchAsync(http, [5, 7], ["System.TeamProject"], errorPolicy: "omit");
        using var failed = await BatchAsync(http, [5], ["System.TeamProject"]);

        using var binBody = JsonDocument.Parse(await bin.Content.ReadAsStringAsync());
        Assert.Equal([5], binBody.RootElement.GetProperty("value").EnumerateArray().Select(v => v.GetProperty("id").GetInt32()));
        using var omittedBody = JsonDocument.Parse(await omitted.Content.ReadAsStringAsync());
        var values = omittedBody.RootElement.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(JsonValueKind.Null, values[0].ValueKind);
        Assert.Equal("Mobile", values[1].GetProperty("fields").GetProperty("System.TeamProject").GetString());
        Assert.Equal(rev + 1, moved.Rev);
        Assert.Equal(HttpStatusCode.NotFound, failed.StatusCode);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.NonAuthoritativeInformation)]
    public async Task A_wrong_pat_gets_401_or_the_203_sign_in_page(HttpStatusCode answer)
    {
        await using var fake = FakeAzureDevOps.Start(FakeAzureDevOpsData.GenerateOneDay(5, "Shop", 5, Day), new FakeAzureDevOpsOptions { BadTokenAnswer = answer });
        using var http = Client(fake, "wrong");

        using var response = await http.GetAsync(new Uri("_apis/projects?api-version=7.1", UriKind.Relative));

        Assert.Equal(answer, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, fake.Journal.Count);
    }

    [Fact]
    public async Task A_server_serving_7_0_refuses_7_1_and_every_call_needs_an_api_version()
    {
        await using var fake = FakeAzureDevOps.Start(FakeAzureDevOpsData.GenerateOneDay(6, "Shop", 5, Day), new FakeAzureDevOpsOptions { MaxApiVersion = "7.0" });
        using var http = Client(fake);

        using var newer = await http.GetAsync(new Uri("_apis/projects?api-version=7.1", UriKind.Relative));
        using var none = await http.GetAsync(new Uri("_apis/projects", UriKind.Relative));
        using var served = await http.GetAsync(new Uri("Shop/_apis/wit/workitemtypes/Task/states?api-version=7.0", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, newer.StatusCode);
        Assert.Contains("VssVersionOutOfRangeException", await newer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal(
            """{"count":4,"value":[{"name":"New","color":"b2b2b2","category":"Proposed"},{"name":"Active","color":"b2b2b2","category":"InProgress"},{"name":"Closed","color":"b2b2b2","category":"Completed"},{"name":"Removed","color":"b2b2b2","category":"Removed"}]}""",
            await served.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Throttling_answers_and_connection_faults_are_injected_and_journaled()
    {
        await using var fake = FakeAzureDevOps.Start(FakeAzureDevOpsData.GenerateOneDay(7, "Shop", 5, Day));
        using var http = Client(fake);
        fake.Faults.Add("GET /_apis/projects", FakeFault.OkWithRetryAfter(3));
        fake.Faults.Add("GET /_apis/projects", FakeAzureDevOps.OkWithRateLimitDelay(TimeSpan.FromSeconds(1.5)));
        fake.Faults.Add("GET /_apis/projects", FakeFault.TooManyRequests(2));
        fake.Faults.Add("GET /_apis/projects", FakeFault.DropConnection());
        fake.Faults.Add("GET /_apis/projects", FakeFault.TruncatedBody());
        var url = new Uri("_apis/projects?api-version=7.1", UriKind.Relative);

        using var throttled = await http.GetAsync(url);
        using var delayed = await http.GetAsync(url);
        using var rejected = await http.GetAsync(url);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(url));
        var truncated = await Record.ExceptionAsync(async () => await (await http.GetAsync(url)).Content.ReadAsStringAsync());

        Assert.Equal((HttpStatusCode.OK, "3", false), (throttled.StatusCode, Header(throttled, "Retry-After"), delayed.Headers.Contains("Retry-After")));
        Assert.Equal("1.5", Header(delayed, "X-RateLimit-Delay"));
        Assert.Equal((HttpStatusCode.TooManyRequests, "2"), (rejected.StatusCode, Header(rejected, "Retry-After")));
        Assert.True(truncated is HttpRequestException or IOException, $"a truncated body read as {truncated?.GetType().Name ?? "complete"}");
        Assert.Equal(
            [(200, FakeFaultKind.OkWithRetryAfter), (200, FakeFaultKind.OkWithRetryAfter), (429, FakeFaultKind.TooManyRequests), (0, FakeFaultKind.DropConnection), (200, FakeFaultKind.TruncatedBody)],
            fake.Journal.All.Select(r => (r.Status, r.Fault!.Value)));
    }

    private static HttpClient Client(FakeAzureDevOps fake, string? pat = null)
    {
        var client = new HttpClient { BaseAddress = fake.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(":" + (pat ?? fake.Token))));
        return client;
    }

    private static Task<HttpResponseMessage> WiqlAsync(HttpClient http, string query, string extra) =>
        http.PostAsJsonAsync(new Uri($"Shop/_apis/wit/wiql?api-version=7.1{extra}", UriKind.Relative), new { query });

    private static Task<HttpResponseMessage> BatchAsync(HttpClient http, IEnumerable<int> ids, string[] fields, string? errorPolicy = null) =>
        http.PostAsJsonAsync(new Uri("_apis/wit/workitemsbatch?api-version=7.1", UriKind.Relative), new { ids, fields, errorPolicy });

    private static async Task<int[]> IdsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. body.RootElement.GetProperty("workItems").EnumerateArray().Select(w => w.GetProperty("id").GetInt32())];
    }

    private static async Task<string> MessageAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("message").GetString()!;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.First() : null;
}
