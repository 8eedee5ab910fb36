using OkrLinker.Core.Items;

namespace OkrLinker.Core.Linking;

/// <summary>
/// The KRs an item takes from the items it names (DESIGN.md §7, cross-reference): each named item
/// passes its explicit or inherited KRs, else — transitively — the KRs of the items it names in turn;
/// never its rule links. A gone item passes nothing; a loop of references ends where it closes.
/// </summary>
/// <param name="own">An item's explicit links, else those its tagged ancestor names, else null: only their KR ids are read.</param>
internal sealed class ReferenceFollower(
    IReadOnlyList<WorkItem> items,
    Func<int, IReadOnlyList<ItemLink>?> own,
    ReferenceGraph references,
    Func<string, int> krOrder)
{
    // Only results that did not meet a loop are kept: those do not depend on where the walk began.
    private readonly Dictionary<int, IReadOnlyList<string>> _carried = [];

    /// <summary>The item's reference links in okrs.yaml order; <see cref="ItemLink.Via"/> is the key of the item it names.</summary>
    public IReadOnlyList<ItemLink> Follow(int index)
    {
        if (references.Of(index).Count == 0)
        {
            return [];
        }

        var cut = false;
        var path = new HashSet<int> { index };
        return Referenced(index, path, ref cut);
    }

    private List<ItemLink> Referenced(int index, HashSet<int> path, ref bool cut)
    {
        var links = new SortedDictionary<int, ItemLink>();
        foreach (var reference in references.Of(index))
        {
            if (reference.Target is not { } target || items[target].GoneAt is not null)
            {
                continue;
            }

            if (path.Contains(target))
            {
                cut = true;
                continue;
            }

            foreach (var kr in Carried(target, path, ref cut))
            {
                links.TryAdd(krOrder(kr), new ItemLink(kr, LinkReason.Reference, items[target].Key));
            }
        }

        return [.. links.Values];
    }

    private IReadOnlyList<string> Carried(int index, HashSet<int> path, ref bool cut)
    {
        if (own(index) is { } ownLinks)
        {
            return [.. ownLinks.Select(l => l.KrId)];
        }

        if (_carried.TryGetValue(index, out var known))
        {
            return known;
        }

        var inner = false;
        path.Add(index);
        var carried = Referenced(index, path, ref inner).Select(l => l.KrId).ToList();
        path.Remove(index);
        if (inner)
        {
            cut = true;
        }
        else
        {
            _carried[index] = carried;
        }

        return carried;
    }
}
