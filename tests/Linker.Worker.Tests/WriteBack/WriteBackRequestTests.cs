using System.Net;
using OkrLinker.Fakes;
using OkrLinker.Fakes.Jira;

namespace OkrLinker.Worker.Tests.WriteBack;

/// <summary>An approval on the item page sends each tracker exactly the write it documents, and stores what it sent.</summary>
public sealed class WriteBackRequestTests
{
    private static string Line(FakeRequest r) => $"{r.Method} {r.Path}{r.Query} {r.Status} {r.ContentType} {r.Body}".TrimEnd();

    [Fact]
    public async Task GitHub_gets_the_label_created_in_the_repo_then_added_to_the_issue()
    {
        await using var wb = await WriteBackHarness.StartAsync();
        wb.GitHub.Requests.Clear();

        using var response = await wb.ApproveWithKeyAsync("gh", "acme/web#1", "O1-KR1");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/item/gh/acme%2Fweb%231", response.Headers.Location!.OriginalString);
        Assert.Equal(
            [
                "GET /repos/acme/web/labels/kr:O1-KR1 404",
                "POST /repos/acme/web/labels 201 application/json; charset=utf-8 {\"name\":\"kr:O1-KR1\",\"color\":\"0e8a16\",\"description\":\"Serves key result O1-KR1\"}",
                "POST /repos/acme/web/issues/1/labels 200 application/json; charset=utf-8 {\"labels\":[\"kr:O1-KR1\"]}",
            ],
            wb.GitHub.Requests.All.Select(Line));
        Assert.Equal(["kr:O1-KR1"], wb.GitHub.Data.Find("web", 1)!.Labels);
        var record = Assert.Single(await wb.RecordsAsync());
        Assert.True(record.Succeeded);
        Assert.Equal(200, record.Status);
        Assert.Equal("api-key", record.ApprovedBy);
        Assert.Equal("kr:O1-KR1", record.Tag);
        Assert.Equal("GitHub answered 200: acme/web#1 carries the label kr:O1-KR1.", record.Answer);
        Assert.DoesNotContain(wb.GitHub.Token, record.Sent, StringComparison.Ordinal);

        // A second issue finds the label in the repo and only adds it.
        wb.GitHub.Requests.Clear();
        using var second = await wb.ApproveWithKeyAsync("gh", "acme/web#2", "O1-KR1");
        Assert.Equal(
            [
                "GET /repos/acme/web/labels/kr:O1-KR1 200",
                "POST /repos/acme/web/issues/2/labels 200 application/json; charset=utf-8 {\"labels\":[\"kr:O1-KR1\"]}",
            ],
            wb.GitHub.Requests.All.Select(Line));
    }

    [Theory]
    [InlineData(FakeJiraFlavor.Cloud, "rest/api/3")]
    [InlineData(FakeJiraFlavor.DataCenter, "rest/api/2")]
    public async Task Jira_gets_one_PUT_that_adds_the_label_and_keeps_the_others(FakeJiraFlavor flavor, string api)
    {
        await using var wb = await WriteBackHarness.StartAsync(jiraFlavor: flavor);
        var issue = wb.Jira.Data.Issues.OrderBy(i => i.Id).First();
        wb.Jira.Data.Edit(issue.Id, i => i with { Labels = ["checkout"] });
        wb.Jira.Requests.Clear();

        using var response = await wb.ApproveWithKeyAsync("jira", issue.Key, "O1-KR2");

        // Data Center signs in with its Bearer personal access token, Cloud with e-mail and API token: the fake checks either.
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(
            [$"PUT /{api}/issue/{issue.Key} 204 application/json; charset=utf-8 {{\"update\":{{\"labels\":[{{\"add\":\"kr:O1-KR2\"}}]}}}}"],
            wb.Jira.Requests.All.Select(Line));
        Assert.Equal(["checkout", "kr:O1-KR2"], wb.Jira.Data.Issues.Single(i => i.Id == issue.Id).Labels);
        var record = Assert.Single(await wb.RecordsAsync());
        Assert.Equal((true, 204, $"Jira answered 204: {issue.Key} carries the label kr:O1-KR2."), (record.Succeeded, record.Status, record.Answer));
    }

    [Fact]
    public async Task Azure_DevOps_gets_a_JSON_Patch_of_the_tags_tested_against_the_revision_it_read()
    {
        await using var wb = await WriteBackHarness.StartAsync();
        var item = wb.Ado.Data.Snapshot().OrderBy(i => i.Id).First();
        var edited = wb.Ado.Data.Edit(item.Id, i => i with { Tags = ["checkout", "web"] });
        wb.Ado.Journal.Clear();

        using var response = await wb.ApproveWithKeyAsync("ado", item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "O1-KR1");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(
            [
                $"GET /acme/_apis/wit/workitems/{item.Id}?api-version=7.1&fields=System.Tags 200",
                $"PATCH /acme/_apis/wit/workitems/{item.Id}?api-version=7.1 200 application/json-patch+json; charset=utf-8 "
                    + $"[{{\"op\":\"test\",\"path\":\"/rev\",\"value\":{edited.Rev}}},{{\"op\":\"replace\",\"path\":\"/fields/System.Tags\",\"value\":\"checkout; web; kr:O1-KR1\"}}]",
            ],
            wb.Ado.Journal.All.Select(AdoLine));
        Assert.Equal(["checkout", "web", "kr:O1-KR1"], wb.Ado.Data.Find(item.Id)!.Tags);
        var record = Assert.Single(await wb.RecordsAsync());
        Assert.Equal((true, 200, $"Azure DevOps answered 200: work item {item.Id} carries the tag kr:O1-KR1 (rev {edited.Rev + 1})."), (record.Succeeded, record.Status, record.Answer));
    }

