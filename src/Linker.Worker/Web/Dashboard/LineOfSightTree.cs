namespace OkrLinker.Worker.Web.Dashboard;

/// <summary>
/// Arranges the items linked to one KR as the trackers nest them (epic → story → task), each under its parent when the
/// parent is linked to the same KR; an item linked by cross-reference sits under the item it names (a pull request
/// under its story). Every item appears exactly once, so the counts of the roots add up to the KR's item count.
/// </summary>
internal static class LineOfSightTree
{
    public static IReadOnlyList<TreeNode> Build(IReadOnlyList<LinkedWork> work)
    {
        var distinct = work.DistinctBy(w => (w.Source, w.ExternalId)).ToList();
        var byId = distinct.ToDictionary(w => (w.Source, w.ExternalId));
        var byKey = distinct.GroupBy(w => (w.Source, w.Key)).ToDictionary(g => g.Key, g => g.First());
        var anyByKey = distinct.GroupBy(w => w.Key, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        LinkedWork? ParentOf(LinkedWork w)
        {
            if (w.ParentId is { } id && byId.TryGetValue((w.Source, id), out var parent))
            {
                return parent;
            }

            if (w.ParentKey is { } key && byKey.TryGetValue((w.Source, key), out parent))
            {
                return parent;
            }

            return w.Reason == "Reference" && w.Via is { } via && anyByKey.TryGetValue(via, out parent) && parent != w ? parent : null;
        }

        var parents = distinct.ToDictionary(w => w, ParentOf);
        BreakCycles(distinct, parents);

        var children = distinct.Where(w => parents[w] is not null).ToLookup(w => parents[w]!);
        TreeNode Node(LinkedWork w) => new(w, [.. children[w].Select(Node)]);
        return [.. distinct.Where(w => parents[w] is null).Select(Node)];
    }

    // Parents that lead back to the item itself would leave a loop with no root: the item where the walk
    // first comes back becomes a root, so every item is still shown once.
    private static void BreakCycles(List<LinkedWork> items, Dictionary<LinkedWork, LinkedWork?> parents)
    {
        foreach (var item in items)
        {
            var seen = new HashSet<LinkedWork> { item };
            var at = item;
            while (parents[at] is { } up)
            {
                if (!seen.Add(up))
                {
                    parents[at] = null;
                    break;
                }

                at = up;
            }
        }
    }
}
