using OkrLinker.Core.Figures;
using OkrLinker.Core.Items;
using OkrLinker.Core.Linking;

namespace OkrLinker.Core.Reports;

/// <summary>
/// The unlinked share of a past week that has no snapshot, worked out from what the store holds now.
/// The week's own rule (DESIGN.md §8) reads current categories, which for a past week would drop the
/// work that was in progress then and is done now; so here an item counts when it was created before
/// the week ended and was either resolved inside it or not yet resolved by its start.
/// </summary>
internal static class TrendReconstruction
{
    /// <summary>The share, or null when no item falls in the week (nothing to show).</summary>
    public static double? UnlinkedShare(LinkingResult linking, IsoWeek week, TimeZoneInfo zone)
    {
        var (from, to) = week.Bounds(zone);
        int items = 0, unlinked = 0;
        foreach (var linked in linking.Items)
        {
            var item = linked.Item;
            var counts = item.Category switch
            {
                StateCategory.InProgress => item.Created < to,
                StateCategory.Done => item.Created < to && item.Resolved is { } resolved && resolved >= from,
                _ => false,
            };
            if (!counts)
            {
                continue;
            }

            items++;
            if (linked.Bucket == Bucket.Unlinked)
            {
                unlinked++;
            }
        }

        return items == 0 ? null : Math.Round((double)unlinked / items, 4, MidpointRounding.AwayFromZero);
    }
}
