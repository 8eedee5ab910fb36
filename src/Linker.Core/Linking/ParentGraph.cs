using OkrLinker.Core.Items;

namespace OkrLinker.Core.Linking;

/// <summary>
/// Each item's parent among the items being linked, resolved within the item's own source: by
/// <see cref="WorkItem.ParentId"/> against external ids, else <see cref="WorkItem.ParentKey"/> against
/// keys (case-insensitive). A parent outside the set is no parent. Items are addressed by list index.
/// </summary>
internal sealed class ParentGraph
{
    private const int None = -1;

    private readonly int[] _parents;

    public ParentGraph(IReadOnlyList<WorkItem> items)
    {
        // Only the ids and keys some item names as its parent are indexed: a million items name a few tens of thousands
        // of parents, and indexing every item's key made a table of a million entries that each lookup then missed
        // the cache in. Three passes: what is named, which item has each named id or key, each item's parent.
        // Siblings name their parent with one shared string (the store reads pool it) and mostly come one after the
        // other: a name the item before gave in the same source is neither added nor looked up again.
        var sources = new Sources();
        string? lastId = null, lastKey = null;
        SourceIndex? lastIndex = null;
        foreach (var item in items)
        {
            var index = sources.Of(item.Source);
            if (!ReferenceEquals(index, lastIndex))
            {
                (lastId, lastKey, lastIndex) = (null, null, index);
            }

            if (!ReferenceEquals(item.ParentId, lastId) && !string.IsNullOrWhiteSpace(item.ParentId))
            {
                index.ById.TryAdd(item.ParentId, None);
                lastId = item.ParentId;
            }

            if (!ReferenceEquals(item.ParentKey, lastKey) && !string.IsNullOrWhiteSpace(item.ParentKey))
            {
                index.ByKey.TryAdd(item.ParentKey.Trim(), None);
                lastKey = item.ParentKey;
            }
        }

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var index = sources.Of(item.Source);

            // The first item with an id or key wins, so a duplicate cannot move a parent around.
            if (index.ById.Count > 0)
            {
                ClaimFirst(index.ById, item.ExternalId, i);
            }

            if (index.ByKey.Count > 0)
            {
                ClaimFirst(index.ByKey, item.Key.Trim(), i);
            }
        }

        _parents = new int[items.Count];
        var last = (Item: (WorkItem?)null, Index: (SourceIndex?)null, Parent: None);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var index = sources.Of(item.Source);

            // The same parent id and key, as the same strings, in the same source: the same parent.
            _parents[i] = last.Item is { } before && ReferenceEquals(index, last.Index)
                && ReferenceEquals(item.ParentId, before.ParentId) && ReferenceEquals(item.ParentKey, before.ParentKey)
                && (item.ParentId is not null || item.ParentKey is not null)
                    ? last.Parent
                    : Resolve(item, index);
            last = (item, index, _parents[i]);
        }
    }

    /// <summary>The parent's index, or null when the item has none in the set.</summary>
    public int? ParentOf(int index) => _parents[index] == None ? null : _parents[index];

    /// <summary>
    /// Every loop in the parent chains, each as the indices on it in parent order. Each item has at most
    /// one parent, so following parents from every unseen item finds each loop exactly once.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<int>> Cycles()
    {
        var cycles = new List<IReadOnlyList<int>>();
        var walkOf = new int[_parents.Length];
        var path = new List<int>();
        for (var start = 0; start < _parents.Length; start++)
        {
            if (walkOf[start] != 0)
            {
                continue;
            }

            var walk = start + 1;
            path.Clear();
            var node = start;
            while (node != None && walkOf[node] == 0)
            {
                walkOf[node] = walk;
                path.Add(node);
                node = _parents[node];
            }

            // Meeting a node of this same walk closes a loop; meeting an earlier walk's node does not.
            if (node != None && walkOf[node] == walk)
            {
                cycles.Add(path[path.IndexOf(node)..]);
            }
        }

        return cycles;
    }

    private static void ClaimFirst(Dictionary<string, int> named, string idOrKey, int item)
    {
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(named, idOrKey);
        if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref slot) && slot == None)
        {
            slot = item;
        }
    }

    // A named id or key no item has is held as None: no parent by it, the key is tried next.
    private static int Resolve(WorkItem item, SourceIndex index)
    {
        if (!string.IsNullOrWhiteSpace(item.ParentId) && index.ById.TryGetValue(item.ParentId, out var byId) && byId != None)
        {
            return byId;
        }

        if (!string.IsNullOrWhiteSpace(item.ParentKey) && index.ByKey.TryGetValue(item.ParentKey.Trim(), out var byKey) && byKey != None)
        {
            return byKey;
        }

        return None;
    }

    private sealed class SourceIndex
    {
        public Dictionary<string, int> ById { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> ByKey { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Each source's index, case-insensitively by name; items come grouped by source, so the last one is kept at hand.</summary>
    private sealed class Sources
    {
        private readonly Dictionary<string, SourceIndex> bySource = new(StringComparer.OrdinalIgnoreCase);
        private string? lastName;
        private SourceIndex? last;

        public SourceIndex Of(string source)
        {
            if (ReferenceEquals(source, lastName))
            {
                return last!;
            }

            if (!bySource.TryGetValue(source, out var index))
            {
                bySource.Add(source, index = new SourceIndex());
            }

            lastName = source;
            last = index;
            return index;
        }
    }
}
