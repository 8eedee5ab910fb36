using OkrLinker.Core.Configuration;
using OkrLinker.Core.Reports;
using OkrLinker.Worker.Delivery.Webhooks;

namespace OkrLinker.Worker.Delivery.Teams;

/// <summary>Posts the report to a Teams incoming webhook or Workflows webhook (which answers 200 or 202).</summary>
internal sealed class TeamsReportDelivery(WebhookPoster poster) : IReportDelivery
{
    public string Kind => DeliveryKinds.Teams;

    public Task DeliverAsync(WeeklyReport report, DeliveryOptions options, CancellationToken cancellationToken) =>
        poster.PostAsync(report, Kind, options, TeamsCard.Build(report, ReportDigest.WebAddress(options.Link)), cancellationToken);
}
