using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Sources;
using OkrLinker.Core.Store;

namespace OkrLinker.Core.Sync;

/// <summary>Syncs every scope of every configured source (or one source); a failing source never stops the others.</summary>
public sealed partial class SyncRunner(
    SourceCatalog catalog,
    SyncEngine engine,
    IDbContextFactory<LinkerDbContext> dbFactory,
    IOptions<LinkerOptions> options,
    TimeProvider time,
    ILogger<SyncRunner> logger)
{
    /// <exception cref="LinkerConfigException">An unknown kind or source name.</exception>
    public async Task<IReadOnlyList<SourceSyncResult>> SyncAsync(
        string? only, bool full, IProgress<ScopeSyncResult>? progress, CancellationToken cancellationToken)
    {
        var results = new List<SourceSyncResult>();
        foreach (var entry in options.Value.Sources.Where(s => only is null || string.Equals(s.Name, only, StringComparison.OrdinalIgnoreCase)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await SyncSourceAsync(entry, full, progress, cancellationToken);
            await RecordAsync(entry, result, cancellationToken);
            results.Add(result);
        }

        if (only is not null && results.Count == 0)
        {
            catalog.Create(only); // throws the config error that names the known sources
        }

        return results;
    }

    private async Task<SourceSyncResult> SyncSourceAsync(
        SourceOptions entry, bool full, IProgress<ScopeSyncResult>? progress, CancellationToken cancellationToken)
    {
        IReadOnlyList<SourceScope> scopes;
        IWorkItemSource source;
        try
        {
            source = catalog.Create(entry.Name).Single();
            scopes = await source.GetScopesAsync(cancellationToken);
        }
        catch (SourceException ex)
        {
            LogSourceFailed(entry.Name, ex.Message);
            return new SourceSyncResult(entry.Name, [], ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not LinkerConfigException)
        {
            LogSourceFailed(entry.Name, ex.Message);
            return new SourceSyncResult(entry.Name, [], $"{ex.GetType().Name}: {ex.Message}");
        }

        var done = new List<ScopeSyncResult>();
        foreach (var scope in scopes)
        {
            var result = await engine.SyncScopeAsync(source, scope, full, progress, cancellationToken);
            done.Add(result);
            if (result.StopsSource)
            {
                break; // a rejected token fails every scope alike: one request, not one per scope
            }
        }

        return new SourceSyncResult(entry.Name, done, null);
    }

    /// <summary>
    /// Records one scope's outcome on its source (the scheduled worker syncs scope by scope): the
    /// source is in error while any of its scopes is.
    /// </summary>
    public async Task RecordScopeAsync(string source, ScopeSyncResult result, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // Scopes of one source finish at once on several threads or nodes, so the source's first row is put in place
        // by a statement both SQLite and PostgreSQL let several writers run (the second inserts nothing), not by a
        // read-then-insert that lets two writers both insert.
        var kind = options.Value.Sources.FirstOrDefault(s => s.Name == source)?.Kind ?? "";
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO sources (\"Name\", \"Kind\") VALUES ({source}, {kind}) ON CONFLICT DO NOTHING", cancellationToken);
        var row = await db.Sources.SingleAsync(s => s.Name == source, cancellationToken);
        row.FirstRunAt ??= now;
        row.LastRunAt = now;
        if (result.Succeeded && !result.Stopped)
        {
            row.LastSuccessAt = now;
        }

        row.LastError = result.Error ?? await db.Scopes.Where(s => s.Source == source && s.LastError != null)
            .Select(s => s.LastError).FirstOrDefaultAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task RecordAsync(SourceOptions entry, SourceSyncResult result, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Sources.SingleOrDefaultAsync(s => s.Name == entry.Name, cancellationToken);
        if (row is null)
        {
            row = new SourceRow { Name = entry.Name };
            db.Sources.Add(row);
        }

        row.Kind = entry.Kind;
        row.FirstRunAt ??= now;
        row.LastRunAt = now;
        row.LastError = result.FirstError;
        if (result.Succeeded)
        {
            row.LastSuccessAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Source {Source} failed: {Problem}")]
    private partial void LogSourceFailed(string source, string problem);
}
