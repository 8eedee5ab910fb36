using OkrLinker.Core.Configuration;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Reports;

namespace OkrLinker.Core.Suggestions;

/// <summary>The report's unlinked items with their suggestions (<c>Report:Suggestions</c>).</summary>
public static class ReportSuggestions
{
    // Fewer items than this are worked out on one core: a second would cost more to start than it saves.
    private const int TwoHalvesFrom = 1_000;

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
        // Plain loops into an array of the known size: the list is 220,000 items at a million.
        var items = new UnlinkedItem[unlinked.Count];
        for (var n = 0; n < items.Length; n++)
        {
            items[n] = unlinked[n];
        }

        return Replace(items, asked, suggester);
    }

    /// <summary>
    /// As <see cref="Add(IReadOnlyList{UnlinkedItem}, KrSuggester, SuggestionOptions)"/> for the report's own list, which
    /// nothing else holds (the figures' fresh array): the first items are replaced in it rather than 220,000 references
    /// copied into a new one at a million items.
    /// </summary>
    internal static IReadOnlyList<UnlinkedItem> AddToReport(IReadOnlyList<UnlinkedItem> unlinked, KrSuggester suggester, SuggestionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return unlinked is UnlinkedItem[] own ? Replace(own, Math.Min(options.MaxItems, own.Length), suggester) : Add(unlinked, suggester, options);
    }

    // The first 'asked' items, with their suggestions, in place. Ten thousand of them take a few tenths of a second, when
    // the report's other core has nothing else to do: two halves, on two cores when one is free (Parallel.For runs both
    // here when none is). Each half writes only its own entries of the array and keeps its own group tallies; the
    // suggester's index is only read. An item's suggestions do not depend on which half or in what order it was
    // worked out, so the same items come out whatever the scheduling.
    private static UnlinkedItem[] Replace(UnlinkedItem[] items, int asked, KrSuggester suggester)
    {
        if (asked < TwoHalvesFrom)
        {
            Replace(items, 0, asked, suggester, KrSuggester.NewTallies());
            return items;
        }

        var half = asked / 2;
        Parallel.For(0, 2, part => Replace(items, part == 0 ? 0 : half, part == 0 ? half : asked, suggester, KrSuggester.NewTallies()));
        return items;
    }

    private static void Replace(UnlinkedItem[] items, int from, int to, KrSuggester suggester, KrSuggester.Tallies tallies)
    {
        for (var n = from; n < to; n++)
        {
            var item = items[n];
            if (suggester.UnlinkedIndexOf(item.Source, item.Key) is { } index)
            {
                items[n] = item with { Suggestions = suggester.For(index, tallies) };
            }
        }
    }
}
