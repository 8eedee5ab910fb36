using OkrLinker.Core.Reports;

namespace OkrLinker.Worker.Scheduling;

/// <summary>Sends a finished report to every <c>Report.Deliver</c> entry; failures are logged per entry, never thrown.</summary>
internal interface IReportDeliverer
{
    Task DeliverAsync(WeeklyReport report, CancellationToken cancellationToken);
}
