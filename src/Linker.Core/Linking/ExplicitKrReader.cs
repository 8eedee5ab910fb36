using OkrLinker.Core.Items;
using OkrLinker.Core.Reports;

namespace OkrLinker.Core.Linking;

/// <summary>
/// Finds the KRs an item names itself (labels, title, KR field) — DESIGN.md §7 step 1. Mentions of
/// ids that are no KR of the current period become findings, never links.
/// </summary>
/// <param name="krFieldNameOf">The configured KR field's name for a source name, to say what matched.</param>
internal sealed class ExplicitKrReader(KrPatterns patterns, KrCatalog catalog, Func<string, string> krFieldNameOf)
{
    /// <returns>
    /// The named KRs, de-duplicated, in okrs.yaml order; each link's <see cref="ItemLink.Via"/> is the
    /// first place that named it (labels, then the title, then the KR field).
    /// </returns>
    public IReadOnlyList<ItemLink> Read(WorkItem item, ICollection<Finding> findings)
    {
        // Most items name nothing: no labels, no KR field, a title no pattern matches. Those allocate nothing here.
        if (item.Labels.Count == 0 && item.KrValues.Count == 0 && !patterns.MayNameInTitle(item.Title))
        {
            return [];
        }

        SortedDictionary<int, ItemLink>? known = null;
        HashSet<string>? reported = null;
        foreach (var mention in MentionsOf(item))
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

    /// <summary>
    /// <see cref="Read(WorkItem, ICollection{Finding})"/> for one item of many: an item that names KRs only in its labels
    /// gets the links of the last item that held the same label list (the store's reader shares one list among all the
    /// items with equal labels; a fifth of a million items carry a few dozen label sets). Lists that led to a finding are
    /// not shared, as a finding names its item.
    /// </summary>
    public IReadOnlyList<ItemLink> Read(WorkItem item, ICollection<Finding> findings, Dictionary<IReadOnlyList<string>, IReadOnlyList<ItemLink>> byLabels)
    {
        if (item.Labels.Count == 0 || item.KrValues.Count > 0 || patterns.MayNameInTitle(item.Title))
        {
            return Read(item, findings);
        }

        if (byLabels.TryGetValue(item.Labels, out var shared))
        {
            return shared;
        }

        var before = findings.Count;
        var links = Read(item, findings);
        if (findings.Count == before && byLabels.Count < MaxSharedLabelLists)
        {
            byLabels.Add(item.Labels, links);
        }

        return links;
    }

    /// <summary>An empty cache for <see cref="Read(WorkItem, ICollection{Finding}, Dictionary{IReadOnlyList{string}, IReadOnlyList{ItemLink}})"/>: by list instance.</summary>
    public static Dictionary<IReadOnlyList<string>, IReadOnlyList<ItemLink>> NewLabelCache() => new(ReferenceEqualityComparer.Instance);

    // Items read some other way hold a list each: the cache stops growing there.
    private const int MaxSharedLabelLists = 10_000;

    private IEnumerable<KrMention> MentionsOf(WorkItem item)
    {
        var fieldName = krFieldNameOf(item.Source);
        return item.Labels.SelectMany(patterns.InLabel)
            .Concat(patterns.InTitle(item.Title))
            .Concat(item.KrValues.SelectMany(v => patterns.InFieldValue(v, fieldName)));
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
