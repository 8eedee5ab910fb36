using OkrLinker.Core.Configuration;
using OkrLinker.Core.Reports;

namespace OkrLinker.Worker.Delivery;

/// <summary>
/// Sends the weekly report one way (one implementation per <see cref="DeliveryOptions.Kind"/>). One call is
/// one attempt: retries belong to <see cref="ReportDeliveryRunner"/>.
/// </summary>
public interface IReportDelivery
{
    /// <summary><c>files</c>, <c>slack</c>, <c>teams</c> or <c>email</c>, as written in <c>Report:Deliver:n:Kind</c>.</summary>
    string Kind { get; }

    /// <exception cref="DeliveryException">The report did not get there; the message never holds a secret.</exception>
    Task DeliverAsync(WeeklyReport report, DeliveryOptions options, CancellationToken cancellationToken);
}
