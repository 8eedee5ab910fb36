using System.Text.Json;
using OkrLinker.Core.Items;

namespace OkrLinker.Core.Store;

/// <summary>Between the domain's <see cref="WorkItem"/> and its stored row.</summary>
internal static class WorkItemMapping
{
    public static WorkItem ToItem(this WorkItemRow row) => new()
    {
        Source = row.Source,
        ExternalId = row.ExternalId,
        Key = row.Key,
        Url = row.Url,
        Title = row.Title,
        Type = row.Type,
        State = row.State,
        Category = ReadCategory(row.Category),
        Team = row.Team,
        Project = row.Project,
        Area = row.Area,
        Iteration = row.Iteration,
        Components = ReadList(row.Components),
        Labels = ReadList(row.Labels),
        KrValues = ReadList(row.KrValues),
        ParentId = row.ParentId,
        ParentKey = row.ParentKey,
        StoryPoints = row.StoryPoints,
        Created = row.Created,
        Updated = row.Updated,
        Resolved = row.Resolved,
        Body = row.Body,
        Branch = row.Branch,
        GoneAt = row.GoneAt,
    };

    /// <summary>Copies the item onto the row; false when the row already held exactly this content.</summary>
    public static bool CopyTo(this WorkItem item, WorkItemRow row, string scopeId)
    {
        var category = item.Category.ToString();
        var components = WriteList(item.Components);
        var labels = WriteList(item.Labels);
        var krValues = WriteList(item.KrValues);
        var created = item.Created.ToUniversalTime();
        var updated = item.Updated.ToUniversalTime();
        var resolved = item.Resolved?.ToUniversalTime();

        // Field by field rather than comparing serialized copies of the row: a million-item re-read
        // compares a million rows. Times compare as UTC instants, lists as their stored JSON.
        var changed =
            !Same(row.Source, item.Source) || !Same(row.ExternalId, item.ExternalId) || !Same(row.ScopeId, scopeId)
            || !Same(row.Key, item.Key) || !Same(row.Url, item.Url) || !Same(row.Title, item.Title)
            || !Same(row.Type, item.Type) || !Same(row.State, item.State) || !Same(row.Category, category)
            || !Same(row.Team, item.Team) || !Same(row.Project, item.Project) || !Same(row.Area, item.Area)
            || !Same(row.Components, components) || !Same(row.Labels, labels) || !Same(row.KrValues, krValues)
            || !Same(row.ParentId, item.ParentId) || !Same(row.ParentKey, item.ParentKey)
            || !Nullable.Equals(row.StoryPoints, item.StoryPoints)
            || row.Created.UtcTicks != created.UtcTicks || row.Updated.UtcTicks != updated.UtcTicks
            || row.Resolved?.UtcTicks != resolved?.UtcTicks
            || !Same(row.Body, item.Body) || !Same(row.Branch, item.Branch) || !Same(row.Iteration, item.Iteration)
            || row.GoneAt is not null;

        row.Source = item.Source;
        row.ExternalId = item.ExternalId;
        row.ScopeId = scopeId;
        row.Key = item.Key;
        row.Url = item.Url;
        row.Title = item.Title;
        row.Type = item.Type;
        row.State = item.State;
        row.Category = category;
        row.Team = item.Team;
        row.Project = item.Project;
        row.Area = item.Area;
        row.Iteration = item.Iteration;
        row.Components = components;
        row.Labels = labels;
        row.KrValues = krValues;
        row.ParentId = item.ParentId;
        row.ParentKey = item.ParentKey;
        row.StoryPoints = item.StoryPoints;
        row.Created = created;
        row.Updated = updated;
        row.Resolved = resolved;
        row.Body = item.Body;
        row.Branch = item.Branch;

        // The source returned it, so it is not gone (any more).
        row.GoneAt = null;
        return changed;
    }

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.Ordinal);

    // Most items have no components, labels or KR values: skip the serializer for those.
    private static string WriteList(IReadOnlyList<string> values) => values.Count == 0 ? "[]" : JsonSerializer.Serialize(values);

    public static string[] ReadList(string json) => json == "[]" ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];

    /// <summary>The stored category name as the enum; the four names without <see cref="Enum.Parse{TEnum}(string)"/> per row.</summary>
    public static StateCategory ReadCategory(string stored) => stored switch
    {
        nameof(StateCategory.ToDo) => StateCategory.ToDo,
        nameof(StateCategory.InProgress) => StateCategory.InProgress,
        nameof(StateCategory.Done) => StateCategory.Done,
        nameof(StateCategory.Removed) => StateCategory.Removed,
        _ => Enum.Parse<StateCategory>(stored),
    };
}
