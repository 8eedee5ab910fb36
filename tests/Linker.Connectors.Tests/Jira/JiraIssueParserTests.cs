using System.Text.Json;
using OkrLinker.Connectors.Jira;
using OkrLinker.Connectors.Tests.Support;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using static OkrLinker.Connectors.Tests.Support.Sources;

namespace OkrLinker.Connectors.Tests.Jira;

public sealed class JiraIssueParserTests
{
    private static JiraSearchPage ParseFile(
        string file, SourceOptions? options = null, JiraFieldCatalog? catalog = null, Core.Sources.TeamResolver? teams = null)
    {
        using var document = Conformance.Load($"jira/{file}");
        return new JiraIssueParser(options ?? Options("jira"), teams ?? Teams(), catalog ?? JiraFieldCatalog.Empty)
            .ParsePage(document.RootElement);
    }

    private static JiraSearchPage ParseText(string json, SourceOptions? options = null, JiraFieldCatalog? catalog = null)
    {
        using var document = JsonDocument.Parse(json);
        return new JiraIssueParser(options ?? Options("jira"), Teams(), catalog ?? JiraFieldCatalog.Empty)
            .ParsePage(document.RootElement);
    }

    [Fact]
    public void Search_jql_page_yields_its_issue_with_url_from_self_and_team_from_project()
    {
        var page = ParseFile("v3-search-jql.json", teams: Teams(("jira:EX", "payments")));

        Assert.True(page.IsLast);
        Assert.Null(page.NextPageToken);
        var item = Assert.Single(page.Items);
        Assert.Equal("jira", item.Source);
        Assert.Equal("10002", item.ExternalId);
        Assert.Equal("ED-1", item.Key);
        // site = self up to "/rest/": https://your-domain.atlassian.net
        Assert.Equal("https://your-domain.atlassian.net/browse/ED-1", item.Url);
        Assert.Equal("EX", item.Project);
        Assert.Equal("payments", item.Team);
        // Atlassian's example has no summary, type or status: tolerated as empty, category ToDo.
        Assert.Equal("", item.Title);
        Assert.Equal("", item.State);
        Assert.Equal(StateCategory.ToDo, item.Category);
        // "updated": 1 is no timestamp; with no created either, both fall back to the epoch.
        Assert.Equal(DateTimeOffset.UnixEpoch, item.Created);
        Assert.Equal(DateTimeOffset.UnixEpoch, item.Updated);
        Assert.Null(item.Resolved);
        Assert.Empty(item.Labels);
        Assert.Null(item.ParentId);
    }

    [Fact]
    public void Legacy_startat_page_reports_its_paging()
    {
        var page = ParseFile("v3-search-legacy-startat.json", Options("jira", baseUrl: "https://acme.atlassian.net/"));

        Assert.Equal(0, page.StartAt);
        Assert.Equal(1, page.Total);
        Assert.True(page.IsLast); // 0 + 1 issue >= total 1
        var item = Assert.Single(page.Items);
        Assert.Equal("ED-1", item.Key);
        Assert.Equal("https://acme.atlassian.net/browse/ED-1", item.Url); // BaseUrl beats self
        Assert.Equal("EX", item.Team);
    }

    [Fact]
    public void Bulkfetch_issues_parse_with_summary_and_project()
    {
        var page = ParseFile("v3-issue-bulkfetch.json");

        Assert.Equal(["EX-1", "EX-2", "EX-4"], page.Items.Select(i => i.Key));
        Assert.Equal(["10002", "10005", "10005"], page.Items.Select(i => i.ExternalId));
        Assert.Equal(["My first example issue", "My second example issue", "My fourth example issue"], page.Items.Select(i => i.Title));
        Assert.Equal(["EX", "ABC", "MKY"], page.Items.Select(i => i.Project));
        Assert.Equal(["EX", "ABC", "MKY"], page.Items.Select(i => i.Team));
        Assert.True(page.IsLast); // no isLast, no total, no token
    }

    [Fact]
    public void Agile_board_sprint_issue_takes_the_epic_id_as_parent()
    {
        var page = ParseFile("agile-board-sprint-issues.json");

        var item = Assert.Single(page.Items);
        Assert.Equal("HSP-1", item.Key);
        Assert.Equal("10001", item.ExternalId);
        Assert.Equal("https://your-domain.atlassian.net/browse/HSP-1", item.Url);
        Assert.Equal("EX", item.Project);
        Assert.Equal("37", item.ParentId); // fields.epic.id; this example gives no epic key
        Assert.Null(item.ParentKey);
        Assert.True(page.IsLast);
    }

