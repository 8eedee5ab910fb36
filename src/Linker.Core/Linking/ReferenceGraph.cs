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
    {
        var byKey = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < items.Count; i++)
        {
            var key = items[i].Key.Trim();
            if (!byKey.TryGetValue(key, out var list))
            {
                byKey.Add(key, list = []);
            }

            list.Add(i);
        }

        _references = new IReadOnlyList<ResolvedReference>[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var own = i;
            _references[i] =
            [
                .. patterns.In(items[i])
                    .Select(r => new ResolvedReference(r, byKey.TryGetValue(r.Key, out var found) ? Pick(found, items, items[own].Source) : null))
                    .Where(r => r.Target != own),
            ];
        }
    }

    /// <summary>What <paramref name="index"/> names, in the order it names them; a target of null is no synced item.</summary>
    public IReadOnlyList<ResolvedReference> Of(int index) => _references[index];

    // The same key in two sources (one tracker synced twice): the item's own source first, then list order.
    private static int Pick(List<int> candidates, IReadOnlyList<WorkItem> items, string source) =>
        candidates.FirstOrDefault(c => string.Equals(items[c].Source, source, StringComparison.OrdinalIgnoreCase), candidates[0]);

    /// <param name="Target">The named item's index, or null when no synced item has the key.</param>
    internal readonly record struct ResolvedReference(ItemReference Reference, int? Target);
}
