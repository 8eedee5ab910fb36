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
}
