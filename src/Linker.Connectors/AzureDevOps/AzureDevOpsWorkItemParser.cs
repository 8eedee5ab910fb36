using System.Text.Json;
using OkrLinker.Connectors.Parsing;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.AzureDevOps;

/// <summary>
/// Turns Azure DevOps work item JSON (<c>workitemsbatch</c>, <c>workitems?ids=</c>, <c>workitems/{id}</c>)
/// into <see cref="WorkItem"/>s (DESIGN.md §6). The process's state categories are not in these
/// payloads: a live source passes them in (read from <c>workitemtypes/{type}/states</c>); without them
/// well-known state names decide. The source's <c>StateCategories</c> overrides both.
/// </summary>
public sealed class AzureDevOpsWorkItemParser(SourceOptions source, TeamResolver teams)
{
    private static readonly string[] PointFields =
    [
        "Microsoft.VSTS.Scheduling.StoryPoints",
        "Microsoft.VSTS.Scheduling.Effort",
        "Microsoft.VSTS.Scheduling.Size",
    ];

    /// <summary>A list body <c>{ count, value: [ ... ] }</c>; items without an id are skipped.</summary>
    public IReadOnlyList<WorkItem> ParseList(JsonElement body) => ParseList(body, null);

    /// <param name="body">The list body.</param>
    /// <param name="processCategory">The process's category of (type, state), when known.</param>
    public IReadOnlyList<WorkItem> ParseList(JsonElement body, Func<string, string, StateCategory?>? processCategory) =>
        JsonRead.Items(body, "value").Select(item => ParseItem(item, processCategory)).OfType<WorkItem>().ToList();

    /// <summary>One work item <c>{ id, rev, fields, url, _links, relations }</c>; null when it has no id.</summary>
    public WorkItem? ParseItem(JsonElement item) => ParseItem(item, null);

    /// <param name="item">One work item.</param>
    /// <param name="processCategory">The process's category of (type, state), when known.</param>
    public WorkItem? ParseItem(JsonElement item, Func<string, string, StateCategory?>? processCategory)
    {
        var f = JsonRead.Obj(item, "fields") ?? default;
        var id = JsonRead.Str(item, "id") ?? JsonRead.Str(f, "System.Id");
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var state = JsonRead.Str(f, "System.State") ?? "";
        var type = JsonRead.Str(f, "System.WorkItemType") ?? "";
        var category = StateOverrides.Categorize(source, state, processCategory?.Invoke(type, state));
        var project = JsonRead.Str(f, "System.TeamProject");
        var area = JsonRead.Str(f, "System.AreaPath");
        var (created, updated, resolved) = ItemTimes.Settle(
            JsonRead.Time(f, "System.CreatedDate"),
            JsonRead.Time(f, "System.ChangedDate"),
            JsonRead.Time(f, "Microsoft.VSTS.Common.ClosedDate")
                ?? JsonRead.Time(f, "Microsoft.VSTS.Common.ResolvedDate")
                ?? JsonRead.Time(f, "Microsoft.VSTS.Common.StateChangeDate"),
            category);

        return new WorkItem
        {
            Source = source.Name,
            ExternalId = id,
            Key = id,
            Url = Url(item, id, project),
            Title = JsonRead.Str(f, "System.Title") ?? "",
            Type = type,
            State = state,
            Category = category,
            Team = teams.Resolve(source.Name, area ?? project ?? ""),
            Project = project,
            Area = area,
            Iteration = JsonRead.Str(f, "System.IterationPath"),
            Labels = JsonRead.Distinct((JsonRead.Str(f, "System.Tags") ?? "").Split(';')),
            KrValues = KrValueReader.Read(KeyResultValue(f)),
            ParentId = JsonRead.Str(f, "System.Parent") ?? ParentFromRelations(item),
            StoryPoints = StoryPoints(f),
            Created = created,
            Updated = updated,
            Resolved = resolved,
            Body = HtmlText.Of(JsonRead.Str(f, "System.Description")),
        };
    }

    /// <summary>The reference name the KR field is read by: as configured when it has a dot, else <c>Custom.</c> + the name without spaces.</summary>
    public string KeyResultReferenceName()
    {
        var configured = source.Fields.KeyResult.Trim();
        return configured.Contains('.', StringComparison.Ordinal) ? configured : "Custom." + configured.Replace(" ", "", StringComparison.Ordinal);
    }

    /// <summary>The point fields in the order they are tried: the configured one first.</summary>
    public IReadOnlyList<string> PointFieldNames() =>
        source.Fields.StoryPoints is { Length: > 0 } configured ? [configured, .. PointFields] : PointFields;

    private double? StoryPoints(JsonElement f)
    {
        IEnumerable<string> names = source.Fields.StoryPoints is { Length: > 0 } configured
            ? PointFields.Prepend(configured)
            : PointFields;
        return names.Select(name => JsonRead.Number(f, name)).FirstOrDefault(points => points is not null);
    }

    /// <summary>
    /// The configured KR field by reference name; "Key Result" also finds <c>Custom.KeyResult</c>
    /// (a reference name that, without spaces, ends with "." + the configured name without spaces).
    /// </summary>
    private JsonElement? KeyResultValue(JsonElement f)
    {
        if (f.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var configured = source.Fields.KeyResult.Trim();
        var suffix = "." + configured.Replace(" ", "", StringComparison.Ordinal);
        JsonElement? bySuffix = null;
        foreach (var field in f.EnumerateObject())
        {
            if (field.Value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                continue;
            }

            if (string.Equals(field.Name, configured, StringComparison.OrdinalIgnoreCase))
            {
                return field.Value;
            }

            if (bySuffix is null
                && field.Name.Replace(" ", "", StringComparison.Ordinal).EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                bySuffix = field.Value;
            }
        }

        return bySuffix;
    }

    // Payloads read with $expand=relations name the parent only as a Hierarchy-Reverse link.
    private static string? ParentFromRelations(JsonElement item)
    {
        foreach (var relation in JsonRead.Items(item, "relations"))
        {
            if (string.Equals(JsonRead.Str(relation, "rel"), "System.LinkTypes.Hierarchy-Reverse", StringComparison.OrdinalIgnoreCase)
                && JsonRead.Str(relation, "url") is { } url)
            {
                var last = url.TrimEnd('/').Split('/')[^1];
                return last.Length > 0 && last.All(char.IsAsciiDigit) ? last : null;
            }
        }

        return null;
    }

    private string? Url(JsonElement item, string id, string? project)
    {
        if (JsonRead.Str(JsonRead.Obj(JsonRead.Obj(item, "_links") ?? default, "html") ?? default, "href") is { } html)
        {
            return html;
        }

        return !string.IsNullOrWhiteSpace(source.BaseUrl) && !string.IsNullOrWhiteSpace(project)
            ? $"{source.BaseUrl.TrimEnd('/')}/{Uri.EscapeDataString(project)}/_workitems/edit/{id}"
            : null;
    }
}
