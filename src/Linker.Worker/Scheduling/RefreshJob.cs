using Microsoft.Extensions.Logging;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Reports;
using Quartz;

namespace OkrLinker.Worker.Scheduling;

/// <summary>Links every item and refreshes this week's figures and stored report after syncs; never delivers.</summary>
[DisallowConcurrentExecution]
internal sealed partial class RefreshJob(OkrSetSource okrs, ReportBuilder builder, ShutdownSignal shutdown, ILogger<RefreshJob> logger) : IJob
{
    public static readonly JobKey Key = new("refresh", "report");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var hard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, shutdown.Hard);
        try
        {
            var report = await builder.BuildAsync(okrs.Load(), builder.ResolveWeek(null), hard.Token);
            LogRefreshed(report.Week, report.Totals.Items, report.Totals.UnlinkedShare);
        }
        catch (Exception ex) when (ex is OkrLoadException or LinkingConfigException)
        {
            LogConfigBroken(ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Figures of {Week} refreshed: {Items} items in scope, unlinked share {Share}")]
    private partial void LogRefreshed(string week, int items, double share);

    [LoggerMessage(Level = LogLevel.Error, Message = "Figures not refreshed: {Problem}")]
    private partial void LogConfigBroken(string problem);
}