    [Fact]
    public void Gojira_sprint_issue_reads_type_status_category_dates_epic_and_points_by_name()
    {
        var catalog = JiraFieldCatalog.Empty.WithNames(JsonDocument.Parse("""{ "customfield_10105": "Story Points" }""").RootElement);
        var page = ParseFile("v2-agile-sprint-issues-gojira.json", catalog: catalog);

        Assert.False(page.IsLast); // startAt 0 + 1 issue < total 10
        Assert.Equal(10, page.Total);
        var item = Assert.Single(page.Items);
        Assert.Equal("AR-86", item.Key);
        Assert.Equal("12338", item.ExternalId);
        Assert.Equal("https://example.atlassian.net/browse/AR-86", item.Url);
        Assert.Equal("Task", item.Type);
        Assert.Equal("Ready", item.State);
        Assert.Equal(StateCategory.ToDo, item.Category); // statusCategory.key "new"
        Assert.Equal("AR", item.Project);
        Assert.Equal("11900", item.ParentId);
        Assert.Equal("AR-37", item.ParentKey);
        Assert.Equal(13.0, item.StoryPoints); // "Story Points" is the fallback after "Story point estimate"
        // 07:39:15 at -08:00 = 15:39:15 UTC; 08:17:04 at -08:00 = 16:17:04 UTC.
        Assert.Equal(Utc(2015, 12, 2, 15, 39, 15), item.Created);
        Assert.Equal(Utc(2016, 2, 1, 16, 17, 4), item.Updated);
        Assert.Null(item.Resolved); // resolutiondate is set, but the item is not Done
        Assert.Empty(item.Labels);
    }

    [Fact]
    public void A_state_override_beats_the_status_category_and_done_keeps_the_resolution_date()
    {
        var options = Options("jira");
        options.StateCategories["ready"] = StateCategory.Done;

        var item = Assert.Single(ParseFile("v2-agile-sprint-issues-gojira.json", options).Items);

        Assert.Equal(StateCategory.Done, item.Category);
        Assert.Equal(Utc(2015, 12, 7, 22, 19, 13), item.Resolved); // 14:19:13 -08:00
    }

    [Fact]
    public void Key_result_field_is_found_by_name_in_every_value_shape()
    {
        // customfield_10050 is "Key Result" on this site; the page's names map says so.
        var page = ParseText("""
            {
              "names": { "customfield_10050": "Key Result", "customfield_10016": "Story point estimate", "customfield_10026": "Story Points" },
              "nextPageToken": "abc",
              "issues": [
                { "id": "1", "key": "PAY-1", "fields": { "customfield_10050": "O1-KR1, O2-KR2", "customfield_10016": 5, "customfield_10026": 8 } },
                { "id": "2", "key": "PAY-2", "fields": { "customfield_10050": { "value": "O3-KR1", "id": "10100" }, "customfield_10026": "3" } },
                { "id": "3", "key": "PAY-3", "fields": { "customfield_10050": [ { "value": "O1-KR1" }, { "value": "O1-KR2" } ] } },
                { "id": "4", "key": "PAY-4", "fields": { "customfield_10050": null } },
                { "key": "NO-ID", "fields": { "summary": "skipped: no id" } }
              ]
            }
            """);

        Assert.False(page.IsLast);
        Assert.Equal("abc", page.NextPageToken);
        Assert.Equal(["PAY-1", "PAY-2", "PAY-3", "PAY-4"], page.Items.Select(i => i.Key));
        Assert.Equal(["O1-KR1", "O2-KR2"], page.Items[0].KrValues);
        Assert.Equal(["O3-KR1"], page.Items[1].KrValues);
        Assert.Equal(["O1-KR1", "O1-KR2"], page.Items[2].KrValues);
        Assert.Empty(page.Items[3].KrValues);
        Assert.Equal(5.0, page.Items[0].StoryPoints); // "Story point estimate" beats "Story Points"
        Assert.Equal(3.0, page.Items[1].StoryPoints); // a number in a string still counts
        Assert.Null(page.Items[2].StoryPoints);
    }

