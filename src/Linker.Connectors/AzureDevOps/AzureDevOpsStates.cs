using OkrLinker.Core.Items;

namespace OkrLinker.Connectors.AzureDevOps;

/// <summary>How a process's state categories map to ours (DESIGN.md §6).</summary>
internal static class AzureDevOpsStates
{
    /// <summary>Proposed → ToDo, InProgress → InProgress, Resolved and Completed → Done, Removed → Removed; others unknown.</summary>
    public static StateCategory? Category(string? processCategory) => processCategory?.Trim().ToUpperInvariant() switch
    {
        "PROPOSED" => StateCategory.ToDo,
        "INPROGRESS" => StateCategory.InProgress,
        "RESOLVED" or "COMPLETED" => StateCategory.Done,
        "REMOVED" => StateCategory.Removed,
        _ => null,
    };
}
