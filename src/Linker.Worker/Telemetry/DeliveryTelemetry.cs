using System.Diagnostics;
using System.Diagnostics.Metrics;
using OkrLinker.Worker.Delivery;

namespace OkrLinker.Worker.Telemetry;

/// <summary>
/// Report delivery's instruments and spans: one "deliver report" span per <c>Report.Deliver</c> entry with its
/// week, entry and kind, and the entries delivered by kind and outcome.
/// </summary>
public sealed class DeliveryTelemetry
{
    public const string Name = "OkrLinker.Delivery";

    private static readonly ActivitySource Activities = new(Name);

    private readonly Counter<long> deliveries;
    private readonly Counter<long> attempts;

    public DeliveryTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(Name);
        deliveries = meter.CreateCounter<long>("okrlinker_report_deliveries", description: "Report.Deliver entries delivered or given up on, by kind and outcome.");
        attempts = meter.CreateCounter<long>("okrlinker_report_delivery_attempts", description: "Tries made to deliver the report, retries included, by kind.");
    }

    public static Activity? Start(string week, int index, string kind) =>
        Activities.StartActivity("deliver report")
            ?.SetTag("okrlinker.week", week)
            .SetTag("okrlinker.delivery.entry", index)
            .SetTag("okrlinker.delivery.kind", kind);

    public void Record(Activity? activity, DeliveryResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var kind = new KeyValuePair<string, object?>("kind", result.Kind);
        deliveries.Add(1, kind, new KeyValuePair<string, object?>("outcome", result.Succeeded ? "succeeded" : "failed"));
        attempts.Add(result.Attempts, kind);
        activity?.SetTag("okrlinker.delivery.attempts", result.Attempts);
        if (result.Error is not null)
        {
            activity?.SetStatus(ActivityStatusCode.Error, result.Error);
        }
    }
}
