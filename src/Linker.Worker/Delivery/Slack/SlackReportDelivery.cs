using OkrLinker.Core.Configuration;
using OkrLinker.Core.Reports;
using OkrLinker.Worker.Delivery.Webhooks;

namespace OkrLinker.Worker.Delivery.Slack;

/// <summary>Posts the report to a Slack incoming webhook (which answers 200 "ok").</summary>
internal sealed class SlackReportDelivery(WebhookPoster poster) : IReportDelivery
{
    public string Kind => DeliveryKinds.Slack;

    public Task DeliverAsync(WeeklyReport report, DeliveryOptions options, CancellationToken cancellationToken) =>
        poster.PostAsync(report, Kind, options, SlackMessage.Build(report, ReportDigest.WebAddress(options.Link)), cancellationToken);
}
