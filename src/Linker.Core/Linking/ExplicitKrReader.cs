using OkrLinker.Core.Items;
using OkrLinker.Core.Reports;

namespace OkrLinker.Core.Linking;

/// <summary>
/// Decides which of the KRs an item names itself (labels, title, KR field; found by <see cref="LinkFactsReader"/>) are
/// links — DESIGN.md §7 step 1. Mentions of ids that are no KR of the current period become findings, never links.
/// </summary>
internal sealed class ExplicitKrReader(KrCatalog catalog)
{
    /// <param name="mentions">The item's mentions as <see cref="LinkFacts.Mentions"/> holds them, in the order they were found.</param>
    /// <returns>
    /// The named KRs, de-duplicated, in okrs.yaml order; each link's <see cref="ItemLink.Via"/> is the
    /// first place that named it (labels, then the title, then the KR field).
    /// </returns>
    public IReadOnlyList<ItemLink> Read(WorkItem item, IReadOnlyList<KrMention> mentions, ICollection<Finding> findings)
    {
        if (mentions.Count == 0)
        {
            return [];
        }

        SortedDictionary<int, ItemLink>? known = null;
        HashSet<string>? reported = null;
        foreach (var mention in mentions)
        {
            if (catalog.Find(mention.Id) is { } kr)
            {
                (known ??= []).TryAdd(kr.Order, new ItemLink(kr.Id, LinkReason.Explicit, mention.Matched));
            }
            else if ((reported ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(mention.Id))
            {
                findings.Add(Mistake(item, mention));
            }
        }

        return known is null ? [] : [.. known.Values];
    }

    private Finding Mistake(WorkItem item, KrMention mention)
    {
        if (catalog.PastPeriodOf(mention.Id) is { } ended)
        {
            return new Finding(
                LinkFindingRules.StaleKrTag,
                LinkFindingRules.Severity,
                item.Key,
                $"{item.Key} names '{mention.Id}' in {mention.Where}, a KR of the ended period {ended}; "
                + $"it is not linked until it names a KR of {catalog.PeriodName}.");
        }

        var suggestion = catalog.Closest(mention.Id) is { } closest ? $"; did you mean {closest}?" : ".";
        return new Finding(
            LinkFindingRules.UnknownKrTag,
            LinkFindingRules.Severity,
            item.Key,
            $"{item.Key} names '{mention.Id}' in {mention.Where}, which is no KR of {catalog.PeriodName}{suggestion}");
    }
}
