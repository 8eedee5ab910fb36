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
        // An index is built only when some item names a parent that way: a CSV export names parents by key
        // alone, a GitHub repo by id alone, and each index of a million items is tens of megabytes.
        var anyById = false;
        var anyByKey = false;
        var perSource = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            anyById |= !string.IsNullOrWhiteSpace(item.ParentId);
            anyByKey |= !string.IsNullOrWhiteSpace(item.ParentKey);
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(perSource, item.Source, out _)++;
        }

        // Each index sized for its source up front: growing one to a million entries copies it some twenty times.
        var bySource = new Dictionary<string, SourceIndex>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!bySource.TryGetValue(item.Source, out var index))
            {
                var size = perSource[item.Source];
                index = new SourceIndex(anyById ? size : 0, anyByKey ? size : 0);
                bySource.Add(item.Source, index);
            }

            // The first item with an id or key wins, so a duplicate cannot move a parent around.
            if (anyById)
            {
                index.ById.TryAdd(item.ExternalId, i);
            }

            if (anyByKey)
            {
                index.ByKey.TryAdd(item.Key.Trim(), i);
            }
        }

        _parents = new int[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            _parents[i] = Resolve(items[i], bySource[items[i].Source]);
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

    private static int Resolve(WorkItem item, SourceIndex index)
    {
        if (!string.IsNullOrWhiteSpace(item.ParentId) && index.ById.TryGetValue(item.ParentId, out var byId))
        {
            return byId;
        }

        if (!string.IsNullOrWhiteSpace(item.ParentKey) && index.ByKey.TryGetValue(item.ParentKey.Trim(), out var byKey))
        {
            return byKey;
        }

        return None;
    }

    private sealed class SourceIndex(int ids, int keys)
    {
        public Dictionary<string, int> ById { get; } = new(ids, StringComparer.Ordinal);

        public Dictionary<string, int> ByKey { get; } = new(keys, StringComparer.OrdinalIgnoreCase);
    }
}
