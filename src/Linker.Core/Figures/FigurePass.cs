using System.Runtime.CompilerServices;
using OkrLinker.Core.Items;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Reports;

namespace OkrLinker.Core.Figures;

/// <summary>
/// One pass over the linked items for every figure of the week that reads them: the in-scope totals and teams, each
/// KR's tally, and the unlinked items with their sort keys. A million items were read four times (scope filter, teams,
/// KRs, unlinked list) through LINQ and dictionaries keyed by strings; each item is now read once, and teams and KRs
/// are found by the reference of their pooled strings.
/// </summary>
internal sealed class FigurePass
{
    private const int MaxKrReferences = 4096;
    private const int ChunkBits = 13;
    private const int ChunkMask = (1 << ChunkBits) - 1;

    private readonly KeyResultFigures krFigures;
    private readonly TrendReconstruction.Tally? trend;
    private readonly long from;
    private readonly long to;
    private readonly SpellingIds teamIds = new();
    // By team id: the team's in-scope tally (null while none of its items was in scope) and that first item's spelling.
    private readonly List<BucketTally?> teamTallies = [];
    private readonly List<string?> teamNames = [];
    // By KR slot: one slot per distinct KR id of okrs.yaml (case-insensitively), as the KRs look up their items.
    private readonly Dictionary<string, int> krSlots = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> krSlotsByReference = new(ReferenceEqualityComparer.Instance);
    private readonly KrTally[] krTallies;
    private int[] itemSlots = new int[4];
    // The unlinked items in the items' order, in chunks: 220,000 at a million, and an array grown by doubling made and
    // copied twice their size before the exact one (each fresh megabyte costs its page faults).
    private readonly List<UnlinkedItem[]> unlinked = [];
    private int unlinkedCount;

    /// <param name="trend">The weeks before whose unlinked shares the trend may have to reconstruct; null for none.</param>
    public FigurePass(OkrSet okrs, KeyResultFigures krFigures, DateTimeOffset from, DateTimeOffset to, TrendReconstruction.Tally? trend)
    {
        this.krFigures = krFigures;
        this.trend = trend;
        this.from = from.UtcTicks;
        this.to = to.UtcTicks;
        foreach (var kr in okrs.KeyResults)
        {
            krSlots.TryAdd(kr.Id, krSlots.Count);
        }

        krTallies = new KrTally[krSlots.Count];
        for (var slot = 0; slot < krTallies.Length; slot++)
        {
            krTallies[slot] = new KrTally();
        }
    }

    /// <summary>Every in-scope item by bucket.</summary>
    public BucketTally Totals { get; } = new();

    /// <summary>Adds every item, in the list's order.</summary>
    public void AddAll(IReadOnlyList<LinkedItem> items)
    {
        // By index, from the linker's decisions: no LinkedItem is made for the million items (LinkedItems).
        var view = LinkedItems.Of(items);
        var count = view.Count;
        for (var i = 0; i < count; i++)
        {
            Add(view, i);
        }
    }

    // This and the methods it calls per item are compiled fully optimized at once: a report runs them a million times
    // in a process that lives a few seconds, and first-tier code ran most of them (docs/benchmarks.md, figures session 8).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Add(LinkedItems view, int index)
    {
        var item = view.ItemAt(index);
        var bucket = view.BucketAt(index);
        trend?.Add(item, bucket);
        var category = item.Category;

        // FigureCalculator.IsInScope, on UTC ticks (comparing them is comparing the instants).
        var inScope = category switch
        {
            StateCategory.InProgress => item.Created.UtcTicks < to,
            StateCategory.Done => item.Resolved is { } resolved && resolved.UtcTicks >= from && resolved.UtcTicks < to,
            _ => false,
        };

        var links = view.LinksAt(index);
        var hasKrs = links.Count > 0 && category != StateCategory.Removed;
        if (!inScope && !hasKrs)
        {
            return;
        }

        var team = teamIds.IdOf(item.Team);
        if (inScope)
        {
            AddInScope(view, index, item, bucket, team);
        }

        if (hasKrs)
        {
            AddToKrs(item, links, team);
        }
    }

    /// <summary>The KR's tally (an empty one when nothing links to it).</summary>
    public KrTally TallyOf(KeyResult kr) => krSlots.TryGetValue(kr.Id, out var slot) ? krTallies[slot] : new KrTally();

