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
/// Puts the jobs on the scheduler at start: one job per source scope with two triggers, the source's cron and the
/// sweep on <c>Worker.SweepSchedule</c>; the figures refresh, the metric pull on <c>Metrics.Schedule</c>, and the
/// weekly report on <c>Report.Schedule</c> in <c>Report.TimeZone</c>. A job is only added when the schedule lacks it,
/// so on a cluster the first node to start adds it and the others find it there (a trigger whose schedule the config
/// changed is rescheduled). Missed fire times are not replayed one by one: the node that adds a job runs it once now
/// when the store shows it overdue; a clustered schedule that already held the job lets Quartz's misfire handling
/// run a missed slot once, on one node. So three nodes starting together catch up once, not three times.
/// </summary>
internal sealed partial class ScheduleSetup(
    ISchedulerFactory schedulers,
    SourceCatalog catalog,
    IDbContextFactory<LinkerDbContext> dbFactory,
    IOptions<LinkerOptions> options,
    IOptions<WorkerOptions> worker,
    ShutdownSignal shutdown,
    NodeIdentity node,
    TimeProvider time,
    ILogger<ScheduleSetup> logger) : IHostedService
{
    private static readonly TimeSpan DiscoveryRetry = TimeSpan.FromMinutes(1);
    private Task? discovery;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var now = time.GetUtcNow();

        LogNode(node.Id, node.Clustered ? "clustered on PostgreSQL" : "alone, in-memory schedule");
        await EnsureDurableAsync(scheduler, JobBuilder.Create<RefreshJob>().WithIdentity(RefreshJob.Key).StoreDurably().Build(), cancellationToken);

        var report = options.Value.Report;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(report.TimeZone);
        var added = await EnsureAsync(
            scheduler,
            JobBuilder.Create<WeeklyReportJob>().WithIdentity(WeeklyReportJob.Key).RequestRecovery().Build(),
            [TriggerBuilder.Create().WithIdentity("weekly-report", "report")
                .WithCronSchedule(report.Schedule, c => ClusterSchedule.Misfires(c.InTimeZone(zone), node.Clustered)).Build()],
            cancellationToken);
        if (added && await WeeklyReportMissedAsync(CronTimes.Parse(report.Schedule, zone), zone, now, cancellationToken) is { } missed)
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
            var key = SyncScopeJob.KeyFor(source.Name, scope.Id);
            var added = await EnsureAsync(
                scheduler,
                ScopeJob(key, source.Name, scope),
                [ScopeTrigger(key, SyncScopeJob.TriggerFor(source.Name, scope.Id, full: false), source.Schedule, full: false),
                 ScopeTrigger(key, SyncScopeJob.TriggerFor(source.Name, scope.Id, full: true), worker.Value.SweepSchedule, full: true)],
                cancellationToken);
            if (!added)
            {
                continue;
            }

            // Never synced, or its last success is older than the slot that should have run: once, now.
            var row = stored.GetValueOrDefault(scope.Id);
            if (row?.LastSuccessAt is not { } last || (previous is { } slot && last < slot))
            {
                LogScopeCatchUp(source.Name, scope.Id);
                await scheduler.TriggerJob(key, new JobDataMap { [SyncScopeJob.FullKey] = false }, cancellationToken);
            }

            // A sweep slot passed while the worker was down (a new scope's first read is whole anyway).
            if (!scope.FieldStream && row?.LastSuccessAt is not null && previousSweep is { } sweepSlot
                && (row.LastFullSyncAt is null || row.LastFullSyncAt < sweepSlot))
            {
                LogScopeCatchUp(source.Name, scope.Id + " (sweep)");
                await scheduler.TriggerJob(key, new JobDataMap { [SyncScopeJob.FullKey] = true }, cancellationToken);
            }
        }
    }

    // Daily in UTC; a slot missed while the worker was down runs once at start, judged from the
    // store's last pull. A store with no pull at all pulls now, so a fresh worker shows KR values.
    private async Task ScheduleMetricPullAsync(IScheduler scheduler, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var schedule = options.Value.Metrics.Schedule;
        var added = await EnsureAsync(
            scheduler,
            JobBuilder.Create<MetricPullJob>().WithIdentity(MetricPullJob.Key).RequestRecovery().Build(),
            [TriggerBuilder.Create().WithIdentity("metric-pull", "metrics")
                .WithCronSchedule(schedule, c => ClusterSchedule.Misfires(c.InTimeZone(TimeZoneInfo.Utc), node.Clustered)).Build()],
            cancellationToken);
        if (!added)
        {
            return;
        }

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

    private static IJobDetail ScopeJob(JobKey key, string source, SourceScope scope) =>
        JobBuilder.Create<SyncScopeJob>().WithIdentity(key)
            .UsingJobData(SyncScopeJob.SourceKey, source)
            .UsingJobData(SyncScopeJob.ScopeKey, scope.Id)
            .UsingJobData(SyncScopeJob.FieldStreamKey, scope.FieldStream)
            .RequestRecovery()
            .Build();

    private ITrigger ScopeTrigger(JobKey job, TriggerKey key, string cron, bool full) =>
        TriggerBuilder.Create().WithIdentity(key).ForJob(job)
            .UsingJobData(SyncScopeJob.FullKey, full)
            .WithCronSchedule(cron, c => ClusterSchedule.Misfires(c.InTimeZone(TimeZoneInfo.Utc), node.Clustered))
            .Build();

    /// <summary>
    /// Adds <paramref name="job"/> with its triggers when the schedule lacks it and says so; when it is there (added by
    /// another node, or before a restart) leaves it, rescheduling only a trigger whose cron the config changed, so a
    /// node's start never moves a trigger another node is about to fire.
    /// </summary>
    private async Task<bool> EnsureAsync(IScheduler scheduler, IJobDetail job, IReadOnlyCollection<ITrigger> triggers, CancellationToken cancellationToken)
    {
        if (!await scheduler.Exists(job.Key, cancellationToken))
        {
            try
            {
                await scheduler.ScheduleJob(job, triggers, new ScheduleJobOptions(), cancellationToken);
                return true;
            }
            catch (ObjectAlreadyExistsException)
            {
                // Another node added it a moment ago.
            }
        }

        foreach (var trigger in triggers.OfType<ICronTrigger>())
        {
            var stored = await scheduler.GetTrigger(trigger.Key, cancellationToken) as ICronTrigger;
            if (stored is null || stored.CronExpressionString != trigger.CronExpressionString || stored.TimeZone.Id != trigger.TimeZone.Id)
            {
                LogRescheduled(trigger.Key.Name, trigger.CronExpressionString ?? "");
                await scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, cancellationToken);
            }
        }

        return false;
    }

    private static async Task EnsureDurableAsync(IScheduler scheduler, IJobDetail job, CancellationToken cancellationToken)
    {
        try
        {
            await scheduler.AddJob(job, new AddJobOptions(), cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            // There from another node or an earlier start.
        }
    }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {Node} starting, {How}")]
    private partial void LogNode(string node, string how);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trigger {Trigger} rescheduled on {Cron}: the config changed it")]
    private partial void LogRescheduled(string trigger, string cron);

    [LoggerMessage(Level = LogLevel.Information, Message = "Catching up the {What} missed at {Slot:u}, once")]
    private partial void LogCatchUp(string what, DateTimeOffset slot);

    [LoggerMessage(Level = LogLevel.Information, Message = "Syncing {Source}/{Scope} now: it never synced, or missed its last slot")]
    private partial void LogScopeCatchUp(string source, string scope);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not list the scopes of {Source} ({Problem}); trying again in {Seconds} s")]
    private partial void LogDiscoveryFailed(string source, string problem, double seconds);
}
