using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OkrLinker.Fakes;

namespace OkrLinker.Connectors.Tests.Fakes;

/// <summary>HttpClients and small data sets for the fake GitHub's own tests.</summary>
internal static class FakeGitHubHttp
{
    public static HttpClient Client(FakeGitHub fake, bool followRedirects = true, string? token = null, Uri? root = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = followRedirects })
        {
            BaseAddress = root ?? fake.BaseUrl,
            Timeout = TimeSpan.FromSeconds(10),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? fake.Token);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
        return client;
    }

    /// <summary>
    /// acme/web with five issues created at now+1s … now+5s, then #2 and #4 closed by edits (updated now+6s,
    /// now+7s) and #1 retitled (updated now+8s), plus an empty acme/api. Open: 1, 3, 5; closed: 2, 4.
    /// </summary>
    public static FakeGitHubData FiveIssues()
    {
        var data = new FakeGitHubData("acme");
        data.AddRepo("web");
        data.AddRepo("api");
        data.AddIssues("web", 5);
        data.Edit("web", 2);
        data.Edit("web", 4);
        data.Update("web", 1, item => item with { Title = "Retitled" });
        return data;
    }

    public static async Task<JsonDocument> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
        return JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
    }

    public static int[] Numbers(JsonDocument page) =>
        page.RootElement.EnumerateArray().Select(issue => issue.GetProperty("number").GetInt32()).ToArray();

    public static async Task<JsonDocument> PostGraphQLAsync(HttpClient client, string query, object? variables = null, string path = "graphql")
    {
        var body = JsonSerializer.Serialize(new { query, variables });
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        Assert.Equal(200, (int)response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
    }
}
