using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;

namespace OkrLinker.Connectors.Parsing;

/// <summary>
/// A source's <c>StateCategories</c> map. It is the user's explicit word, so it wins over both the
/// tracker's own category (Jira has no "Removed" category: "Won't Do" is done there) and the well-known names.
/// </summary>
internal static class StateOverrides
{
    public static StateCategory? Find(SourceOptions source, string state)
    {
        foreach (var (name, category) in source.StateCategories)
        {
            if (string.Equals(name.Trim(), state.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return category;
            }
        }

        return null;
    }

    /// <summary>Override, else the tracker's category, else the well-known names, else ToDo.</summary>
    public static StateCategory Categorize(SourceOptions source, string state, StateCategory? trackerCategory) =>
        Find(source, state) ?? trackerCategory ?? WellKnownStates.Find(state) ?? StateCategory.ToDo;
}
