using System.Diagnostics.Metrics;

namespace OkrLinker.Worker.Telemetry;

/// <summary>
/// The webhook receivers' counter: deliveries by source, event and outcome. The event is the tracker's event name
/// (<c>issues</c>, <c>jira:issue_updated</c>, <c>workitem.updated</c>) once the delivery is verified, <c>unknown</c>
/// before, so an unsigned request cannot add label values.
/// </summary>
public sealed class WebhookTelemetry
{
    public const string Name = "OkrLinker.Webhooks";

    /// <summary>The event label of a delivery not (yet) verified.</summary>
    public const string UnknownEvent = "unknown";

    private readonly Counter<long> deliveries;

    public WebhookTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        deliveries = meters.Create(Name).CreateCounter<long>(
            "okrlinker_webhook_deliveries", description: "Webhook deliveries received, by source, event and outcome.");
    }

    public void Count(string source, string eventName, string outcome) =>
        deliveries.Add(
            1,
            new KeyValuePair<string, object?>("source", source),
            new KeyValuePair<string, object?>("event", eventName),
            new KeyValuePair<string, object?>("outcome", outcome));
}
