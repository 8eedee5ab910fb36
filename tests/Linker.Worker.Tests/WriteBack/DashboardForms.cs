using System.Net;
using System.Text.RegularExpressions;

namespace OkrLinker.Worker.Tests.WriteBack;

/// <summary>The dashboard login and the approve form of <c>acme/web#1</c>, driven through a client that keeps no cookies.</summary>
internal static partial class DashboardForms
{
    // The login form sets the session cookie; the test server's client keeps no cookies, so the test carries them.
    public static async Task<string> SignInAsync(HttpClient client)
    {
        using var response = await client.PostAsync(new Uri("/login", UriKind.Relative), new FormUrlEncodedContent([new("key", WriteBackHarness.ApiKey), new("next", "/")]));
        return CookiesOf(response);
    }

    public static async Task<(string Cookies, string Token)> FormAsync(HttpClient client, string session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, WriteBackHarness.ItemPath("gh", "acme/web#1"));
        request.Headers.Add("Cookie", session);
        using var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        var token = TokenField().Match(html).Groups[1].Value;
        Assert.NotEmpty(token);
        return (session + "; " + CookiesOf(response), WebUtility.HtmlDecode(token));
    }

    public static async Task<(int Status, string Html)> PageAsync(HttpClient client, string cookies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, WriteBackHarness.ItemPath("gh", "acme/web#1"));
        request.Headers.Add("Cookie", cookies);
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string cookies, string? token, (string Name, string Value) field, params (string Name, string Value)[] headers)
    {
        var fields = new List<KeyValuePair<string, string>> { new(field.Name, field.Value) };
        if (token is not null)
        {
            fields.Add(new("__RequestVerificationToken", token));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, WriteBackHarness.ItemPath("gh", "acme/web#1")) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", cookies);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }

    public static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