    [Fact]
    public async Task Azure_DevOps_Server_that_serves_7_0_at_most_gets_the_write_on_7_0_after_one_refused_read()
    {
        await using var wb = await WriteBackHarness.StartAsync(adoMaxApiVersion: "7.0");
        var item = wb.Ado.Data.Snapshot().OrderBy(i => i.Id).First();
        var edited = wb.Ado.Data.Edit(item.Id, i => i with { Tags = ["web"] });
        wb.Ado.Journal.Clear();

        using var response = await wb.ApproveWithKeyAsync("ado", item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "O1-KR1");

        Assert.Equal(
            [
                $"GET /acme/_apis/wit/workitems/{item.Id}?api-version=7.1&fields=System.Tags 400",
                $"GET /acme/_apis/wit/workitems/{item.Id}?api-version=7.0&fields=System.Tags 200",
                $"PATCH /acme/_apis/wit/workitems/{item.Id}?api-version=7.0 200",
            ],
            wb.Ado.Journal.All.Select(r => AdoLine(r with { Body = null, ContentType = null })));
        Assert.Equal(["web", "kr:O1-KR1"], wb.Ado.Data.Find(item.Id)!.Tags);
        var record = Assert.Single(await wb.RecordsAsync());
        Assert.Equal((true, 200, $"Azure DevOps answered 200: work item {item.Id} carries the tag kr:O1-KR1 (rev {edited.Rev + 1})."), (record.Succeeded, record.Status, record.Answer));
    }

    [Fact]
    public async Task Azure_DevOps_412_for_a_stale_revision_is_read_again_and_retried_once()
    {
        await using var wb = await WriteBackHarness.StartAsync();
        var item = wb.Ado.Data.Snapshot().OrderBy(i => i.Id).First();
        var edited = wb.Ado.Data.Edit(item.Id, i => i with { Tags = [] });
        wb.Ado.Journal.Clear();
        wb.Ado.Faults.Add("PATCH /_apis/wit/workitems/*", FakeFault.PreconditionFailed());

        using var response = await wb.ApproveWithKeyAsync("ado", item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "O1-KR1");

        var patch = $"[{{\"op\":\"test\",\"path\":\"/rev\",\"value\":{edited.Rev}}},{{\"op\":\"add\",\"path\":\"/fields/System.Tags\",\"value\":\"kr:O1-KR1\"}}]";
        Assert.Equal(
            [
                $"GET /acme/_apis/wit/workitems/{item.Id}?api-version=7.1&fields=System.Tags 200",
                $"PATCH /acme/_apis/wit/workitems/{item.Id}?api-version=7.1 412 application/json-patch+json; charset=utf-8 {patch}",
                $"GET /acme/_apis/wit/workitems/{item.Id}?api-version=7.1&fields=System.Tags 200",
                $"PATCH /acme/_apis/wit/workitems/{item.Id}?api-version=7.1 200 application/json-patch+json; charset=utf-8 {patch}",
            ],
            wb.Ado.Journal.All.Select(AdoLine));
        Assert.Equal(["kr:O1-KR1"], wb.Ado.Data.Find(item.Id)!.Tags);
        Assert.True(Assert.Single(await wb.RecordsAsync()).Succeeded);
    }

    [Fact]
    public async Task A_second_stale_answer_fails_the_write_says_why_and_changes_nothing()
    {
        await using var wb = await WriteBackHarness.StartAsync();
        var item = wb.Ado.Data.Snapshot().OrderBy(i => i.Id).First();
        var before = wb.Ado.Data.Edit(item.Id, i => i with { Tags = ["web"] });
        wb.Ado.Journal.Clear();
        wb.Ado.Faults.Add("PATCH /_apis/wit/workitems/*", FakeFault.PreconditionFailed(), times: 2);

        using var response = await wb.ApproveWithKeyAsync("ado", item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "O1-KR1");

        Assert.Equal(["GET 200", "PATCH 412", "GET 200", "PATCH 412"], wb.Ado.Journal.All.Select(r => $"{r.Method} {r.Status}"));
        Assert.Equal(before, wb.Ado.Data.Find(item.Id));
        var record = Assert.Single(await wb.RecordsAsync());
        Assert.Equal(
            (false, 412, $"Azure DevOps answered 412 for the tags of work item {item.Id}: TF26071: This work item has been changed by someone else since you opened it. You will need to refresh it and discard your changes.. Nothing was changed here.", false),
            (record.Succeeded, record.Status, record.Answer, record.SyncTriggered));
    }

