using Microsoft.Extensions.Logging;
using OkrLinker.Core.Sources;
using OkrLinker.Core.Sync;
using Quartz;

namespace OkrLinker.Worker.Scheduling;

/// <summary>
/// Syncs one scope: one job per scope with two triggers, the source's schedule and the sweep (<c>full</c> in the
/// trigger's data). <c>[DisallowConcurrentExecution]</c> is per job, so a scope's sync and sweep never overlap, on one
/// node or across a cluster. A run cut off by its node's death is run again by another node
/// (<c>RequestRecovery</c>); a page and its cursor commit together, so it resumes after the last committed page.
/// The figures refresh is asked for after a sync that changed something, coalesced with the other scopes'.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class SyncScopeJob(
    SourceCatalog catalog,
    SyncEngine engine,
    SyncRunner runner,
    ShutdownSignal shutdown,
    NodeIdentity node,
    TimeProvider time,
    ILogger<SyncScopeJob> logger) : IJob
{
    public const string SourceKey = "source";
    public const string ScopeKey = "scope";
    public const string FieldStreamKey = "fieldStream";
    public const string FullKey = "full";

    public static JobKey KeyFor(string source, string scope) => new($"{source}:{scope}", "scopes");

    /// <summary>The trigger of the scope's schedule (<paramref name="full"/> false) or of its sweep.</summary>
    public static TriggerKey TriggerFor(string source, string scope, bool full) => new($"{(full ? "sweep" : "sync")}:{source}:{scope}", "scopes");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (shutdown.Stopping.IsCancellationRequested)
        {
            return;
        }

        using var scoped = logger.BeginScope(node.Scope);
        var data = context.MergedJobDataMap;
        var name = data.GetString(SourceKey)!;
        var scope = new SourceScope(name, data.GetString(ScopeKey)!) { FieldStream = data.GetBoolean(FieldStreamKey) };
        var full = data.ContainsKey(FullKey) && data.GetBoolean(FullKey) && !scope.FieldStream;
        using var hard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, shutdown.Hard);
        try
        {
            var source = catalog.Create(name).Single();
            LogStarting(name, scope.Id, full, node.Id, context.Recovering);
            var result = await engine.SyncScopeAsync(source, scope, full, null, hard.Token, shutdown.Stopping);

            await runner.RecordScopeAsync(name, result, CancellationToken.None);
            if (!shutdown.Stopping.IsCancellationRequested && (result.Inserted + result.Updated + result.Removed) > 0)
            {
                await RefreshJob.RequestAsync(context.Scheduler, time, hard.Token);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Syncing {Source}/{Scope} (full: {Full}) on node {Node}, recovering: {Recovering}")]
    private partial void LogStarting(string source, string scope, bool full, string node, bool recovering);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync of {Source}/{Scope} was cancelled by the stop; its committed pages stay")]
    private partial void LogCancelled(string source, string scope);

    [LoggerMessage(Level = LogLevel.Error, Message = "Source {Source} could not sync {Scope}: {Problem}")]
    private partial void LogSourceFailed(string source, string scope, string problem);
}
