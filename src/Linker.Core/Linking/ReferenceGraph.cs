using OkrLinker.Core.Items;

namespace OkrLinker.Core.Linking;

/// <summary>
/// The items each item names (DESIGN.md §7, cross-reference), resolved case-insensitively by key
/// against every item being linked, in any source; a key that is no synced item resolves to nothing.
/// Items are list indices.
/// </summary>
internal sealed class ReferenceGraph
{
    private readonly IReadOnlyList<ResolvedReference>[] _references;

    public ReferenceGraph(IReadOnlyList<WorkItem> items, ReferencePatterns patterns)
        : this(items, i => patterns.In(items[i]))
    {
    }

    /// <param name="namedBy">What each item names (<see cref="LinkFacts.References"/>), by index.</param>
    public ReferenceGraph(IReadOnlyList<WorkItem> items, Func<int, IReadOnlyList<ItemReference>> namedBy)
    {
        _references = new IReadOnlyList<ResolvedReference>[items.Count];
        var named = new IReadOnlyList<ItemReference>[items.Count];
        var any = false;
        for (var i = 0; i < items.Count; i++)
        {
            named[i] = namedBy(i);
            any |= named[i].Count > 0;
        }

        // The keys are indexed only when some item names another: most stores of a million have few or none.
        var byKey = any ? new KeyIndex(items) : null;
        for (var i = 0; i < items.Count; i++)
        {
            if (named[i].Count == 0)
            {
                _references[i] = [];
                continue;
            }

            _references[i] = Resolve(named[i], i, items[i].Source, byKey!);
        }
    }

    // Apart from the loop above, whose every pass would otherwise make the lambdas' closure, naming or not.
    private static ResolvedReference[] Resolve(IReadOnlyList<ItemReference> named, int own, string source, KeyIndex byKey) =>
    [
        .. named
            .Select(r => new ResolvedReference(r, byKey.Find(r.Key, source)))
            .Where(r => r.Target != own),
    ];

    /// <summary>What <paramref name="index"/> names, in the order it names them; a target of null is no synced item.</summary>
    public IReadOnlyList<ResolvedReference> Of(int index) => _references[index];

    /// <summary>Items by trimmed key, case-insensitively; one int a key, a list only for a key held by several items.</summary>
    private sealed class KeyIndex
    {
        private readonly IReadOnlyList<WorkItem> items;
        private readonly Dictionary<string, int> first = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, List<int>> all = new(StringComparer.OrdinalIgnoreCase);

        public KeyIndex(IReadOnlyList<WorkItem> items)
        {
            this.items = items;
            for (var i = 0; i < items.Count; i++)
            {
                var key = items[i].Key.Trim();
                if (!first.TryAdd(key, i))
                {
                    if (!all.TryGetValue(key, out var list))
                    {
                        all.Add(key, list = [first[key]]);
                    }

                    list.Add(i);
                }
            }
        }

        // The same key in two sources (one tracker synced twice): the item's own source first, then list order.
        public int? Find(string key, string source)
        {
            if (!first.TryGetValue(key, out var only))
            {
                return null;
            }

            return all.TryGetValue(key, out var candidates)
                ? candidates.FirstOrDefault(c => string.Equals(items[c].Source, source, StringComparison.OrdinalIgnoreCase), candidates[0])
                : only;
        }
    }

    /// <param name="Target">The named item's index, or null when no synced item has the key.</param>
    internal readonly record struct ResolvedReference(ItemReference Reference, int? Target);
}
