using System.Net;
using System.Text.Json;
using OkrLinker.Worker.Tests.Support;

namespace OkrLinker.Worker.Tests.Web;

/// <summary>/api/report/latest and /api/report/{week} serve the stored report JSON as it was stored.</summary>
public sealed class ReportEndpointTests : IAsyncLifetime
{
    private WebHarness web = null!;

    public async Task InitializeAsync() =>
        web = await WebHarness.StartAsync(new TempConfig().WithOkrs(TempConfig.GoodOkrs), new WebSettings());

    public async Task DisposeAsync() => await web.DisposeAsync();

    [Fact]
    public async Task Latest_is_the_newest_week_that_has_a_report_and_a_week_is_that_week()
    {
        var w46 = StoredReports.Row(StoredReports.Week46());
        var w47 = StoredReports.Row(StoredReports.Week47());
        await web.StoreAsync(w46, w47, StoredReports.RowWithoutJson("2026-W48"));

        var (latestStatus, latestType, latest) = await GetAsync("/api/report/latest");
        var (weekStatus, weekType, week) = await GetAsync("/api/report/2026-W46");

        Assert.Equal(HttpStatusCode.OK, latestStatus);
        Assert.Equal("application/json; charset=utf-8", latestType);
        Assert.Equal(w47.ReportJson, latest);
        Assert.Equal(HttpStatusCode.OK, weekStatus);
        Assert.Equal("application/json; charset=utf-8", weekType);
        Assert.Equal(w46.ReportJson, week);
    }

    [Fact]
    public async Task An_unknown_week_is_404_and_a_week_without_a_stored_report_too()
    {
        await web.StoreAsync(StoredReports.Row(StoredReports.Week47()), StoredReports.RowWithoutJson("2026-W48"));

        var (status, type, body) = await GetAsync("/api/report/2026-W40");
        var (withoutJson, _, _) = await GetAsync("/api/report/2026-W48");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", type);
        Assert.Equal("No report was built for 2026-W40.", JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, withoutJson);
    }

    [Fact]
    public async Task Latest_is_404_before_any_report_was_built()
    {
        var (status, type, _) = await GetAsync("/api/report/latest");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", type);
    }

    [Theory]
    [InlineData("2026-W60", "'2026-W60' is not an ISO week such as 2026-W47.")] // 2026 has 53 weeks
    [InlineData("2026-W00", "'2026-W00' is not an ISO week such as 2026-W47.")]
    [InlineData("banana", "'banana' is not an ISO week such as 2026-W47.")]
    [InlineData("2026-47", "'2026-47' is not an ISO week such as 2026-W47.")]
    public async Task A_malformed_week_is_400_with_a_problem(string week, string detail)
    {
        var (status, type, body) = await GetAsync($"/api/report/{week}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", type);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(detail, problem.RootElement.GetProperty("detail").GetString());
    }

    private async Task<(HttpStatusCode Status, string? ContentType, string Body)> GetAsync(string path)
    {
        using var response = await web.Client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());
    }
}
