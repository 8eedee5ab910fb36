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
        Category = Enum.Parse<StateCategory>(row.Category),
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
        var before = Fingerprint(row);
        row.Source = item.Source;
        row.ExternalId = item.ExternalId;
        row.ScopeId = scopeId;
        row.Key = item.Key;
        row.Url = item.Url;
        row.Title = item.Title;
        row.Type = item.Type;
        row.State = item.State;
        row.Category = item.Category.ToString();
        row.Team = item.Team;
        row.Project = item.Project;
        row.Area = item.Area;
        row.Iteration = item.Iteration;
        row.Components = WriteList(item.Components);
        row.Labels = WriteList(item.Labels);
        row.KrValues = WriteList(item.KrValues);
        row.ParentId = item.ParentId;
        row.ParentKey = item.ParentKey;
        row.StoryPoints = item.StoryPoints;
        row.Created = item.Created.ToUniversalTime();
        row.Updated = item.Updated.ToUniversalTime();
        row.Resolved = item.Resolved?.ToUniversalTime();
        row.Body = item.Body;
        row.Branch = item.Branch;

        // The source returned it, so it is not gone (any more).
        row.GoneAt = null;
        return before != Fingerprint(row);
    }

    private static string Fingerprint(WorkItemRow row) => JsonSerializer.Serialize(
        new object?[]
        {
            row.Source, row.ExternalId, row.ScopeId, row.Key, row.Url, row.Title, row.Type, row.State, row.Category,
            row.Team, row.Project, row.Area, row.Components, row.Labels, row.KrValues, row.ParentId, row.ParentKey,
            row.StoryPoints, row.Created.UtcTicks, row.Updated.UtcTicks, row.Resolved?.UtcTicks, row.Body, row.Branch, row.Iteration,
            row.GoneAt?.UtcTicks,
        });

    private static string WriteList(IReadOnlyList<string> values) => JsonSerializer.Serialize(values);

    private static string[] ReadList(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];
}
