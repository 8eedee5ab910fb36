using System.Text.Json;
using OkrLinker.Connectors.AzureDevOps;
using OkrLinker.Connectors.Tests.Support;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Sources;
using static OkrLinker.Connectors.Tests.Support.Sources;

namespace OkrLinker.Connectors.Tests.AzureDevOps;

public sealed class AzureDevOpsWorkItemParserTests
{
    private static IReadOnlyList<WorkItem> ParseFile(string file, SourceOptions? options = null, TeamResolver? teams = null)
    {
        using var document = Conformance.Load($"azure-devops/{file}");
        return new AzureDevOpsWorkItemParser(options ?? Options("ado"), teams ?? Teams()).ParseList(Conformance.AdoBody(document));
    }

    private static WorkItem ParseOne(string json, SourceOptions? options = null)
    {
        using var document = JsonDocument.Parse(json);
        return new AzureDevOpsWorkItemParser(options ?? Options("ado"), Teams()).ParseItem(document.RootElement)!;
    }

    [Fact]
    public void Workitemsbatch_reads_ids_titles_and_types()
    {
        var items = ParseFile("workitemsbatch.json", Options("ado", baseUrl: "https://dev.azure.com/fabrikam"));

        Assert.Equal(["297", "299", "300"], items.Select(i => i.Key));
        Assert.Equal(["297", "299", "300"], items.Select(i => i.ExternalId));
        Assert.Equal(
            ["Customer can sign in using their Microsoft Account", "JavaScript implementation for Microsoft Account", "Unit Testing for MSA login"],
            items.Select(i => i.Title));
        Assert.Equal(["Product Backlog Item", "Task", "Task"], items.Select(i => i.Type));
        // Only the requested fields came back: no state, no project, so no url and an empty team.
        Assert.All(items, item => Assert.Equal(StateCategory.ToDo, item.Category));
        Assert.All(items, item => Assert.Null(item.Url));
        Assert.All(items, item => Assert.Equal("", item.Team));
        Assert.All(items, item => Assert.Null(item.StoryPoints)); // RemainingWork is not points
    }

    [Fact]
    public void Workitems_list_reads_state_area_tags_effort_and_dates()
    {
        var items = ParseFile(
            "workitems-list-ids.json",
            Options("ado", baseUrl: "https://dev.azure.com/fabrikam/"),
            Teams(("ado:Fabrikam-Fiber-Git\\Website", "web")));

        Assert.Equal(["297", "299", "300"], items.Select(i => i.Key));
        var pbi = items[0];
        Assert.Equal("New", pbi.State);
        Assert.Equal(StateCategory.ToDo, pbi.Category);
        Assert.Equal("Fabrikam-Fiber-Git", pbi.Project);
        Assert.Equal("Fabrikam-Fiber-Git", pbi.Area);
        Assert.Equal("Fabrikam-Fiber-Git", pbi.Team); // no Teams entry: the area path itself
        Assert.Equal(8.0, pbi.StoryPoints); // Microsoft.VSTS.Scheduling.Effort
        Assert.Equal(Utc(2014, 12, 29, 20, 49, 20, 770), pbi.Created);
        Assert.Equal("https://dev.azure.com/fabrikam/Fabrikam-Fiber-Git/_workitems/edit/297", pbi.Url);

        var task = items[1];
        Assert.Equal("To Do", task.State);
        Assert.Equal(StateCategory.ToDo, task.Category);
        Assert.Equal("Fabrikam-Fiber-Git\\Website", task.Area);
        Assert.Equal("web", task.Team);
        Assert.Equal(["Tag1", "Tag2"], task.Labels); // "Tag1; Tag2"
        Assert.Equal(Utc(2014, 12, 29, 20, 49, 21, 617), task.Created);
        Assert.Equal(Utc(2014, 12, 29, 20, 49, 28, 740), task.Updated);
        Assert.Null(task.Resolved);
        Assert.Empty(items[2].Labels);
    }

    [Fact]
    public void Expanded_relations_give_the_parent_and_the_html_link()
    {
        var items = ParseFile("workitems-list-expand-all-relations.json", teams: Teams(("ado:Fabrikam-Fiber-Git", "fiber")));

        Assert.Equal([null, "297", "297"], items.Select(i => i.ParentId)); // Hierarchy-Reverse → 297
        Assert.Equal(
            "https://dev.azure.com/fabrikam/web/wi.aspx?pcguid=d81542e4-cdfa-4333-b082-1ae2d6c3ad16&id=299",
            items[1].Url);
        Assert.Equal(["fiber", "fiber", "fiber"], items.Select(i => i.Team)); // Website inherits its ancestor's team
        Assert.Equal(8.0, items[0].StoryPoints);
    }

