namespace OkrLinker.Core.Items;

/// <summary>
/// Folds a state name into a category where the tracker's own categories are not at hand
/// (saved files), per DESIGN.md §6. A source's <c>StateCategories</c> map wins over the defaults.
/// </summary>
public static class WellKnownStates
{
    private static readonly Dictionary<string, StateCategory> Defaults = new(StringComparer.OrdinalIgnoreCase)
    {
        ["New"] = StateCategory.ToDo,
        ["Proposed"] = StateCategory.ToDo,
        ["To Do"] = StateCategory.ToDo,
        ["Active"] = StateCategory.InProgress,
        ["Committed"] = StateCategory.InProgress,
        ["In Progress"] = StateCategory.InProgress,
        ["Doing"] = StateCategory.InProgress,
        ["Resolved"] = StateCategory.Done,
        ["Closed"] = StateCategory.Done,
        ["Done"] = StateCategory.Done,
        ["Removed"] = StateCategory.Removed,
        ["Cut"] = StateCategory.Removed,
    };

    /// <summary>The category of <paramref name="state"/>, or null when neither map knows it.</summary>
    public static StateCategory? Find(string state, IReadOnlyDictionary<string, StateCategory>? overrides = null)
    {
        if (overrides is not null)
        {
            foreach (var (name, category) in overrides)
            {
                if (string.Equals(name, state.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    return category;
                }
            }
        }

        return Defaults.TryGetValue(state.Trim(), out var found) ? found : null;
    }
}
