using OkrLinker.Core.Items;

namespace OkrLinker.Connectors.Parsing;

/// <summary>
/// The rules every parser applies to an item's timestamps, so the figures see the same thing from
/// every tracker: Created falls back to Updated (then the Unix epoch) because WorkItem requires it;
/// Resolved is kept only for Done items and falls back to the last update, since a Done item without
/// a resolved time would never count in any week.
/// </summary>
internal static class ItemTimes
{
    public static (DateTimeOffset Created, DateTimeOffset Updated, DateTimeOffset? Resolved) Settle(
        DateTimeOffset? created, DateTimeOffset? updated, DateTimeOffset? resolved, StateCategory category)
    {
        var settledCreated = created ?? updated ?? DateTimeOffset.UnixEpoch;
        var settledUpdated = updated ?? settledCreated;
        var settledResolved = category == StateCategory.Done ? resolved ?? settledUpdated : (DateTimeOffset?)null;
        return (settledCreated, settledUpdated, settledResolved);
    }
}
