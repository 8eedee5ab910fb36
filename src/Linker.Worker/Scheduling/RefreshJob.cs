using Microsoft.Extensions.Logging;
using OkrLinker.Core.Figures;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Reports;
using OkrLinker.Worker.Web.Dashboard;
using Quartz;

namespace OkrLinker.Worker.Scheduling;

/// <summary>
/// Links every item and refreshes this week's figures and stored report after syncs; never delivers. Asked for
/// through <see cref="RequestAsync"/>, which coalesces: every request in one <see cref="Window"/> names the same
/// trigger, so N scopes finishing on one tick cause one refresh, on whichever node takes the trigger.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class RefreshJob(
    OkrSetSource okrs,
    ReportBuilder builder,
    DashboardStore dashboard,
    ShutdownSignal shutdown,
    NodeIdentity node,
    ILogger<RefreshJob> logger) : IJob
{
    public static readonly JobKey Key = new("refresh", "report");

    /// <summary>How long requests are gathered into one refresh.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A refresh at the end of the current window. A request whose window already has its trigger adds nothing; one
    /// made while that refresh runs falls in the next window, so no change is left out of the figures.
    /// </summary>
    public static async Task RequestAsync(IScheduler scheduler, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = new DateTimeOffset((now.UtcTicks / Window.Ticks + 1) * Window.Ticks, TimeSpan.Zero);
        var trigger = TriggerBuilder.Create()
            .WithIdentity($"refresh@{due.ToUnixTimeSeconds()}", "report")
            .ForJob(Key)
            .StartAt(due)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        try
        {
            await scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another scope (or node) asked for this window's refresh first.
        }
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var scoped = logger.BeginScope(node.Scope);
        using var hard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, shutdown.Hard);
        try
        {
            var week = builder.ResolveWeek(null);
            var set = okrs.Load();
            // The build starts from a clean heap: without the parsed report the dashboard held of this week (stale once
            // rebuilt) and without what the sync before it left behind (a changed million-row file: ~0.4 GB).
            dashboard.Forget(week.ToString());
            await ReportMemory.ReleaseAsync();
            await RefreshAsync(set, week, hard.Token);
        }
        catch (Exception ex) when (ex is OkrLoadException or LinkingConfigException)
        {
            LogConfigBroken(ex.Message);
        }
        finally
        {
            // Here, not in RefreshAsync: that method's state keeps the report alive until it returns.
            await ReportMemory.ReleaseAsync();
        }
    }

    private async Task RefreshAsync(OkrSet set, IsoWeek week, CancellationToken cancellationToken)
    {
        var report = await builder.BuildAsync(set, week, cancellationToken);
        LogRefreshed(report.Week, report.Totals.Items, report.Totals.UnlinkedShare);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Figures of {Week} refreshed: {Items} items in scope, unlinked share {Share}")]
    private partial void LogRefreshed(string week, int items, double share);

    [LoggerMessage(Level = LogLevel.Error, Message = "Figures not refreshed: {Problem}")]
    private partial void LogConfigBroken(string problem);
}
