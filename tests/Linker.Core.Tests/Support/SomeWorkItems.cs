using OkrLinker.Core.Items;

namespace OkrLinker.Core.Tests.Support;

/// <summary>
/// Valid values for tests, varied with <c>with</c>: <c>Some.Item("PAY-1") with { Labels = ["kr:O1-KR1"] }</c>.
/// Only what a test sets matters to it; everything else is a plain, fixed default.
/// </summary>
public static partial class Some
{
    /// <summary>Monday 2026-10-05 09:00 UTC, inside the 2026-Q4 period of <see cref="Okrs()"/>.</summary>
    public static readonly DateTimeOffset Created = new(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// An in-progress Jira story of team payments. The external id is <c>id-</c> + key, so a child can
    /// name it with <c>ParentId = "id-PAY-1"</c>.
    /// </summary>
    public static WorkItem Item(string key, string source = "jira", string team = "payments") => new()
    {
        Source = source,
        ExternalId = $"id-{key}",
        Key = key,
        Url = $"https://tracker.example/{key}",
        Title = $"Work on {key}",
        Type = "Story",
        State = "In Progress",
        Category = StateCategory.InProgress,
        Team = team,
        Project = key.Split('-')[0],
        Created = Created,
        Updated = Created,
    };

    public static WorkItem InProgress(string key, string team = "payments", double? points = null, DateTimeOffset? created = null) =>
        Item(key, team: team) with { StoryPoints = points, Created = created ?? Created, Updated = created ?? Created };

    public static WorkItem Done(string key, DateTimeOffset resolved, string team = "payments", double? points = null) =>
        Item(key, team: team) with
        {
            State = "Done",
            Category = StateCategory.Done,
            StoryPoints = points,
            Resolved = resolved,
            Updated = resolved,
        };

    public static WorkItem ToDo(string key, string team = "payments", double? points = null) =>
        Item(key, team: team) with { State = "To Do", Category = StateCategory.ToDo, StoryPoints = points };

    public static WorkItem Removed(string key, string team = "payments", double? points = null) =>
        Item(key, team: team) with { State = "Removed", Category = StateCategory.Removed, StoryPoints = points };
}
