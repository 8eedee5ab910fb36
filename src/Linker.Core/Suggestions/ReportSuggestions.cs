using OkrLinker.Core.Configuration;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Reports;

namespace OkrLinker.Core.Suggestions;

/// <summary>The report's unlinked items with their suggestions (<c>Report:Suggestions</c>).</summary>
public static class ReportSuggestions
{
    /// <summary>
    /// The first <see cref="SuggestionOptions.MaxItems"/> items, in the given (the report's) order, with their
    /// suggestions (an empty list when nothing points anywhere); the rest as they were (none computed). Off, or with
    /// nothing to suggest for, no index is built.
    /// </summary>
    /// <param name="recentUntil">The end of the report's week: the team's recent work is the four weeks before it.</param>
    public static IReadOnlyList<UnlinkedItem> Add(
        IReadOnlyList<UnlinkedItem> unlinked,
        LinkingResult linking,
        OkrSet okrs,
        LinkingOptions linkingOptions,
        SuggestionOptions options,
        DateTimeOffset recentUntil)
    {
        ArgumentNullException.ThrowIfNull(unlinked);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled || options.MaxItems == 0 || unlinked.Count == 0)
        {
            return unlinked;
        }

        var suggester = new KrSuggester(linking, okrs, linkingOptions, recentUntil);
        return
        [
            .. unlinked.Select((item, n) => n < options.MaxItems && suggester.UnlinkedIndexOf(item.Source, item.Key) is { } index
                ? item with { Suggestions = suggester.For(index) }
                : item),
        ];
    }
}
