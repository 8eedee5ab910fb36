using System.Diagnostics.Metrics;
using OkrLinker.Core.Sync;
using Quartz;

namespace OkrLinker.Worker.Telemetry;

/// <summary>
/// The scheduler's instruments, fed by a Quartz job listener so the jobs themselves stay as they are: runs by job
/// and outcome, and each run's duration.
/// </summary>
public sealed class JobRunTelemetry : IJobListener
{
    public const string Name = "OkrLinker.Scheduler";

    private readonly Counter<long> runs;
    private readonly Histogram<double> duration;

    public JobRunTelemetry(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(Name);
        runs = meter.CreateCounter<long>("okrlinker_job_runs", description: "Scheduled job runs (syncs, sweeps, metric pulls, the weekly report) by job class and outcome.");
        duration = meter.CreateHistogram(
            "okrlinker_job_duration_seconds",
            unit: null,
            description: "Duration of each scheduled job run in seconds, by job class.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SyncMetrics.DurationBuckets });
    }

    string IJobListener.Name => Name;

    ValueTask IJobListener.JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IJobListener.JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The job's class (SyncScopeJob, RefreshJob, MetricPullJob, WeeklyReportJob), not its key: keys carry
        // source and scope ids, which would make a series per scope.
        var job = new KeyValuePair<string, object?>("job", context.JobInstance.GetType().Name);
        runs.Add(1, job, new KeyValuePair<string, object?>("outcome", jobException is null ? "succeeded" : "failed"));
        duration.Record(context.JobRunTime.TotalSeconds, job);
        return ValueTask.CompletedTask;
    }
}
