using System.Net;
using System.Text.Json;
using OkrLinker.Worker.Tests.Support;

namespace OkrLinker.Worker.Tests.Web;

/// <summary>/api/items/{source}/{**key}: one item and the linker's reasons, behind the API key like the rest of the API.</summary>
public sealed class ItemEndpointTests : IAsyncLifetime
{
    private const string Backlog = """
        key,title,type,state,team,labels,parent,created,body,category
        PAY-3,Card retries,Epic,In Progress,payments,kr:O1-KR1,,2026-11-02T09:00:00Z,,
        acme/web#88,Retry on decline,pull-request,open,web,,,2026-11-10T09:00:00Z,Implements PAY-3,InProgress
        """;

    private WebHarness web = null!;

    public async Task InitializeAsync()
    {
        web = await WebHarness.StartAsync(
            new TempConfig().WithOkrs(TempConfig.GoodOkrs).WithFile("samples/csv/backlog.csv", Backlog),
            new WebSettings().WithCsvSource("csv", "samples/csv").WithApiKey("s3cret"));
        await web.SyncAsync("csv");
    }

    public async Task DisposeAsync() => await web.DisposeAsync();

    [Fact]
    public async Task A_github_key_with_its_slash_and_an_escaped_hash_answers_with_the_link()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/items/csv/acme/web%2388");
        request.Headers.Add("X-Api-Key", "s3cret");

        using var response = await web.Client.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            """{"how":"reference","from":"PAY-3","krs":["O1-KR1"],"why":["acme/web#88 serves O1-KR1 through PAY-3, which it names in its body.","PAY-3 serves O1-KR1 (label kr:O1-KR1)."]}""",
            JsonSerializer.Serialize(json.RootElement.GetProperty("link")));
        Assert.Equal(("acme/web#88", "web", "inProgress"), (
            json.RootElement.GetProperty("key").GetString(),
            json.RootElement.GetProperty("team").GetString(),
            json.RootElement.GetProperty("category").GetString()));
    }

    [Fact]
    public async Task An_unknown_item_is_404()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/items/csv/PAY-99");
        request.Headers.Add("X-Api-Key", "s3cret");

        using var response = await web.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Without_the_api_key_it_is_401()
    {
        using var response = await web.Client.GetAsync(new Uri("/api/items/csv/PAY-3", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
