using System.Runtime.CompilerServices;
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
    public static double? UnlinkedShare(LinkingResult linking, IsoWeek week, TimeZoneInfo zone) =>
        UnlinkedShares(linking, [week], zone)[0];

    /// <summary>
    /// Each week's share (null when no item falls in it), in one pass over the items for all the weeks: a million
    /// items read once rather than once a week was most of the trend's time.
    /// </summary>
    public static double?[] UnlinkedShares(LinkingResult linking, IReadOnlyList<IsoWeek> weeks, TimeZoneInfo zone)
    {
        var tally = new Tally(weeks, zone);
        var view = LinkedItems.Of(linking.Items);
        for (var i = 0; i < view.Count; i++)
        {
            tally.Add(view.ItemAt(i), view.BucketAt(i));
        }

        return tally.Shares();
    }

    /// <summary>
    /// The weeks' counts, item by item: the figures add each item as they pass over them, so the trend of weeks without
    /// a snapshot needs no pass of its own.
    /// </summary>
    internal sealed class Tally
    {
        private readonly long[] from;
        private readonly long[] to;
        private readonly int[] items;
        private readonly int[] unlinked;

        public Tally(IReadOnlyList<IsoWeek> weeks, TimeZoneInfo zone)
        {
            // UTC ticks: comparing them is comparing the instants, as DateTimeOffset's own operators do.
            from = new long[weeks.Count];
            to = new long[weeks.Count];
            for (var w = 0; w < weeks.Count; w++)
            {
                var bounds = weeks[w].Bounds(zone);
                from[w] = bounds.From.UtcTicks;
                to[w] = bounds.To.UtcTicks;
            }

            items = new int[weeks.Count];
            unlinked = new int[weeks.Count];
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(WorkItem item, Bucket bucket)
        {
            long resolvedFrom;
            if (item.Category == StateCategory.InProgress)
            {
                resolvedFrom = long.MaxValue;
            }
            else if (item.Category == StateCategory.Done && item.Resolved is { } resolved)
            {
                resolvedFrom = resolved.UtcTicks;
            }
            else
            {
                return;
            }

            var created = item.Created.UtcTicks;
            var isUnlinked = bucket == Bucket.Unlinked ? 1 : 0;
            for (var w = 0; w < from.Length; w++)
            {
                // In progress: created before the week ends. Done: that, and resolved at or after the week's start.
                if (created < to[w] && resolvedFrom >= from[w])
                {
                    items[w]++;
                    unlinked[w] += isUnlinked;
                }
            }
        }

        /// <summary>Each week's share, null when no item falls in it.</summary>
        public double?[] Shares()
        {
            var shares = new double?[items.Length];
            for (var w = 0; w < shares.Length; w++)
            {
                shares[w] = items[w] == 0 ? null : Math.Round((double)unlinked[w] / items[w], 4, MidpointRounding.AwayFromZero);
            }

            return shares;
        }
    }
}
