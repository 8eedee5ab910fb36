using System.Net;
using OkrLinker.Worker.Tests.Support;

namespace OkrLinker.Worker.Tests.Web.Dashboard;

/// <summary>The pages' answers that need no browser: weeks that are not weeks or have no report, unknown KRs, an open dashboard, the login's return address.</summary>
public sealed class DashboardEndpointTests : IAsyncLifetime
{
    private WebHarness web = null!;

    public async Task InitializeAsync()
    {
        web = await WebHarness.StartAsync(new TempConfig().WithOkrs(TempConfig.GoodOkrs), new WebSettings());
    }

    public async Task DisposeAsync() => await web.DisposeAsync();

    [Fact]
    public async Task Before_any_report_every_page_says_so_with_404()
    {
        using var response = await web.Client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No report has been built yet", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/?week=2026-W99", HttpStatusCode.BadRequest, "is not an ISO week")]
    [InlineData("/tree?week=2026-W40", HttpStatusCode.NotFound, "No report was built for 2026-W40.")]
    [InlineData("/kr/O9-KR9", HttpStatusCode.NotFound, "has no key result &#x27;O9-KR9&#x27;")]
    [InlineData("/teams/nobody", HttpStatusCode.NotFound, "has no team &#x27;nobody&#x27;")]
    [InlineData("/?week=2026-W47", HttpStatusCode.OK, "<title>This week&#x27;s line-of-sight — 2026-W47 · OkrLinker</title>")]
    [InlineData("/unlinked?week=2026-W46", HttpStatusCode.OK, "<option selected>2026-W46</option>")]
    [InlineData("/kr/o1-kr1", HttpStatusCode.OK, "<dd id=\"kr-current\">41%</dd>")]
    [InlineData("/teams/PAYMENTS", HttpStatusCode.OK, "<dd id=\"team-share\">33.3%</dd>")]
    public async Task Each_address_answers_with_its_page_or_says_what_is_wrong(string path, HttpStatusCode status, string shown)
    {
        await web.StoreAsync(StoredReports.Row(StoredReports.Week46()), StoredReports.Row(StoredReports.Week47()));

        using var response = await web.Client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(shown, html, StringComparison.Ordinal);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.StartsWith("default-src 'none';", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/kr/O1-KR1?week=2026-W47", "/kr/O1-KR1?week=2026-W47")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    public async Task Signing_in_returns_only_to_a_page_of_this_site(string next, string location)
    {
        using var form = new FormUrlEncodedContent([new("key", "anything"), new("next", next)]);

        using var response = await web.Client.PostAsync(new Uri("/login", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }
}