    [Fact]
    public void Fields_as_of_list_folds_every_state_into_a_category()
    {
        var options = Options("ado");
        var items = ParseFile("workitems-list-fields-asof.json", options);

        Assert.Equal(31, items.Count);
        // Done 11 + Closed 1; New 5 + To Do 3 + Approved (unknown) 1; In Progress 5 + Committed 1 + Active 1; Removed 3.
        Assert.Equal(12, items.Count(i => i.Category == StateCategory.Done));
        Assert.Equal(9, items.Count(i => i.Category == StateCategory.ToDo));
        Assert.Equal(7, items.Count(i => i.Category == StateCategory.InProgress));
        Assert.Equal(3, items.Count(i => i.Category == StateCategory.Removed));
        Assert.Equal(StateCategory.Done, items.Single(i => i.Key == "34").Category); // Impediment "Closed"
        Assert.Equal(StateCategory.Removed, items.Single(i => i.Key == "13").Category);

        options.StateCategories["Approved"] = StateCategory.InProgress;
        Assert.Equal(StateCategory.InProgress, ParseFile("workitems-list-fields-asof.json", options).Single(i => i.Key == "11").Category);
    }

    [Fact]
    public void Single_work_item_get_parses_with_parse_item()
    {
        using var document = Conformance.Load("azure-devops/workitem-get.json");

        var item = new AzureDevOpsWorkItemParser(Options("ado"), Teams()).ParseItem(Conformance.AdoBody(document))!;

        Assert.Equal("12", item.Key);
        Assert.Equal("Epic 2", item.Title);
        Assert.Equal("User Story", item.Type);
        Assert.Equal("Active", item.State);
        Assert.Equal(StateCategory.InProgress, item.Category);
        Assert.Equal("MyAgilePrj2", item.Project);
        Assert.Equal("MyAgilePrj2", item.Team);
        Assert.Equal(["client", "sample", "teamservices"], item.Labels);
        Assert.Equal(Utc(2017, 9, 4, 6, 11, 59, 50), item.Created);
        Assert.Equal(Utc(2017, 10, 4, 23, 32, 2, 180), item.Updated);
        Assert.Equal("https://dev.azure.com/fabrikam/web/wi.aspx?pcguid=20cda608-32f0-4e6e-9b7c-8def7b38d15a&id=12", item.Url);
    }

    [Fact]
    public void Tags_split_on_semicolons_and_drop_blanks()
    {
        var item = ParseOne("""{ "id": 1, "fields": { "System.Tags": " kr:O1-KR1;;support ; Checkout;" } }""");

        Assert.Equal(["kr:O1-KR1", "support", "Checkout"], item.Labels);
    }

    [Fact]
    public void Key_result_field_matches_custom_reference_name_and_parent_comes_from_system_parent()
    {
        var item = ParseOne("""
            { "id": 4711, "fields": {
                "System.State": "Closed", "System.TeamProject": "Shop", "System.AreaPath": "Shop\\Checkout",
                "Custom.KeyResult": "O1-KR1; O2-KR2", "System.Parent": 4700,
                "Microsoft.VSTS.Scheduling.Effort": 3, "Microsoft.VSTS.Scheduling.StoryPoints": 5,
                "System.CreatedDate": "2026-10-01T08:00:00Z", "System.ChangedDate": "2026-10-09T08:00:00Z",
                "Microsoft.VSTS.Common.ResolvedDate": "2026-10-07T08:00:00Z", "Microsoft.VSTS.Common.ClosedDate": "2026-10-08T08:00:00Z" } }
            """);

        Assert.Equal(["O1-KR1", "O2-KR2"], item.KrValues); // "Key Result" finds Custom.KeyResult
        Assert.Equal("4700", item.ParentId);
        Assert.Equal(5.0, item.StoryPoints); // StoryPoints beats Effort
        Assert.Equal(StateCategory.Done, item.Category);
        Assert.Equal(Utc(2026, 10, 8, 8, 0), item.Resolved); // ClosedDate beats ResolvedDate
    }

    [Fact]
    public void Configured_reference_name_is_used_as_is_and_size_is_the_last_points_fallback()
    {
        var options = Options("ado");
        options.Fields.KeyResult = "Acme.Okr.KeyResultId";

        var item = ParseOne("""
            { "id": 9, "fields": { "Acme.Okr.KeyResultId": "O3-KR2", "Custom.KeyResult": "ignored", "Microsoft.VSTS.Scheduling.Size": 13,
              "System.State": "Resolved", "Microsoft.VSTS.Common.ResolvedDate": "2026-10-07T08:00:00Z" } }
            """, options);

        Assert.Equal(["O3-KR2"], item.KrValues);
        Assert.Equal(13.0, item.StoryPoints);
        Assert.Equal(Utc(2026, 10, 7, 8, 0), item.Resolved);
    }

    [Fact]
    public void An_item_without_id_is_skipped()
    {
        using var document = JsonDocument.Parse("""{ "count": 2, "value": [ { "fields": { "System.Title": "no id" } }, { "id": 5, "fields": {} } ] }""");

        var items = new AzureDevOpsWorkItemParser(Options("ado"), Teams()).ParseList(document.RootElement);

        Assert.Equal(["5"], items.Select(i => i.Key));
    }
}
