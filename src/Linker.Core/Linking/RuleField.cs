namespace OkrLinker.Core.Linking;

/// <summary>The item fields a <c>Rules</c> or <c>Bau</c> entry can compare (DESIGN.md §7).</summary>
internal enum RuleField
{
    Type,
    State,
    Team,
    Project,
    Area,
    Component,
    Repo,

    /// <summary>The state category (ToDo, InProgress, Done, Removed); metric <c>where</c> rules read it at a moment.</summary>
    Category,
}
