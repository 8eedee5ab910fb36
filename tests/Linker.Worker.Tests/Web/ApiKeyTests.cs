using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using OkrLinker.Fakes.Logging;
using OkrLinker.Worker.Tests.Support;

namespace OkrLinker.Worker.Tests.Web;

/// <summary>With Web:ApiKey set, everything but /healthz needs the key, in X-Api-Key or as a Bearer token.</summary>
public sealed class ApiKeyTests : IAsyncLifetime
{
    private const string Key = "k3y-for-the-web-tests-0123456789";
    private const string WrongKey = "not-the-key-9876543210";

    private WebHarness web = null!;

    public static TheoryData<string> GuardedPaths => ["/readyz", "/metrics", "/api/report/latest"];

    public async Task InitializeAsync()
    {
        var config = new TempConfig().WithOkrs(TempConfig.GoodOkrs)
            .WithFile("samples/csv/backlog.csv", $"{CsvConfig.Header}\nPAY-1,Retry declined cards,Story,In Progress,payments,,,5,2026-11-02T09:00:00Z,\n");
        web = await WebHarness.StartAsync(config, new WebSettings().WithCsvSource("csv", "samples/csv").WithApiKey(Key));
        await web.SyncAsync("csv"); // a fresh success, so /readyz answers 200 once let in
        await web.StoreAsync(StoredReports.Row(StoredReports.Week47()));
    }

    public async Task DisposeAsync() => await web.DisposeAsync();

    [Fact]
    public async Task Healthz_answers_alive_without_a_key()
    {
        using var response = await web.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"alive"}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(GuardedPaths))]
    public async Task No_key_is_401_with_a_bearer_challenge_and_a_problem(string path)
    {
        using var response = await web.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
        Assert.StartsWith("No API key presented", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(GuardedPaths))]
    public async Task A_wrong_key_is_401_in_either_header(string path)
    {
        using var inHeader = await SendAsync(path, r => r.Headers.Add("X-Api-Key", WrongKey));
        using var asBearer = await SendAsync(path, r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", WrongKey));
        using var otherScheme = await SendAsync(path, r => r.Headers.Authorization = new AuthenticationHeaderValue("Basic", Key));

        Assert.Equal(HttpStatusCode.Unauthorized, inHeader.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, asBearer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherScheme.StatusCode);
        Assert.Equal("Bearer", inHeader.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [MemberData(nameof(GuardedPaths))]
    public async Task The_key_is_accepted_in_X_Api_Key_and_as_a_bearer_token(string path)
    {
        using var inHeader = await SendAsync(path, r => r.Headers.Add("X-Api-Key", Key));
        using var asBearer = await SendAsync(path, r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key));

        Assert.Equal(HttpStatusCode.OK, inHeader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asBearer.StatusCode);
    }

    [Fact]
    public async Task Neither_the_key_nor_a_wrong_one_reaches_the_logs()
    {
        using var right = await SendAsync("/metrics", r => r.Headers.Add("X-Api-Key", Key));
        using var wrong = await SendAsync("/metrics", r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", WrongKey));

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains(web.Logs.Lines(), l => l.Contains("Refused GET /metrics: the API key presented is wrong", StringComparison.Ordinal));
        Assert.DoesNotContain(web.Logs.Lines(), l => l.Contains(Key, StringComparison.Ordinal) || l.Contains(WrongKey, StringComparison.Ordinal));
    }

    private async Task<HttpResponseMessage> SendAsync(string path, Action<HttpRequestMessage> present)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        present(request);
        return await web.Client.SendAsync(request);
    }
}
