using OkrLinker.Core.Items;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Okrs;

namespace OkrLinker.Core.Metrics.Tracker;

/// <summary>
/// The synced items as they stood at one moment, measured (README, "The tracker provider"). The store keeps
/// no history of states, so an item's past is rebuilt from its timestamps: it exists from <c>Created</c>; it is
/// closed from <c>Resolved</c> (else <c>Updated</c>) when it is Done or Removed now; before that it was open —
/// in the category it has now when it is still open, else InProgress. Every other field reads as it is now.
/// </summary>
internal static class TrackerMoment
{
    /// <summary>median-cycle-days looks at the items closed in this many days up to the moment.</summary>
    public const int CycleWindowDays = 28;

    /// <summary>The item's category at <paramref name="at"/>, or null when it did not exist yet.</summary>
    public static StateCategory? CategoryAt(WorkItem item, DateTimeOffset at) => CategoryAt(item.Created, ClosedAt(item), item.Category, at);

    /// <summary>The category at <paramref name="at"/> of an item created, closed (null: open) and now in the category given.</summary>
    private static StateCategory? CategoryAt(DateTimeOffset created, DateTimeOffset? closed, StateCategory now, DateTimeOffset at)
    {
        if (created > at)
        {
            return null;
        }

        return closed is not { } closedAt || closedAt <= at ? now : StateCategory.InProgress;
    }

    /// <summary>When a Done or Removed item closed; null for an open one.</summary>
    public static DateTimeOffset? ClosedAt(WorkItem item) =>
        item.Category is StateCategory.Done or StateCategory.Removed ? item.Resolved ?? item.Updated : null;

    /// <summary>
    /// What <see cref="Measure"/> keeps of <paramref name="item"/> for the rules <paramref name="where"/>: a closed item
    /// was InProgress before it closed, so it is matched as it is now and as it was then.
    /// </summary>
    public static TrackedItem Track(WorkItem item, IReadOnlyList<LinkRule> where)
    {
        var closed = ClosedAt(item);
        var matchesNow = MatchesAll(where, item);
        var matchesWhileOpen = closed is null ? matchesNow : MatchesAll(where, item with { Category = StateCategory.InProgress });
        return new TrackedItem(item.Created, closed, item.Category, item.StoryPoints, matchesNow, matchesWhileOpen);
    }

    /// <summary>
    /// The measure over the items that existed at <paramref name="at"/>, were not Removed then, and matched every rule
    /// as they stood then; null when median-cycle-days has no item closed in its window.
    /// </summary>
    public static double? Measure(IReadOnlyList<TrackedItem> items, TrackerMeasure measure, DateTimeOffset at)
    {
        var count = 0;
        var points = 0.0;
        var windowStart = at.AddDays(-CycleWindowDays);
        List<double>? days = measure == TrackerMeasure.MedianCycleDays ? [] : null;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (CategoryAt(item.Created, item.ClosedAt, item.Category, at) is not { } category
                || category == StateCategory.Removed || !(category == item.Category ? item.MatchesNow : item.MatchesWhileOpen))
            {
                continue;
            }

            // In the items' order, as the sum was always taken, so the points come out the same to the last bit.
            count++;
            points += item.StoryPoints ?? 0;
            if (days is not null && category == StateCategory.Done && item.ClosedAt!.Value > windowStart)
            {
                days.Add((item.ClosedAt.Value - item.Created).TotalDays);
            }
        }

        return measure switch
        {
            TrackerMeasure.Count => count,
            TrackerMeasure.Points => points,
            _ => Median(days!),
        };
    }

    private static bool MatchesAll(IReadOnlyList<LinkRule> where, WorkItem item)
    {
        for (var r = 0; r < where.Count; r++)
        {
            if (!where[r].Matches(item))
            {
                return false;
            }
        }

        return true;
    }

    private static double? Median(List<double> days)
    {
        if (days.Count == 0)
        {
            return null;
        }

        days.Sort();
        var middle = days.Count / 2;
        return days.Count % 2 == 1 ? days[middle] : (days[middle - 1] + days[middle]) / 2;
    }
}
