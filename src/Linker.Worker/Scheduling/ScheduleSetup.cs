using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Sources;
using OkrLinker.Core.Store;
using Quartz;

namespace OkrLinker.Worker.Scheduling;

/// <summary>
/// Puts the jobs on the scheduler at start: one sync job per source scope on the source's cron, one
/// sweep per source scope on <c>Worker.SweepSchedule</c>, the figures refresh, the metric pull on
/// <c>Metrics.Schedule</c>, and the weekly report on
/// <c>Report.Schedule</c> in <c>Report.TimeZone</c>. Missed fire times are not replayed one by one:
/// Quartz is told to skip them, and this class runs each overdue job once, judged from the store.
/// </summary>
internal sealed partial class ScheduleSetup(
    ISchedulerFactory schedulers,
    SourceCatalog catalog,
    IDbContextFactory<LinkerDbContext> dbFactory,
    IOptions<LinkerOptions> options,
    IOptions<WorkerOptions> worker,
    ShutdownSignal shutdown,
    TimeProvider time,
    ILogger<ScheduleSetup> logger) : IHostedService
{
    private static readonly TimeSpan DiscoveryRetry = TimeSpan.FromMinutes(1);
    private Task? discovery;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var now = time.GetUtcNow();

        await scheduler.AddJob(JobBuilder.Create<RefreshJob>().WithIdentity(RefreshJob.Key).StoreDurably().Build(), AddJobOptions.Replacing, cancellationToken);

        var report = options.Value.Report;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(report.TimeZone);
        await scheduler.ScheduleJob(
            JobBuilder.Create<WeeklyReportJob>().WithIdentity(WeeklyReportJob.Key).Build(),
            TriggerBuilder.Create().WithIdentity("weekly-report", "report")
                .WithCronSchedule(report.Schedule, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)).Build(),
            ScheduleJobOptions.Replacing,
            cancellationToken);
        if (await WeeklyReportMissedAsync(CronTimes.Parse(report.Schedule, zone), zone, now, cancellationToken) is { } missed)
        {
            LogCatchUp("weekly report", missed);
            var data = new JobDataMap { [WeeklyReportJob.SlotKey] = missed.ToString("O", System.Globalization.CultureInfo.InvariantCulture) };
            await scheduler.TriggerJob(WeeklyReportJob.Key, data, cancellationToken);
        }

        await ScheduleMetricPullAsync(scheduler, now, cancellationToken);

        // Scope discovery may call the trackers; it must not hold up the start or the web endpoints.
        discovery = Task.Run(() => DiscoverAllAsync(scheduler, shutdown.Stopping), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (discovery is not null)
        {
            await discovery.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task DiscoverAllAsync(IScheduler scheduler, CancellationToken stopping)
    {
        var pending = options.Value.Sources.Select(s => s.Name).ToList();
        while (pending.Count > 0 && !stopping.IsCancellationRequested)
        {
            foreach (var name in pending.ToList())
            {
                try
                {
                    var source = catalog.Create(name).Single();
                    var scopes = await source.GetScopesAsync(stopping);
                    await ScheduleScopesAsync(scheduler, options.Value.Sources.Single(s => s.Name == name), scopes, stopping);
                    pending.Remove(name);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogDiscoveryFailed(name, ex.Message, DiscoveryRetry.TotalSeconds);
                }
            }

            if (pending.Count > 0)
            {
                await Task.Delay(DiscoveryRetry, time, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task ScheduleScopesAsync(IScheduler scheduler, SourceOptions source, IReadOnlyList<SourceScope> scopes, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cron = CronTimes.Parse(source.Schedule, TimeZoneInfo.Utc);
        var previous = CronTimes.Previous(cron, now, CronTimes.Interval(cron, now) * 3);
        var sweepCron = CronTimes.Parse(worker.Value.SweepSchedule, TimeZoneInfo.Utc);
        var previousSweep = CronTimes.Previous(sweepCron, now, CronTimes.Interval(sweepCron, now) * 3);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Scopes.AsNoTracking().Where(s => s.Source == source.Name)
            .ToDictionaryAsync(s => s.ScopeId, cancellationToken);

        foreach (var scope in scopes)
        {
            var sync = SyncScopeJob.KeyFor(source.Name, scope.Id, full: false);
            await scheduler.ScheduleJob(
                ScopeJob(sync, source.Name, scope, full: false),
                TriggerBuilder.Create().WithIdentity(sync.Name, "scopes")
                    .WithCronSchedule(source.Schedule, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)).Build(),
                ScheduleJobOptions.Replacing,
                cancellationToken);

            var sweep = SyncScopeJob.KeyFor(source.Name, scope.Id, full: true);
            await scheduler.ScheduleJob(
                ScopeJob(sweep, source.Name, scope, full: true),
                TriggerBuilder.Create().WithIdentity(sweep.Name, "scopes")
                    .WithCronSchedule(worker.Value.SweepSchedule, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)).Build(),
                ScheduleJobOptions.Replacing,
                cancellationToken);

            // Never synced, or its last success is older than the slot that should have run: once, now.
            var row = stored.GetValueOrDefault(scope.Id);
            if (row?.LastSuccessAt is not { } last || (previous is { } slot && last < slot))
            {
                LogScopeCatchUp(source.Name, scope.Id);
                await scheduler.TriggerJob(sync, cancellationToken);
            }

            // A sweep slot passed while the worker was down (a new scope's first read is whole anyway).
            if (!scope.FieldStream && row?.LastSuccessAt is not null && previousSweep is { } sweepSlot
                && (row.LastFullSyncAt is null || row.LastFullSyncAt < sweepSlot))
            {
                LogScopeCatchUp(source.Name, scope.Id + " (sweep)");
                await scheduler.TriggerJob(sweep, cancellationToken);
            }
        }
    }

    // Daily in UTC; a slot missed while the worker was down runs once at start, judged from the
    // store's last pull. A store with no pull at all pulls now, so a fresh worker shows KR values.
    private async Task ScheduleMetricPullAsync(IScheduler scheduler, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var schedule = options.Value.Metrics.Schedule;
        await scheduler.ScheduleJob(
            JobBuilder.Create<MetricPullJob>().WithIdentity(MetricPullJob.Key).Build(),
            TriggerBuilder.Create().WithIdentity("metric-pull", "metrics")
                .WithCronSchedule(schedule, c => c.InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)).Build(),
            ScheduleJobOptions.Replacing,
            cancellationToken);

        var cron = CronTimes.Parse(schedule, TimeZoneInfo.Utc);
        var slot = CronTimes.Previous(cron, now, CronTimes.Interval(cron, now) * 3);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pulls = await db.MetricPulls.AsNoTracking().Select(p => p.LastPullAt).ToListAsync(cancellationToken);
        var last = pulls.Count > 0 ? pulls.Max() : (DateTimeOffset?)null;
        if (last is null || (slot is { } missed && last < missed))
        {
            LogCatchUp("metric pull", slot ?? now);
            await scheduler.TriggerJob(MetricPullJob.Key, cancellationToken);
        }
    }

    private static IJobDetail ScopeJob(JobKey key, string source, SourceScope scope, bool full) =>
        JobBuilder.Create<SyncScopeJob>().WithIdentity(key)
            .UsingJobData(SyncScopeJob.SourceKey, source)
            .UsingJobData(SyncScopeJob.ScopeKey, scope.Id)
            .UsingJobData(SyncScopeJob.FieldStreamKey, scope.FieldStream)
            .UsingJobData(SyncScopeJob.FullKey, full)
            .Build();

    /// <summary>
    /// The last report slot, when the store shows the worker was running before it and that week's
    /// report never went out; null otherwise (a first start has missed nothing).
    /// </summary>
    private async Task<DateTimeOffset?> WeeklyReportMissedAsync(CronExpression cron, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (CronTimes.Previous(cron, now, TimeSpan.FromDays(8)) is not { } slot)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ranBefore = await db.Sources.AnyAsync(s => s.FirstRunAt < slot, cancellationToken);
        var week = WeeklyReportJob.WeekFor(slot, zone, options.Value.Report.Week).ToString();
        var delivered = await db.WeeklySnapshots.AnyAsync(s => s.Week == week && s.DeliveredAt != null, cancellationToken);
        return ranBefore && !delivered ? slot : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catching up the {What} missed at {Slot:u}, once")]
    private partial void LogCatchUp(string what, DateTimeOffset slot);

    [LoggerMessage(Level = LogLevel.Information, Message = "Syncing {Source}/{Scope} now: it never synced, or missed its last slot")]
    private partial void LogScopeCatchUp(string source, string scope);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not list the scopes of {Source} ({Problem}); trying again in {Seconds} s")]
    private partial void LogDiscoveryFailed(string source, string problem, double seconds);
}
