namespace OkrLinker.Core.Store;

/// <summary>
/// A tracker's webhook delivery that a receiver accepted, kept for the replay window: its id is the key, so a replayed
/// delivery fails to insert on every node of a cluster alike, and the newest row per source is the "last delivery"
/// that <c>/readyz</c> and the <c>check</c> verb show. Rows older than the replay window are deleted.
/// </summary>
public sealed class WebhookDeliveryRow
{
    public string Source { get; set; } = "";

    /// <summary>GitHub's <c>X-GitHub-Delivery</c>, Jira's <c>X-Atlassian-Webhook-Identifier</c>, Azure DevOps' notification id.</summary>
    public string DeliveryId { get; set; } = "";

    /// <summary>The event as the tracker names it (<c>issues.labeled</c>, <c>jira:issue_updated</c>, <c>workitem.updated</c>).</summary>
    public string Event { get; set; } = "";

    public DateTimeOffset ReceivedAt { get; set; }
}
