using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Sources;
using OkrLinker.Core.Store;
using OkrLinker.Core.WriteBack;
using OkrLinker.Worker.Scheduling;
using Quartz;

namespace OkrLinker.Worker.WriteBack;

/// <summary>
/// Write-back on approval (issue 16): tags an item in its tracker with the source's write token, records the write
/// whatever came of it, and after a success triggers the item's scope sync job (one node of a cluster runs it; its
/// refresh then moves the figures). A refused write changes nothing in the store but its record.
/// </summary>
internal sealed partial class WriteBackService(
    IOptions<LinkerOptions> options,
    IEnumerable<TagWriterKind> kinds,
    SecretReader secrets,
    OkrSetSource okrs,
    IDbContextFactory<LinkerDbContext> dbFactory,
    IServiceProvider services,
    TimeProvider time,
    ILogger<WriteBackService> logger)
{
    /// <summary>Whether <paramref name="sourceName"/> can be written to, and why not.</summary>
    public WriteBackState StateOf(string sourceName)
    {
        var index = options.Value.Sources.FindIndex(s => string.Equals(s.Name, sourceName, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return new(false, $"Write-back is off: no source is named '{sourceName}' in the config.");
        }

        var source = options.Value.Sources[index];
        if (Kind(source) is null)
        {
            return new(false, $"Write-back is off for '{source.Name}': sources of kind '{source.Kind}' cannot be written to (GitHub, Jira and Azure DevOps can).");
        }

        try
        {
            return Token(source, index) is null
                ? new(false, $"Write-back is off for '{source.Name}': set Sources:{index}:Auth:WriteTokenEnv (or WriteTokenFile) to a token with write scope.")
                : new(true, $"Write-back is on for '{source.Name}' (token from {SecretReader.Describe(source.Auth.WriteTokenEnv, source.Auth.WriteTokenFile)}).");
        }
        catch (SecretException ex)
        {
            return new(false, $"Write-back is off for '{source.Name}': {ex.Message}.");
        }
    }

    /// <summary>Tags the item <paramref name="key"/> of <paramref name="sourceName"/> with <paramref name="kr"/>'s tag and records it.</summary>
    /// <returns>The record; null when the item or the KR is unknown (nothing was sent).</returns>
    public async Task<WriteRecordRow?> ApproveAsync(string sourceName, string key, string kr, string approvedBy, CancellationToken cancellationToken)
    {
        var index = options.Value.Sources.FindIndex(s => string.Equals(s.Name, sourceName, StringComparison.OrdinalIgnoreCase));
        var known = okrs.Load().FindKeyResult(kr.Trim());
        WorkItemRow? item;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            item = await db.WorkItems.AsNoTracking().FirstOrDefaultAsync(w => w.Source == sourceName && w.Key == key, cancellationToken);
        }

        if (index < 0 || item is null || known is null)
        {
            return null;
        }

        var source = options.Value.Sources[index];
        var tag = KrTag.For(options.Value.WriteBack, known.Id);
        var record = new WriteRecordRow
        {
            Source = item.Source, ExternalId = item.ExternalId, Key = item.Key, KrId = known.Id, Tag = tag,
            ApprovedBy = approvedBy, ApprovedAt = time.GetUtcNow(),
        };
        var state = StateOf(source.Name);
        if (!state.On || Kind(source) is not { } kind || Token(source, index) is not { } token)
        {
            record.Answer = state.Why + " Nothing was sent.";
        }
        else
        {
            using var writer = kind.Create(services, source, token);
            var result = await writer.AddTagAsync(new TagTarget(item.Source, item.ExternalId, item.Key), tag, cancellationToken);
            record.Succeeded = result.Succeeded;
            record.Status = result.Status;
            record.Sent = result.Sent;
            record.Answer = result.Answer;
            if (result.Succeeded)
            {
                record.SyncTriggered = await TriggerSyncAsync(item.Source, item.ScopeId, cancellationToken);
            }
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.WriteRecords.Add(record);
            await db.SaveChangesAsync(cancellationToken);
        }

        LogWrite(record.Source, record.Key, record.Tag, record.ApprovedBy, record.Succeeded, record.Status);
        return record;
    }

    /// <summary>Every write recorded for the item, newest first.</summary>
    public async Task<IReadOnlyList<WriteRecordRow>> HistoryAsync(string sourceName, string externalId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.WriteRecords.AsNoTracking()
            .Where(r => r.Source == sourceName && r.ExternalId == externalId)
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.ApprovedAt).ThenByDescending(r => r.Id)];
    }

    private TagWriterKind? Kind(SourceOptions source) =>
        kinds.FirstOrDefault(k => string.Equals(k.Kind, source.Kind, StringComparison.OrdinalIgnoreCase));

    private string? Token(SourceOptions source, int index) =>
        secrets.Read($"Sources:{index}:Auth:WriteTokenEnv", source.Auth.WriteTokenEnv, $"Sources:{index}:Auth:WriteTokenFile", source.Auth.WriteTokenFile)?.Value;

    // The scope's own job, so the sync runs on exactly one node and never beside another run of the same scope.
    private async Task<bool> TriggerSyncAsync(string source, string scope, CancellationToken cancellationToken)
    {
        if (services.GetService<ISchedulerFactory>() is not { } factory)
        {
            LogNoScheduler(source, scope);
            return false;
        }

        var scheduler = await factory.GetScheduler(cancellationToken);
        var job = SyncScopeJob.KeyFor(source, scope);
        if (await scheduler.GetJobDetail(job, cancellationToken) is null)
        {
            LogNoScheduler(source, scope);
            return false;
        }

        await scheduler.TriggerJob(job, new JobDataMap { [SyncScopeJob.FullKey] = false }, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Write-back to {Source} {Key}: tag {Tag}, approved by {ApprovedBy}; succeeded: {Succeeded}, status {Status}")]
    private partial void LogWrite(string source, string key, string tag, string approvedBy, bool succeeded, int? status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No scheduled sync job for {Source}/{Scope}: the tag shows after its next scheduled sync")]
    private partial void LogNoScheduler(string source, string scope);
}