    [Fact]
    public async Task GitHub_409_on_the_issue_is_read_again_and_retried_once()
    {
        await using var wb = await WriteBackHarness.StartAsync();
        wb.GitHub.Requests.Clear();
        wb.GitHub.Faults.Add("POST /repos/acme/web/issues/1/labels", FakeFault.Conflict());

        using var response = await wb.ApproveWithKeyAsync("gh", "acme/web#1", "O1-KR1");

        Assert.Equal(
            ["GET /repos/acme/web/labels/kr:O1-KR1 404", "POST /repos/acme/web/labels 201", "POST /repos/acme/web/issues/1/labels 409", "GET /repos/acme/web/issues/1 200", "POST /repos/acme/web/issues/1/labels 200"],
            wb.GitHub.Requests.All.Select(r => $"{r.Method} {r.Path} {r.Status}"));
        Assert.Equal(["kr:O1-KR1"], wb.GitHub.Data.Find("web", 1)!.Labels);
        Assert.True(Assert.Single(await wb.RecordsAsync()).Succeeded);
    }

    [Fact]
    public async Task A_read_only_token_403_is_recorded_and_shown_as_such_and_the_item_stays_unlinked()
    {
        await using var wb = await WriteBackHarness.StartAsync();
        wb.GitHub.Requests.Clear();
        wb.GitHub.Faults.Add("POST /repos/acme/web/labels", FakeFault.Forbidden());

        using var response = await wb.ApproveWithKeyAsync("gh", "acme/web#1", "O1-KR1");
        var (status, html) = await wb.PageAsync("gh", "acme/web#1");

        Assert.Equal(["GET 404", "POST 403"], wb.GitHub.Requests.All.Select(r => $"{r.Method} {r.Status}"));
        Assert.Empty(wb.GitHub.Data.Find("web", 1)!.Labels);
        var record = Assert.Single(await wb.RecordsAsync());
        var variable = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Single(k => k.StartsWith("WB_TEST_", StringComparison.Ordinal) && Environment.GetEnvironmentVariable(k) == wb.GitHub.Token && html.Contains(k, StringComparison.Ordinal));
        var answer = $"Source 'gh': GitHub answered 403 Forbidden (Resource not accessible by personal access token) — the token in {variable} lacks access or scope.";
        Assert.Equal((false, 403, answer, false), (record.Succeeded, record.Status, record.Answer, record.SyncTriggered));
        Assert.Equal(200, status);
        Assert.Contains("<tr data-result=\"failed\">", html, StringComparison.Ordinal);
        Assert.Contains($"<td class=\"num\">403</td><td>{OkrLinker.Core.Reports.HtmlText.Encode(answer)}</td>", html, StringComparison.Ordinal);
        Assert.Contains("data-how=\"Unlinked\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("sync-pending", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Azure_DevOps_403_for_a_read_only_token_names_the_write_token_variable_and_changes_nothing()
    {
        await using var wb = await WriteBackHarness.StartAsync();
        var item = wb.Ado.Data.Snapshot().OrderBy(i => i.Id).First();
        var before = wb.Ado.Data.Edit(item.Id, i => i with { Tags = ["web"] });
        wb.Ado.Journal.Clear();
        wb.Ado.Faults.Add("PATCH /_apis/wit/workitems/*", FakeFault.Forbidden());

        using var response = await wb.ApproveWithKeyAsync("ado", item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "O1-KR1");
        var (status, html) = await wb.PageAsync("ado", item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(["GET 200", "PATCH 403"], wb.Ado.Journal.All.Select(r => $"{r.Method} {r.Status}"));
        Assert.Equal(before, wb.Ado.Data.Find(item.Id));
        var record = Assert.Single(await wb.RecordsAsync());
        Assert.Equal((false, 403, false), (record.Succeeded, record.Status, record.SyncTriggered));
        Assert.Equal(
            "Source 'ado': Azure DevOps answered 403 Forbidden (TF400813: The user 'okr-linker-bot@acme.com' is not authorized to access this resource: "
                + $"the token may read work items but not write them.) — the token in {wb.AdoWriteTokenVariable} lacks access or scope.",
            record.Answer);
        Assert.Equal(
            $"GET /acme/_apis/wit/workitems/{item.Id}?api-version=7.1&fields=System.Tags\n"
                + $"PATCH /acme/_apis/wit/workitems/{item.Id}?api-version=7.1 [{{\"op\":\"test\",\"path\":\"/rev\",\"value\":{before.Rev}}},{{\"op\":\"replace\",\"path\":\"/fields/System.Tags\",\"value\":\"web; kr:O1-KR1\"}}]",
            record.Sent);
        Assert.Equal(200, status);
        Assert.Contains("<tr data-result=\"failed\">", html, StringComparison.Ordinal);
    }

    private static string AdoLine(FakeAdoRequest r) =>
        $"{r.Method} {r.Path}{(r.Query.Length > 0 && r.Query[0] != '?' ? "?" : "")}{r.Query} {r.Status} {r.ContentType} {r.Body}".TrimEnd();
}