    [Fact]
    public void Configured_field_names_are_looked_up_in_the_field_catalogue()
    {
        using var fields = JsonDocument.Parse("""
            [ { "id": "customfield_20001", "name": "OKR" }, { "id": "customfield_20002", "name": "Effort" } ]
            """);
        var options = Options("jira");
        options.Fields.KeyResult = "OKR";
        options.Fields.StoryPoints = "Effort";

        var item = Assert.Single(ParseText("""
            { "issues": [ { "id": "7", "key": "GRO-7", "fields": { "customfield_20001": "O2-KR3", "customfield_20002": 2.5 } } ] }
            """, options, JiraFieldCatalog.Parse(fields.RootElement)).Items);

        Assert.Equal(["O2-KR3"], item.KrValues);
        Assert.Equal(2.5, item.StoryPoints);
    }

    [Fact]
    public void Full_cloud_issue_reads_parent_components_labels_and_resolution()
    {
        var item = Assert.Single(ParseText("""
            { "isLast": true, "issues": [ {
              "id": "10042", "key": "PAY-12", "self": "https://acme.atlassian.net/rest/api/3/issue/10042",
              "fields": {
                "summary": "Retry card payments [O2-KR1]",
                "issuetype": { "name": "Story" },
                "status": { "name": "Code Review", "statusCategory": { "key": "indeterminate" } },
                "project": { "key": "PAY" },
                "components": [ { "name": "Checkout" }, { "name": "API" } ],
                "labels": [ "kr:O2-KR1", "backend" ],
                "parent": { "id": "10040", "key": "PAY-10" },
                "created": "2026-10-05T09:00:00.000+0200",
                "updated": "2026-10-06T10:30:00.000+0000",
                "resolutiondate": null
              } } ] }
            """).Items);

        Assert.Equal("Retry card payments [O2-KR1]", item.Title);
        Assert.Equal("Story", item.Type);
        Assert.Equal("Code Review", item.State);
        Assert.Equal(StateCategory.InProgress, item.Category);
        Assert.Equal(["Checkout", "API"], item.Components);
        Assert.Equal(["kr:O2-KR1", "backend"], item.Labels);
        Assert.Equal("10040", item.ParentId);
        Assert.Equal("PAY-10", item.ParentKey);
        Assert.Equal(Utc(2026, 10, 5, 7, 0), item.Created); // 09:00 +02:00
        Assert.Equal(Utc(2026, 10, 6, 10, 30), item.Updated);
        Assert.Null(item.Resolved);
        Assert.Equal("https://acme.atlassian.net/browse/PAY-12", item.Url);
    }

    [Fact]
    public void Done_status_category_takes_resolutiondate_else_the_last_update()
    {
        var items = ParseText("""
            { "issues": [
              { "id": "1", "key": "PAY-1", "fields": { "status": { "name": "Shipped", "statusCategory": { "key": "done" } },
                "created": "2026-10-01T08:00:00.000+0000", "updated": "2026-10-09T08:00:00.000+0000", "resolutiondate": "2026-10-08T17:45:00.000+0000" } },
              { "id": "2", "key": "PAY-2", "fields": { "status": { "name": "Shipped", "statusCategory": { "key": "done" } },
                "created": "2026-10-01T08:00:00.000+0000", "updated": "2026-10-09T08:00:00.000+0000" } },
              { "id": "3", "key": "PAY-3", "fields": { "status": { "name": "Closed" } } }
            ] }
            """).Items;

        Assert.Equal(Utc(2026, 10, 8, 17, 45), items[0].Resolved);
        Assert.Equal(Utc(2026, 10, 9, 8, 0), items[1].Resolved);
        Assert.Equal(StateCategory.Done, items[2].Category); // no statusCategory: the well-known name decides
    }

    [Fact]
    public void Epic_link_field_stands_in_when_there_is_no_parent()
    {
        using var fields = JsonDocument.Parse("""[ { "id": "customfield_10700", "name": "Epic Link" } ]""");

        var item = Assert.Single(ParseText("""
            { "issues": [ { "id": "9", "key": "AR-9", "fields": { "customfield_10700": "AR-37" } } ] }
            """, catalog: JiraFieldCatalog.Parse(fields.RootElement)).Items);

        Assert.Equal("AR-37", item.ParentKey);
        Assert.Null(item.ParentId);
        Assert.Equal("AR", item.Project); // no fields.project: the key's prefix
    }
}
