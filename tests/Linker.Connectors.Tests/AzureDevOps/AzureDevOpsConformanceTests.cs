using System.Text.Json;
using OkrLinker.Connectors.AzureDevOps;
using OkrLinker.Connectors.Parsing;
using OkrLinker.Connectors.Tests.Support;
using OkrLinker.Core.Items;

namespace OkrLinker.Connectors.Tests.AzureDevOps;

/// <summary>Every work item payload Microsoft documents parses (DESIGN.md §6): the whole folder, file by file.</summary>
public sealed class AzureDevOpsConformanceTests
{
    /// <summary>Files holding work items (or revisions of them, which carry the same fields), with how many.</summary>
    public static TheoryData<string, int> WorkItemPayloads => new()
    {
        { "workitem-get.json", 1 },
        { "workitems-list-ids.json", 3 },
        { "workitems-list-expand-all-relations.json", 3 },
        { "workitems-list-fields-asof.json", 31 },
        { "workitemsbatch.json", 3 },
        { "workitem-revisions-list-paged.json", 2 },
        { "reporting-workitemrevisions-get.json", 3 },
        { "reporting-workitemrevisions-get-watermark-identityref.json", 2 },
        { "reporting-workitemrevisions-post-continuation.json", 1 },
    };

    // Not work items: WIQL answers (ids only), link and comment lists, field updates (old/new value pairs).
    private static readonly string[] OtherPayloads =
    [
        "wiql-query-by-wiql.json", "wiql-query-by-id.json", "reporting-workitemlinks.json", "workitem-comments-list.json",
        "workitem-updates-list.json", "workitem-updates-list-paged.json",
    ];

    [Fact]
    public void Every_file_of_the_folder_is_either_a_work_item_payload_tested_here_or_known_to_hold_none()
    {
        var files = Directory.GetFiles(Path.GetDirectoryName(Conformance.PathOf("azure-devops/workitemsbatch.json"))!, "*.json")
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal);

        Assert.Equal(WorkItemPayloads.Select(row => (string)row[0]).Concat(OtherPayloads).Order(StringComparer.Ordinal), files);
    }

    [Theory]
    [MemberData(nameof(WorkItemPayloads))]
    public void Every_work_item_of_a_payload_parses_with_its_id_as_key_and_a_category(string file, int count)
    {
        using var document = Conformance.Load($"azure-devops/{file}");
        var body = Conformance.AdoBody(document);
        var parser = new AzureDevOpsWorkItemParser(Sources.Options("ado", "azure-devops", "https://dev.azure.com/fabrikam"), Sources.Teams());
        IReadOnlyList<JsonElement> raw = body.TryGetProperty("fields", out _)
            ? [body]
            : [.. JsonRead.Items(body, "value"), .. JsonRead.Items(body, "values")];

        var items = raw.Select(parser.ParseItem).ToList();

        Assert.Equal(count, items.Count);
        Assert.All(items.Zip(raw), pair =>
        {
            var (item, json) = pair;
            Assert.NotNull(item);
            var id = json.GetProperty("id").ToString();
            Assert.Equal(id, item.ExternalId);
            Assert.Equal(id, item.Key);
            Assert.True(Enum.IsDefined(item.Category));
            Assert.Equal(JsonRead.Str(json.GetProperty("fields"), "System.Title") ?? "", item.Title);
            Assert.All(item.Labels, tag => Assert.Equal(tag.Trim(), tag));
        });
    }

    [Fact]
    public void A_batch_item_reads_every_field_the_source_asks_for_with_the_process_category()
    {
        using var document = JsonDocument.Parse("""
            {
              "id": 4711, "rev": 7,
              "fields": {
                "System.Id": 4711, "System.Rev": 7, "System.TeamProject": "Shop", "System.WorkItemType": "User Story",
                "System.Title": "Pay by invoice", "System.State": "Ready for QA", "System.AreaPath": "Shop\\Checkout\\Web",
                "System.Tags": "kr:O1-KR2;  checkout ; kr:O1-KR2", "System.Parent": 4700,
                "System.CreatedDate": "2026-11-02T09:00:00.5Z", "System.ChangedDate": "2026-11-19T16:30:12.123Z",
                "Microsoft.VSTS.Common.ResolvedDate": "2026-11-19T16:30:12.123Z",
                "Microsoft.VSTS.Scheduling.Effort": 8, "Custom.KeyResult": "O1-KR1"
              },
              "url": "https://dev.azure.com/acme/_apis/wit/workItems/4711"
            }
            """);
        var parser = new AzureDevOpsWorkItemParser(
            Sources.Options("ado", "azure-devops", "https://dev.azure.com/acme"), Sources.Teams(("ado:Shop\\Checkout", "payments")));

        var item = parser.ParseItem(document.RootElement, (type, state) => type == "User Story" && state == "Ready for QA" ? StateCategory.Done : null)!;

        Assert.Equal(
            ("4711", "4711", "https://dev.azure.com/acme/Shop/_workitems/edit/4711", "User Story", "Ready for QA", StateCategory.Done, "payments", "Shop", "Shop\\Checkout\\Web"),
            (item.ExternalId, item.Key, item.Url, item.Type, item.State, item.Category, item.Team, item.Project, item.Area));
        Assert.Equal(["kr:O1-KR2", "checkout"], item.Labels);
        Assert.Equal(["O1-KR1"], item.KrValues);
        Assert.Equal("4700", item.ParentId);
        Assert.Equal(8, item.StoryPoints);
        Assert.Equal(Sources.Utc(2026, 11, 2, 9, 0, 0, 500), item.Created);
        Assert.Equal(Sources.Utc(2026, 11, 19, 16, 30, 12, 123), item.Updated);
        Assert.Equal(Sources.Utc(2026, 11, 19, 16, 30, 12, 123), item.Resolved);
    }
}
