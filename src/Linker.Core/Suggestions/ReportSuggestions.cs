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
        return !Wanted(options) || unlinked.Count == 0
            ? unlinked
            : Add(unlinked, new KrSuggester(linking, okrs, linkingOptions, recentUntil), options);
    }

    /// <summary>Whether <c>Report:Suggestions</c> asks for any (else no index need be built).</summary>
    public static bool Wanted(SuggestionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Enabled && options.MaxItems > 0;
    }

    /// <summary>As the other overload, with the index already built (the report builds it while it works out the figures).</summary>
    public static IReadOnlyList<UnlinkedItem> Add(IReadOnlyList<UnlinkedItem> unlinked, KrSuggester suggester, SuggestionOptions options)
    {
        ArgumentNullException.ThrowIfNull(unlinked);
        ArgumentNullException.ThrowIfNull(suggester);
        ArgumentNullException.ThrowIfNull(options);
        var asked = Math.Min(options.MaxItems, unlinked.Count);
        var wanted = new (string Source, string Key)[asked];
        for (var n = 0; n < asked; n++)
        {
            wanted[n] = (unlinked[n].Source, unlinked[n].Key);
        }

        // Plain loops into an array of the known size: the list is 220,000 items at a million.
        var indices = suggester.UnlinkedIndicesOf(wanted);
        var items = new UnlinkedItem[unlinked.Count];
        for (var n = 0; n < items.Length; n++)
        {
            var item = unlinked[n];
            items[n] = n < asked && indices[n] is { } index ? item with { Suggestions = suggester.For(index) } : item;
        }

        return items;
    }
}