    /// <summary>The teams with in-scope items, each named as its first in-scope item spells it, ordered case-insensitively.</summary>
    public List<TeamFigures> Teams()
    {
        var named = new List<(string Name, BucketTally Tally)>();
        for (var id = 0; id < teamTallies.Count; id++)
        {
            if (teamTallies[id] is { } tally)
            {
                named.Add((teamNames[id]!, tally));
            }
        }

        // No two names are equal ignoring case (one id each), so an unstable sort gives the stable order.
        named.Sort((a, b) => StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name));
        var teams = new List<TeamFigures>(named.Count);
        foreach (var (name, tally) in named)
        {
            teams.Add(tally.ToTeam(name));
        }

        return teams;
    }

    /// <summary>
    /// The in-scope unlinked items, most points first (no points last), then by key. They were made in the items' own
    /// order, the order they sit in memory; only the compact keys are compared while sorting (sorting the items themselves
    /// chased two pointers per comparison across the heap).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public UnlinkedItem[] UnlinkedItems()
    {
        // The keys are made from the new items (as points and key are there, side by side in fresh memory) once their
        // number is known: 48 bytes each, and an array grown by doubling would have made twice as many.
        var keys = new UnlinkedOrder[unlinkedCount];
        for (var at = 0; at < keys.Length; at++)
        {
            var item = unlinked[at >> ChunkBits][at & ChunkMask];
            keys[at] = new UnlinkedOrder(item.Points, item.Key, at);
        }

        // Only the keys move while sorting; the items are then placed once, in the keys' order.
        UnlinkedOrder.Sort(keys);
        var items = new UnlinkedItem[keys.Length];
        for (var n = 0; n < items.Length; n++)
        {
            var at = keys[n].At;
            items[n] = unlinked[at >> ChunkBits][at & ChunkMask];
        }

        return items;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddInScope(LinkedItems view, int index, WorkItem item, Bucket bucket, int team)
    {
        Totals.Add(item, bucket);
        while (teamTallies.Count <= team)
        {
            teamTallies.Add(null);
            teamNames.Add(null);
        }

        if (teamTallies[team] is not { } tally)
        {
            teamTallies[team] = tally = new BucketTally();
            teamNames[team] = item.Team;
        }

        tally.Add(item, bucket);
        if (bucket != Bucket.Unlinked)
        {
            return;
        }

        if ((unlinkedCount & ChunkMask) == 0)
        {
            unlinked.Add(new UnlinkedItem[1 << ChunkBits]);
        }

        // Each keeps why it is unlinked in compact form: wording 220,000 explanations here was most of the figures' time
        // and garbage at a million items.
        unlinked[^1][unlinkedCount & ChunkMask] = view.WhyAt(index) is { } why
            ? new UnlinkedItem(item.Source, item.Key, item.Title, item.Url, item.Team, item.Type, item.State, item.StoryPoints) { Why = why }
            : new UnlinkedItem(item.Source, item.Key, item.Title, item.Url, item.Team, item.Type, item.State, item.StoryPoints, view.ExplanationAt(index));
        unlinkedCount++;
    }

    // An item counts once for each KR it names, however many ways it names it (case-insensitively); KR ids okrs.yaml
    // does not hold count for nothing.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddToKrs(WorkItem item, IReadOnlyList<ItemLink> links, int team)
    {
        if (itemSlots.Length < links.Count)
        {
            itemSlots = new int[links.Count * 2];
        }

        var named = 0;
        for (var k = 0; k < links.Count; k++)
        {
            var slot = SlotOf(links[k].KrId);
            if (slot >= 0 && Array.IndexOf(itemSlots, slot, 0, named) < 0)
            {
                itemSlots[named++] = slot;
            }
        }

        if (named == 0)
        {
            return;
        }

        var recent = krFigures.IsRecentWork(item);
        var done = krFigures.DoneInPeriod(item);
        for (var n = 0; n < named; n++)
        {
            krTallies[itemSlots[n]].Add(item, team, recent, done);
        }
    }

    private int SlotOf(string krId)
    {
        if (krSlotsByReference.TryGetValue(krId, out var slot))
        {
            return slot;
        }

        slot = krSlots.TryGetValue(krId, out var known) ? known : -1;
        if (krSlotsByReference.Count < MaxKrReferences)
        {
            krSlotsByReference.Add(krId, slot);
        }

        return slot;
    }
}
