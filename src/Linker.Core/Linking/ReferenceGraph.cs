using OkrLinker.Core.Items;

namespace OkrLinker.Core.Linking;

/// <summary>
/// The items each item names (DESIGN.md §7, cross-reference), resolved case-insensitively by key
/// against every item being linked, in any source; a key that is no synced item resolves to nothing.
/// Items are list indices.
/// </summary>
internal sealed class ReferenceGraph
{
    // Null when no item names another (most stores of a million): then every item's list is empty, and no array is made.
    private readonly IReadOnlyList<ResolvedReference>[]? _references;

    public ReferenceGraph(IReadOnlyList<WorkItem> items, ReferencePatterns patterns)
        : this(items, i => patterns.In(items[i]))
    {
    }

    /// <param name="namedBy">What each item names (<see cref="LinkFacts.References"/>), by index; asked once or twice an item.</param>
    public ReferenceGraph(IReadOnlyList<WorkItem> items, Func<int, IReadOnlyList<ItemReference>> namedBy)
    {
        var firstNaming = -1;
        for (var i = 0; i < items.Count && firstNaming < 0; i++)
        {
            if (namedBy(i).Count > 0)
            {
                firstNaming = i;
            }
        }

        if (firstNaming < 0)
        {
            return;
        }

        // The keys are indexed only when some item names another.
        var byKey = new KeyIndex(items);
        _references = new IReadOnlyList<ResolvedReference>[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var named = i < firstNaming ? [] : namedBy(i);
            _references[i] = named.Count == 0 ? [] : Resolve(named, i, items[i].Source, byKey);
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
    public IReadOnlyList<ResolvedReference> Of(int index) => _references is null ? [] : _references[index];

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
