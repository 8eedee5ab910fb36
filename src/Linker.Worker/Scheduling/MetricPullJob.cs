using Microsoft.Extensions.Logging;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Metrics;
using OkrLinker.Core.Okrs;
using Quartz;

namespace OkrLinker.Worker.Scheduling;

/// <summary>The daily pull of every KR's metric on <c>Metrics.Schedule</c> (UTC); the figures are refreshed after it.</summary>
[DisallowConcurrentExecution]
internal sealed partial class MetricPullJob(
    OkrSetSource okrs, MetricPuller puller, ShutdownSignal shutdown, NodeIdentity node, TimeProvider time, ILogger<MetricPullJob> logger) : IJob
{
    public static readonly JobKey Key = new("metric-pull", "metrics");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (shutdown.Stopping.IsCancellationRequested)
        {
            return;
        }

        using var scoped = logger.BeginScope(node.Scope);
        using var hard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, shutdown.Hard);
        try
        {
            var results = await puller.PullAsync(okrs.Load(), null, hard.Token);
            var failed = results.Count(r => !r.Succeeded);
            var samples = results.Sum(r => r.NewSamples);
            LogPulled(results.Count, samples, failed);
            if (!shutdown.Stopping.IsCancellationRequested)
            {
                await RefreshJob.RequestAsync(context.Scheduler, time, hard.Token);
            }
        }
        catch (OperationCanceledException) when (hard.IsCancellationRequested)
        {
            LogCancelled();
        }
        catch (Exception ex) when (ex is OkrLoadException or LinkingConfigException)
        {
            LogConfigBroken(ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Metrics pulled for {Krs} KRs: {Samples} new samples, {Failed} failed")]
    private partial void LogPulled(int krs, int samples, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metric pull was cancelled by the stop; the KRs pulled so far stay")]
    private partial void LogCancelled();

    [LoggerMessage(Level = LogLevel.Error, Message = "Metrics not pulled: {Problem}")]
    private partial void LogConfigBroken(string problem);
}
