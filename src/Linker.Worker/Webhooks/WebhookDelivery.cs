namespace OkrLinker.Worker.Webhooks;

/// <summary>
/// What a verified delivery says, as far as OkrLinker acts on it: which delivery (for the replay check), which event,
/// where it happened, and which items it names as deleted. Never an item's state: the sync reads that from the tracker.
/// </summary>
/// <param name="Id">The tracker's delivery id; null when the delivery carries none (then it cannot be told from a replay).</param>
/// <param name="Event">The event as the tracker names it, e.g. <c>issues.labeled</c>, <c>jira:issue_updated</c>.</param>
/// <param name="Where">The scope the change belongs to, as far as the payload tells.</param>
/// <param name="Deleted">External ids of items the event says are deleted.</param>
internal sealed record WebhookDelivery(string? Id, string Event, DeliveryPlace Where, IReadOnlyList<string> Deleted)
{
    /// <summary>Nothing to do (a ping, an event the receiver does not act on): answered 200 and counted.</summary>
    public bool Ignored { get; init; }
}
