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
    public static StateCategory? CategoryAt(WorkItem item, DateTimeOffset at)
    {
        if (item.Created > at)
        {
            return null;
        }

        if (ClosedAt(item) is not { } closed)
        {
            return item.Category;
        }

        return closed <= at ? item.Category : StateCategory.InProgress;
    }

    /// <summary>When a Done or Removed item closed; null for an open one.</summary>
    public static DateTimeOffset? ClosedAt(WorkItem item) =>
        item.Category is StateCategory.Done or StateCategory.Removed ? item.Resolved ?? item.Updated : null;

    /// <summary>
    /// The measure over the items that existed at <paramref name="at"/>, were not Removed then, and matched every rule
    /// as they stood then; null when median-cycle-days has no item closed in its window.
    /// </summary>
    public static double? Measure(IReadOnlyList<WorkItem> items, IReadOnlyList<LinkRule> where, TrackerMeasure measure, DateTimeOffset at)
    {
        var matching = new List<WorkItem>();
        foreach (var item in items)
        {
            if (CategoryAt(item, at) is not { } category || category == StateCategory.Removed)
            {
                continue;
            }

            var then = item.Category == category ? item : item with { Category = category };
            if (where.All(rule => rule.Matches(then)))
            {
                matching.Add(then);
            }
        }

        return measure switch
        {
            TrackerMeasure.Count => matching.Count,
            TrackerMeasure.Points => matching.Sum(i => i.StoryPoints ?? 0),
            _ => MedianCycleDays(matching, at),
        };
    }

    private static double? MedianCycleDays(List<WorkItem> items, DateTimeOffset at)
    {
        var windowStart = at.AddDays(-CycleWindowDays);
        var days = items
            .Where(i => i.Category == StateCategory.Done && ClosedAt(i) is { } closed && closed > windowStart)
            .Select(i => (ClosedAt(i)!.Value - i.Created).TotalDays)
            .Order()
            .ToList();
        if (days.Count == 0)
        {
            return null;
        }

        var middle = days.Count / 2;
        return days.Count % 2 == 1 ? days[middle] : (days[middle - 1] + days[middle]) / 2;
    }
}
