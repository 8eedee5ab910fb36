using Microsoft.Extensions.Logging;
using OkrLinker.Core.Sources;
using OkrLinker.Core.Sync;
using Quartz;

namespace OkrLinker.Worker.Scheduling;

/// <summary>
/// Syncs one scope on its source's schedule (<c>full</c> in the job data: the sweep). One JobDetail per
/// scope and <c>[DisallowConcurrentExecution]</c> keep two runs of a scope apart; <see cref="ScopeGate"/>
/// keeps the sweep apart from it too. Linking and the figures run after each sync.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class SyncScopeJob(
    SourceCatalog catalog,
    SyncEngine engine,
    SyncRunner runner,
    ScopeGate gate,
    ShutdownSignal shutdown,
    ILogger<SyncScopeJob> logger) : IJob
{
    public const string SourceKey = "source";
    public const string ScopeKey = "scope";
    public const string FieldStreamKey = "fieldStream";
    public const string FullKey = "full";

    public static JobKey KeyFor(string source, string scope, bool full) => new($"{(full ? "sweep" : "sync")}:{source}:{scope}", "scopes");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (shutdown.Stopping.IsCancellationRequested)
        {
            return;
        }

        var data = context.MergedJobDataMap;
        var name = data.GetString(SourceKey)!;
        var scope = new SourceScope(name, data.GetString(ScopeKey)!) { FieldStream = data.GetBoolean(FieldStreamKey) };
        var full = data.ContainsKey(FullKey) && data.GetBoolean(FullKey) && !scope.FieldStream;
        using var hard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, shutdown.Hard);
        try
        {
            var source = catalog.Create(name).Single();
            ScopeSyncResult result;
            using (await gate.EnterAsync(name, scope.Id, hard.Token))
            {
                result = await engine.SyncScopeAsync(source, scope, full, null, hard.Token, shutdown.Stopping);
            }

            await runner.RecordScopeAsync(name, result, CancellationToken.None);
            if (!shutdown.Stopping.IsCancellationRequested && (result.Inserted + result.Updated + result.Removed) > 0)
            {
                await context.Scheduler.TriggerJob(RefreshJob.Key, hard.Token);
            }
        }
        catch (OperationCanceledException) when (hard.IsCancellationRequested)
        {
            LogCancelled(name, scope.Id);
        }
        catch (SourceException ex)
        {
            // Raised before the engine ran (a token variable gone, say): /readyz must still show it.
            LogSourceFailed(name, scope.Id, ex.Message);
            await runner.RecordScopeAsync(name, new ScopeSyncResult(name, scope.Id, 0, 0, 0, 0, 0, 0, TimeSpan.Zero, ex.Message), CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync of {Source}/{Scope} was cancelled by the stop; its committed pages stay")]
    private partial void LogCancelled(string source, string scope);

    [LoggerMessage(Level = LogLevel.Error, Message = "Source {Source} could not sync {Scope}: {Problem}")]
    private partial void LogSourceFailed(string source, string scope, string problem);
}
