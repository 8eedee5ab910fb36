using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Sources;
using OkrLinker.Core.Store;

namespace OkrLinker.Core.Sync;

/// <summary>
/// Pulls a scope's pages and commits each page together with the cursor that follows it, so a crash
/// repeats at most one page and never skips one (DESIGN.md §6). The next page is read while the last one
/// commits (<see cref="PageReadAhead"/>); commits stay one at a time, in the source's order. Upserts are idempotent on
/// (source, external id): an unchanged item is not written.
/// </summary>
public sealed partial class SyncEngine(
    IDbContextFactory<LinkerDbContext> dbFactory,
    TimeProvider time,
    ILogger<SyncEngine> logger,
    SyncMetrics? metrics = null,
    IOptions<LinkerOptions>? options = null)
{
    // What linking learns from each item alone, worked out as the item is written so a report need not (null without
    // options, or when the Linking options do not compile: the rows then hold no facts and the report works them out).
    private readonly Lazy<LinkFactsReader?> _facts = new(() => FactsReaderOf(options));

    private static LinkFactsReader? FactsReaderOf(IOptions<LinkerOptions>? options)
    {
        if (options?.Value is not { Linking: { } linking } value)
        {
            return null;
        }

        try
        {
            return LinkFactsReader.Create(linking, LinkFactsReader.KrFieldNames(value));
        }
        catch (LinkingConfigException)
        {
            return null;
        }
    }

    /// <summary>
    /// On SQLite, items are written with prepared statements beside EF Core (the default); false takes
    /// the EF Core path every other provider takes, so tests can run that path on SQLite too.
    /// </summary>
    internal bool DirectSqlite { get; init; } = true;

    /// <summary>
    /// Syncs one scope. <paramref name="full"/> ignores the stored cursor, reads everything, and then
    /// marks the scope's stored items that the source no longer returned as Removed and gone (the reconciliation sweep).
    /// </summary>
    /// <param name="stopAfterPage">
    /// Graceful stop: once signalled, the run ends after the page it is on has been read and committed
    /// (<see cref="ScopeSyncResult.Stopped"/>); <paramref name="cancellationToken"/> is the hard stop.
    /// </param>
    public async Task<ScopeSyncResult> SyncScopeAsync(
        IWorkItemSource source,
        SourceScope scope,
        bool full,
        IProgress<ScopeSyncResult>? progress,
        CancellationToken cancellationToken,
        CancellationToken stopAfterPage = default)
    {
        var started = time.GetTimestamp();
        var counts = new Counts();
        // A source that sweeps by ids reads incrementally even on a full run; the id read then decides.
        var idSweep = full && !scope.FieldStream ? source as IIdSweepSource : null;
        var seen = full && idSweep is null ? new HashSet<string>(StringComparer.Ordinal) : null;
        var fieldSeen = new HashSet<string>(StringComparer.Ordinal);
        string? error = null;
        var stopsSource = false;
        var stopped = false;

        var cursor = full && idSweep is null ? null : await ReadCursorAsync(scope, cancellationToken);
        await RecordRunStartAsync(source, scope, cancellationToken);
        LogScopeStarting(source.Name, scope.Id, cursor is null ? "the start" : "the stored cursor");

        using var activity = SyncActivities.StartScope(source.Name, scope, full);
        try
        {
            // The next page is read while this one commits; commits stay in the source's order, each with its own cursor.
            // A page's span therefore holds its commit; the requests that read it ran during the previous page's.
            await using var pages = new PageReadAhead(source, scope, cursor, cancellationToken);
            while (await pages.NextAsync() is { } page)
            {
                using var pageActivity = SyncActivities.StartPage(source.Name, scope, counts.Pages + 1);
                pageActivity?.SetTag(SyncActivities.Items, page.Items.Count + page.FieldValues.Count);
                // A cancelled token must not split a page from its cursor, so the commit itself runs to the end.
                await CommitPageAsync(scope, page, counts, seen, fieldSeen, CancellationToken.None);
                metrics?.RecordPage(source.Name);
                progress?.Report(counts.ToResult(scope, time.GetElapsedTime(started), null));
                cancellationToken.ThrowIfCancellationRequested();
                if (stopAfterPage.IsCancellationRequested)
                {
                    stopped = true;
                    break;
                }
            }

            if (stopped)
            {
                LogScopeStopped(source.Name, scope.Id, counts.Pages);
            }
            else if (scope.FieldStream)
            {
                counts.Removed += await DropUnseenFieldValuesAsync(scope, fieldSeen, cancellationToken);
            }
            else if (idSweep is not null)
            {
                counts.Removed = await SweepByIdsAsync(idSweep, scope, counts, cancellationToken);
            }
            else if (seen is not null)
            {
                counts.Removed = await SweepAsync(scope, seen, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cut off by a hard stop: not an error, not a success; the committed pages stay.
            await RecordRunEndAsync(scope, full: false, error: null, succeeded: false, CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            error = ex is SourceException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
            stopsSource = ex is SourceException { WholeSource: true };
            LogScopeFailed(ex, source.Name, scope.Id, counts.Pages);
        }

        var result = counts.ToResult(scope, time.GetElapsedTime(started), error) with { StopsSource = stopsSource, Stopped = stopped };
        await RecordRunEndAsync(scope, full && !stopped, error, succeeded: error is null && !stopped, CancellationToken.None);
        metrics?.Record(source.Name, result, time.GetUtcNow());
        SyncActivities.Finish(activity, result);
        LogScopeFinished(source.Name, scope.Id, result.Pages, result.Read, result.Inserted, result.Updated, result.Removed, result.Duration.TotalMilliseconds);
        return result;
    }

    private async Task<string?> ReadCursorAsync(SourceScope scope, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Scopes.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Source == scope.Source && s.ScopeId == scope.Id, cancellationToken);
        return row?.Cursor;
    }

    private async Task CommitPageAsync(
        SourceScope scope,
        WorkItemPage page,
        Counts counts,
        HashSet<string>? seen,
        HashSet<string> fieldSeen,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();

        var items = LastCopies(page.Items);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);

        if (DirectSqlite && SqliteWorkItemRows.Applies(db))
        {
            await WriteItemsDirectAsync(db, scope, items, counts, seen, now, _facts.Value, cancellationToken);
        }
        else
        {
            // A large page (one CSV file) is written chunk by chunk inside the page's one transaction: the
            // lookup stays under SQLite's variable limit, and the change tracker never holds more than a
            // chunk, which on a 100,000-item page halved the commit (docs/benchmarks.md). A page of one
            // chunk is written by the single SaveChanges below, as before.
            foreach (var chunk in items.Chunk(ChunkSize))
            {
                if (db.ChangeTracker.Entries().Any())
                {
                    await db.SaveChangesAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                }

                var existing = await ReadExistingAsync(db, scope.Source, chunk, cancellationToken);
                StageItems(scope, chunk, existing, db, counts, seen, now, _facts.Value);
            }
        }

        await StageFieldValuesAsync(db, scope, page.FieldValues, counts, fieldSeen, cancellationToken);

        var scopeRow = await db.Scopes.SingleAsync(s => s.Source == scope.Source && s.ScopeId == scope.Id, cancellationToken);
        scopeRow.Cursor = page.Cursor;
        scopeRow.CursorAt = now;

        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);

        counts.Pages++;
        counts.Read += page.Items.Count + page.FieldValues.Count;
    }

    /// <summary>
    /// The last copy of each item within a page, in the order of first appearance: the last one wins, as
    /// it would have on a second write.
    /// </summary>
    private static List<WorkItem> LastCopies(IReadOnlyList<WorkItem> items)
    {
        var at = new Dictionary<string, int>(items.Count, StringComparer.Ordinal);
        var result = new List<WorkItem>(items.Count);
        foreach (var item in items)
        {
            if (at.TryGetValue(item.ExternalId, out var index))
            {
                result[index] = item;
            }
            else
            {
                at.Add(item.ExternalId, result.Count);
                result.Add(item);
            }
        }

        return result;
    }

    private static void StageItems(
        SourceScope scope,
        WorkItem[] items,
        Dictionary<string, WorkItemRow> existing,
        LinkerDbContext db,
        Counts counts,
        HashSet<string>? seen,
        DateTimeOffset now,
        LinkFactsReader? facts)
    {
        foreach (var item in items)
        {
            seen?.Add(item.ExternalId);
            var row = existing.GetValueOrDefault(item.ExternalId);
            if (counts.Add(Stage(scope, item, ref row, now, facts)) == Outcome.Inserted)
            {
                db.WorkItems.Add(row!);
            }
        }
    }

    /// <summary>
    /// The SQLite path of a page: an untracked lookup of the page's rows in one query, then one prepared
    /// INSERT or UPDATE per new or changed item on the page's transaction. What counts as new, changed or
    /// unchanged is <see cref="Stage"/>, the same as on the EF Core path.
    /// </summary>
    private static async Task WriteItemsDirectAsync(
        LinkerDbContext db,
        SourceScope scope,
        List<WorkItem> items,
        Counts counts,
        HashSet<string>? seen,
        DateTimeOffset now,
        LinkFactsReader? facts,
        CancellationToken cancellationToken)
    {
        var existing = await SqliteWorkItemRows.ReadAsync(db, scope.Source, [.. items.Select(i => i.ExternalId)], cancellationToken);
        using var writer = SqliteWorkItemRows.CreateWriter(db);
        foreach (var item in items)
        {
            seen?.Add(item.ExternalId);
            var row = existing.GetValueOrDefault(item.ExternalId);
            switch (counts.Add(Stage(scope, item, ref row, now, facts)))
            {
                case Outcome.Inserted:
                    writer.Insert(row!);
                    break;
                case Outcome.Updated:
                    writer.Update(row!);
                    break;
            }
        }
    }

    /// <summary>Brings <paramref name="row"/> (null: not stored yet, then a new row) up to <paramref name="item"/>.</summary>
    private static Outcome Stage(SourceScope scope, WorkItem item, ref WorkItemRow? row, DateTimeOffset now, LinkFactsReader? facts)
    {
        if (!string.Equals(item.Source, scope.Source, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Source '{scope.Source}' returned an item of source '{item.Source}'.");
        }

        if (row is null)
        {
            row = new WorkItemRow { ChangedAt = now };
            item.CopyTo(row, scope.Id);
            row.LinkFacts = facts?.Encode(facts.Read(item));
            return Outcome.Inserted;
        }

        // Another run (a CLI sync beside the worker, another node) may have stored a newer
        // copy meanwhile; an older one never overwrites it. A row a sweep marked gone holds
        // no newer copy, only that mark, so whatever the source returns now replaces it.
        if (row.GoneAt is null && item.Updated.ToUniversalTime() < row.Updated)
        {
            return Outcome.Unchanged;
        }

        if (item.CopyTo(row, scope.Id))
        {
            row.ChangedAt = now;
            row.LinkFacts = facts?.Encode(facts.Read(item));
            return Outcome.Updated;
        }

        return Outcome.Unchanged;
    }

    /// <summary>The stored rows of a chunk of a page's items, tracked for update, in one query.</summary>
    private static async Task<Dictionary<string, WorkItemRow>> ReadExistingAsync(
        LinkerDbContext db, string source, WorkItem[] chunk, CancellationToken cancellationToken)
    {
        var ids = chunk.Select(i => i.ExternalId).ToList();
        return await db.WorkItems
            .Where(w => w.Source == source && ids.Contains(w.ExternalId))
            .ToDictionaryAsync(w => w.ExternalId, StringComparer.Ordinal, cancellationToken);
    }

    private static async Task StageFieldValuesAsync(
        LinkerDbContext db,
        SourceScope scope,
        IReadOnlyList<KrFieldValue> values,
        Counts counts,
        HashSet<string> fieldSeen,
        CancellationToken cancellationToken)
    {
        if (values.Count == 0)
        {
            return;
        }

        var latest = values.GroupBy(v => v.ExternalId, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        var ids = latest.Select(v => v.ExternalId).ToList();
        var existing = new Dictionary<string, FieldValueRow>(ids.Count, StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            // In chunks: EF Core sends one SQL variable per id, SQLite takes 32,766 a statement.
            var rows = await db.FieldValues
                .Where(f => f.Source == scope.Source && f.ScopeId == scope.Id && chunk.Contains(f.ExternalId))
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                existing.Add(row.ExternalId, row);
            }
        }

        foreach (var value in latest)
        {
            fieldSeen.Add(value.ExternalId);
            var json = System.Text.Json.JsonSerializer.Serialize(value.Values);
            if (!existing.TryGetValue(value.ExternalId, out var row))
            {
                db.FieldValues.Add(new FieldValueRow { Source = scope.Source, ScopeId = scope.Id, ExternalId = value.ExternalId, KrValues = json });
                counts.Inserted++;
            }
            else if (row.KrValues != json)
            {
                row.KrValues = json;
                counts.Updated++;
            }
            else
            {
                counts.Unchanged++;
            }
        }
    }

    private async Task<int> DropUnseenFieldValuesAsync(SourceScope scope, HashSet<string> seen, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.FieldValues.Where(f => f.Source == scope.Source && f.ScopeId == scope.Id).ToListAsync(cancellationToken);
        var gone = rows.Where(r => !seen.Contains(r.ExternalId)).ToList();
        db.FieldValues.RemoveRange(gone);
        await db.SaveChangesAsync(cancellationToken);
        return gone.Count;
    }

    private async Task<int> SweepByIdsAsync(IIdSweepSource source, SourceScope scope, Counts counts, CancellationToken cancellationToken)
    {
        var stamps = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var page in source.ReadStampsAsync(scope, cancellationToken).WithCancellation(cancellationToken))
        {
            foreach (var stamp in page)
            {
                stamps[stamp.ExternalId] = stamp.Key;
            }
        }

        List<string> stale;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var removedName = nameof(StateCategory.Removed);
            var held = await db.WorkItems.AsNoTracking().Where(w => w.Source == scope.Source)
                .Select(w => new { w.ExternalId, w.Key, w.ScopeId, Removed = w.Category == removedName })
                .ToDictionaryAsync(w => w.ExternalId, StringComparer.Ordinal, cancellationToken);
            stale = [.. stamps.Where(s => !held.TryGetValue(s.Key, out var row) || row.Key != s.Value || row.ScopeId != scope.Id || row.Removed).Select(s => s.Key)];
        }

        // New to the store, moved here under a new key, or back from Removed: read those in full, under the current cursor.
        var cursor = await ReadCursorAsync(scope, cancellationToken) ?? "";
        foreach (var chunk in stale.Chunk(StaleReadSize))
        {
            var items = await source.ReadItemsAsync(scope, chunk, cancellationToken);
            await CommitPageAsync(scope, new WorkItemPage(items, cursor), counts, null, [], CancellationToken.None);
        }

        return await SweepAsync(scope, [.. stamps.Keys], cancellationToken);
    }

    private async Task<int> SweepAsync(SourceScope scope, HashSet<string> seen, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var removedName = nameof(StateCategory.Removed);

        // Items whose state is Removed (closed as not planned) are still returned and still pass
        // their KRs on; only the ones the tracker stopped returning are marked gone, whatever their state.
        // Ids only: a million-item scope read as tracked rows took most of a full sync's time and memory.
        var candidates = await db.WorkItems.AsNoTracking()
            .Where(w => w.Source == scope.Source && w.ScopeId == scope.Id && w.GoneAt == null)
            .Select(w => w.ExternalId)
            .ToListAsync(cancellationToken);

        var gone = candidates.Where(id => !seen.Contains(id)).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var chunk in gone.Chunk(ChunkSize))
        {
            // The tracker no longer returns it: deleted, moved out of the query, or access lost.
            // Removed keeps it out of every week's scope; GoneAt stops it passing KRs on.
            await db.WorkItems
                .Where(w => w.Source == scope.Source && chunk.Contains(w.ExternalId))
                .ExecuteUpdateAsync(
                    set => set.SetProperty(w => w.Category, removedName)
                        .SetProperty(w => w.GoneAt, now)
                        .SetProperty(w => w.ChangedAt, now),
                    cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);
        return gone.Count;
    }

    private async Task RecordRunStartAsync(IWorkItemSource source, SourceScope scope, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scopeRow = await db.Scopes.SingleOrDefaultAsync(s => s.Source == scope.Source && s.ScopeId == scope.Id, cancellationToken);
        if (scopeRow is null)
        {
            scopeRow = new ScopeRow { Source = scope.Source, ScopeId = scope.Id };
            db.Scopes.Add(scopeRow);
        }

        scopeRow.LastRunAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task RecordRunEndAsync(SourceScope scope, bool full, string? error, bool succeeded, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var scopeRow = await db.Scopes.SingleAsync(s => s.Source == scope.Source && s.ScopeId == scope.Id, cancellationToken);
        scopeRow.LastError = error;
        if (succeeded)
        {
            scopeRow.LastSuccessAt = now;
            if (full)
            {
                scopeRow.LastFullSyncAt = now;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Syncing {Source}/{Scope} from {From}")]
    private partial void LogScopeStarting(string source, string scope, string from);

    [LoggerMessage(Level = LogLevel.Information, Message = "Synced {Source}/{Scope}: {Pages} pages, {Read} items read, {Inserted} new, {Updated} changed, {Removed} removed in {Milliseconds:F0} ms")]
    private partial void LogScopeFinished(string source, string scope, int pages, int read, int inserted, int updated, int removed, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync of {Source}/{Scope} stopped for shutdown after {Pages} committed pages; the next run resumes from its cursor")]
    private partial void LogScopeStopped(string source, string scope, int pages);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sync of {Source}/{Scope} stopped after {Pages} committed pages")]
    private partial void LogScopeFailed(Exception exception, string source, string scope, int pages);

    // Items re-read in full per request when the id sweep finds some it does not hold as they are.
    private const int StaleReadSize = 100;

    // Items a lookup query and a write of a large page: EF Core sends one SQL variable per id and
    // SQLite takes 32,766 a statement, so one query over a 50,000-row CSV file (one page) failed.
    private const int ChunkSize = 500;

    private enum Outcome
    {
        Unchanged,
        Updated,
        Inserted,
    }

    private sealed class Counts
    {
        public Outcome Add(Outcome outcome)
        {
            switch (outcome)
            {
                case Outcome.Inserted:
                    Inserted++;
                    break;
                case Outcome.Updated:
                    Updated++;
                    break;
                default:
                    Unchanged++;
                    break;
            }

            return outcome;
        }

        public int Pages { get; set; }

        public int Read { get; set; }

        public int Inserted { get; set; }

        public int Updated { get; set; }

        public int Unchanged { get; set; }

        public int Removed { get; set; }

        public ScopeSyncResult ToResult(SourceScope scope, TimeSpan duration, string? error) =>
            new(scope.Source, scope.Id, Pages, Read, Inserted, Updated, Unchanged, Removed, duration, error);
    }
}
