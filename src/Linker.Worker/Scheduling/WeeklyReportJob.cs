using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Figures;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Store;
using OkrLinker.Worker.Delivery;
using OkrLinker.Worker.Web.Dashboard;
using Quartz;

namespace OkrLinker.Worker.Scheduling;

/// <summary>
/// The weekly report on <c>Report.Schedule</c>: built for the week that holds the day three days before
/// the fire time (so a Monday-morning run reports the week that just ended), written to the files,
/// delivered, and marked delivered in the store so a restart does not send it twice.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class WeeklyReportJob(
    OkrSetSource okrs,
    ReportBuilder builder,
    ReportWriter writer,
    ReportDeliveryRunner deliverer,
    DashboardStore dashboard,
    IDbContextFactory<LinkerDbContext> dbFactory,
    ConfigLocation location,
    IOptions<LinkerOptions> options,
    ShutdownSignal shutdown,
    NodeIdentity node,
    TimeProvider time,
    ILogger<WeeklyReportJob> logger) : IJob
{
    public static readonly JobKey Key = new("weekly-report", "report");

    /// <summary>Job data of a catch-up run: the missed slot (round-trip text), whose week it reports.</summary>
    public const string SlotKey = "slot";

    /// <summary>The week a report fired at <paramref name="fireTime"/> is about, unless <c>Report.Week</c> pins one.</summary>
    public static IsoWeek WeekFor(DateTimeOffset fireTime, TimeZoneInfo zone, string? pinned) =>
        pinned is not null ? IsoWeek.Parse(pinned) : IsoWeek.Containing(fireTime.AddDays(-3), zone);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var scoped = logger.BeginScope(node.Scope);
        using var hard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, shutdown.Hard);
        var report = options.Value.Report;
        var slot = context.MergedJobDataMap.GetString(SlotKey) is { } missed
            ? DateTimeOffset.Parse(missed, System.Globalization.CultureInfo.InvariantCulture)
            : context.ScheduledFireTimeUtc ?? time.GetUtcNow();
        var week = WeekFor(slot, builder.Zone, report.Week);
        try
        {
            var set = okrs.Load();
            // As the refresh does: the build starts from a clean heap, without the dashboard's parsed report of the week.
            dashboard.Forget(week.ToString());
            await ReportMemory.ReleaseAsync();
            await ReportAsync(set, week, report, hard.Token);
        }
        catch (Exception ex) when (ex is OkrLoadException or Core.Linking.LinkingConfigException)
        {
            LogConfigBroken(week.ToString(), ex.Message);
        }
        finally
        {
            // Here, not in ReportAsync: that method's state keeps the report alive until it returns.
            await ReportMemory.ReleaseAsync();
        }
    }

    private async Task ReportAsync(OkrSet set, IsoWeek week, ReportOptions report, CancellationToken cancellationToken)
    {
        var built = await builder.BuildAsync(set, week, cancellationToken);
        var files = await writer.WriteAsync(built, report.Formats, location.Resolve(report.Output), cancellationToken);
        var results = await deliverer.DeliverAsync(
            built, await DeliveredEntriesAsync(week, cancellationToken), (result, ct) => RecordDeliveryAsync(week, result, ct), cancellationToken);
        await MarkDeliveredAsync(week, cancellationToken);
        var delivered = results.Count(r => r.Succeeded);
        LogDelivered(built.Week, files.Count, delivered, results.Count);
    }

    private async Task<IReadOnlySet<int>> DeliveredEntriesAsync(IsoWeek week, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = week.ToString();
        return (await db.DeliveryRecords.AsNoTracking().Where(r => r.Week == key).Select(r => r.Entry).ToListAsync(cancellationToken)).ToHashSet();
    }

    // Written as soon as an entry succeeded, so a node that dies before the next leaves this one on record:
    // the node that recovers the job sends the rest only. A crash between the send and this write sends that
    // one entry again (README, "Running several workers").
    private async Task RecordDeliveryAsync(IsoWeek week, Delivery.DeliveryResult result, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.DeliveryRecords.Add(new DeliveryRecordRow
        {
            Week = week.ToString(),
            Entry = result.Index,
            Kind = result.Kind,
            DeliveredAt = time.GetUtcNow(),
            Node = node.Id,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task MarkDeliveredAsync(IsoWeek week, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = week.ToString();
        // Only the one column: loading the row would read its whole stored report.
        var at = time.GetUtcNow();
        var marked = await db.WeeklySnapshots.Where(s => s.Week == key)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.DeliveredAt, at), cancellationToken);
        if (marked != 1)
        {
            throw new InvalidOperationException($"No snapshot of {key} to mark delivered.");
        }
    }

    // Failed entries were retried and logged by the runner; the week still counts as sent, so a
    // restart does not send the ones that worked a second time.
    [LoggerMessage(Level = LogLevel.Information, Message = "Weekly report {Week} written ({Files} files); {Delivered} of {Entries} deliveries succeeded")]
    private partial void LogDelivered(string week, int files, int delivered, int entries);

    [LoggerMessage(Level = LogLevel.Error, Message = "Weekly report {Week} not made: {Problem}")]
    private partial void LogConfigBroken(string week, string problem);
}
