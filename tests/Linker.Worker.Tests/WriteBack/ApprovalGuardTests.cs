using System.Net;
using System.Text.RegularExpressions;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.WriteBack;

namespace OkrLinker.Worker.Tests.WriteBack;

/// <summary>Nothing reaches a tracker without an approval from this site by someone signed in.</summary>
public sealed class ApprovalGuardTests
{
    [Fact]
    public async Task Showing_the_item_page_sends_nothing_to_any_tracker_and_records_nothing()
    {
        await using var wb = await WriteBackHarness.StartAsync();
        ClearJournals(wb);

        var (status, html) = await wb.PageAsync("gh", "acme/web#1");
        var jira = await wb.PageAsync("jira", wb.Jira.Data.Issues.OrderBy(i => i.Id).First().Key);
        var ado = await wb.PageAsync("ado", wb.Ado.Data.Snapshot().OrderBy(i => i.Id).First().Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((200, 200, 200), (status, jira.Status, ado.Status));
        Assert.Equal(0, wb.GitHub.Requests.Count + wb.Jira.Requests.Count + wb.Ado.Journal.Count);
        Assert.Empty(await wb.RecordsAsync());
        Assert.Contains("Write-back is on for &#x27;gh&#x27;", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" action=\"/item/gh/acme%2Fweb%231\" id=\"approve-other\"><input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"O1-KR2\">O1-KR2 Cut time to first value from 9 to 4 minutes</option>", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"link-state\" data-how=\"Unlinked\">unlinked: serves no key result</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"muted\" id=\"no-writes\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_post_without_the_key_or_the_login_is_refused_and_writes_nothing()
    {
        await using var wb = await WriteBackHarness.StartAsync();
        ClearJournals(wb);

        using var response = await wb.Web.Client.PostAsync(new Uri(WriteBackHarness.ItemPath("gh", "acme/web#1"), UriKind.Relative), new FormUrlEncodedContent([new("kr", "O1-KR1")]));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, wb.GitHub.Requests.Count);
        Assert.Empty(await wb.RecordsAsync());
    }

    [Fact]
    public async Task A_signed_in_post_without_the_form_token_is_refused_and_writes_nothing()
    {
        await using var wb = await WriteBackHarness.StartAsync();
        var session = await DashboardForms.SignInAsync(wb.Web.Client);
        ClearJournals(wb);

        using var response = await DashboardForms.PostAsync(wb.Web.Client, session, token: null, ("kr", "O1-KR1"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("antiforgery token is missing or stale", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, wb.GitHub.Requests.Count);
        Assert.Empty(await wb.RecordsAsync());
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "http://evil.example")]
    public async Task A_cross_site_post_is_refused_even_with_a_valid_token_and_writes_nothing(string header, string value)
    {
        await using var wb = await WriteBackHarness.StartAsync();
        var session = await DashboardForms.SignInAsync(wb.Web.Client);
        var form = await DashboardForms.FormAsync(wb.Web.Client, session);
        ClearJournals(wb);

        using var response = await DashboardForms.PostAsync(wb.Web.Client, form.Cookies, form.Token, ("kr", "O1-KR1"), (header, value));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Nothing was written.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, wb.GitHub.Requests.Count);
        Assert.Empty(await wb.RecordsAsync());
        Assert.Empty(wb.GitHub.Data.Find("web", 1)!.Labels);
    }

    [Fact]
    public async Task A_same_site_post_with_the_token_writes_once_and_records_the_dashboard_login()
    {
        await using var wb = await WriteBackHarness.StartAsync();
        var session = await DashboardForms.SignInAsync(wb.Web.Client);
        var form = await DashboardForms.FormAsync(wb.Web.Client, session);
        ClearJournals(wb);

        using var response = await DashboardForms.PostAsync(wb.Web.Client, form.Cookies, form.Token, ("kr", "O1-KR2"), ("Sec-Fetch-Site", "same-origin"), ("Origin", "http://localhost"));
        var (_, html) = await DashboardForms.PageAsync(wb.Web.Client, session);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(["kr:O1-KR2"], wb.GitHub.Data.Find("web", 1)!.Labels);
        var record = Assert.Single(await wb.RecordsAsync());
        Assert.Equal(("dashboard login", "kr:O1-KR2", true), (record.ApprovedBy, record.Tag, record.Succeeded));
        Assert.Contains("<tr data-result=\"written\">", html, StringComparison.Ordinal);
        Assert.Contains("<td>dashboard login</td><td>kr:O1-KR2</td><td>written</td><td class=\"num\">200</td>", html, StringComparison.Ordinal);
        Assert.Contains("<pre>GET /repos/acme/web/labels/kr%3AO1-KR2\nPOST /repos/acme/web/labels {&quot;name&quot;:&quot;kr:O1-KR2&quot;", html, StringComparison.Ordinal);
        // No scheduler in this host: the page says the tag shows after the scope's next scheduled sync.
        Assert.Contains("id=\"sync-pending\"", html, StringComparison.Ordinal);
        Assert.Contains("the tag kr:O1-KR2 was written at 2026-11-20 10:00 UTC; it shows here after the scope's next scheduled sync.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_write_token_the_page_says_write_back_is_off_offers_no_form_and_a_post_sends_nothing()
    {
        await using var wb = await WriteBackHarness.StartAsync(gitHubWrites: false);
        ClearJournals(wb);

        var (_, html) = await wb.PageAsync("gh", "acme/web#1");
        using var response = await wb.ApproveWithKeyAsync("gh", "acme/web#1", "O1-KR1");

        Assert.Contains("<p id=\"write-back\" class=\"error\">Write-back is off for &#x27;gh&#x27;: set Sources:0:Auth:WriteTokenEnv (or WriteTokenFile) to a token with write scope.</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\" action=\"/item/", html, StringComparison.Ordinal);
        Assert.Equal(0, wb.GitHub.Requests.Count);
        var record = Assert.Single(await wb.RecordsAsync());
        Assert.Equal((false, (int?)null, "", "Write-back is off for 'gh': set Sources:0:Auth:WriteTokenEnv (or WriteTokenFile) to a token with write scope. Nothing was sent."),
            (record.Succeeded, record.Status, record.Sent, record.Answer));
    }

    [Theory]
    [InlineData("kr:{kr}", null)]
    [InlineData("KR={kr}", null)]
    [InlineData("okr/{kr}", "WriteBack:TagFormat: 'okr/{kr}' makes 'okr/O1-KR1', which Linking:TagPatterns do not read as O1-KR1: an approved item would not link after the re-sync")]
    [InlineData("kr:{kr}{kr}", "WriteBack:TagFormat: 'kr:{kr}{kr}' must hold {kr} exactly once (e.g. kr:{kr})")]
    [InlineData("kr:{kr}; x", "WriteBack:TagFormat: 'kr:{kr}; x' makes 'kr:O1-KR1; x'; a tag may not start or end with spaces nor hold ';' or ','")]
    public void The_tag_format_must_make_a_tag_the_tag_patterns_read_back(string format, string? problem) =>
        Assert.Equal(problem, KrTag.Problem(new WriteBackOptions { TagFormat = format }, new LinkingOptions()));

    private static void ClearJournals(WriteBackHarness wb)
    {
        wb.GitHub.Requests.Clear();
        wb.Jira.Requests.Clear();
        wb.Ado.Journal.Clear();
    }
}
