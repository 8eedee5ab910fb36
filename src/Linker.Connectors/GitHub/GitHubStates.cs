using OkrLinker.Core.Items;

namespace OkrLinker.Connectors.GitHub;

/// <summary>The state and category of a GitHub issue or pull request (DESIGN.md §6).</summary>
internal static class GitHubStates
{
    /// <summary>
    /// Issues: open + assigned → InProgress, open + unassigned → ToDo, closed as completed (or with no
    /// reason, as before GitHub recorded one) → Done, closed as not planned or duplicate → Removed.
    /// Pull requests: open → InProgress, merged → Done, closed unmerged → Removed.
    /// </summary>
    public static (string State, StateCategory Category) Of(
        bool isPullRequest, string state, bool assigned, string? stateReason, bool merged)
    {
        var open = !string.Equals(state, "closed", StringComparison.OrdinalIgnoreCase);
        if (isPullRequest)
        {
            return open ? ("open", StateCategory.InProgress)
                : merged ? ("merged", StateCategory.Done)
                : ("closed", StateCategory.Removed);
        }

        if (open)
        {
            return ("open", assigned ? StateCategory.InProgress : StateCategory.ToDo);
        }

        return stateReason?.ToUpperInvariant() switch
        {
            "NOT_PLANNED" or "DUPLICATE" => ("closed", StateCategory.Removed),
            _ => ("closed", StateCategory.Done),
        };
    }
}
