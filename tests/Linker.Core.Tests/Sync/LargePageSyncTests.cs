using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OkrLinker.Core.Sync;
using OkrLinker.Core.Store;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Sync;

/// <summary>
/// A page far larger than SQLite's limit of 32,766 variables a statement (a 100,000-row CSV file is one
/// page): it commits whole, with its cursor, and stays idempotent.
/// </summary>
/// <remarks>On SQLite the direct write path is the default; <see cref="LargePageSyncTestsOnEfCore"/> runs the same on the EF Core path that every other provider takes.</remarks>
public abstract class LargePageSyncTests(string provider) : IAsyncLifetime
{
    private const int PageItems = 100_000;
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Start);
    private TempStore store = null!;
    private SyncEngine engine = null!;

    /// <summary>False: the EF Core path that every provider but SQLite takes.</summary>
    protected virtual bool DirectSqlite => true;

    public async Task InitializeAsync()
    {
        store = await TempStore.CreateAsync(provider);
        engine = new SyncEngine(store, clock, NullLogger<SyncEngine>.Instance) { DirectSqlite = DirectSqlite };
    }

    public Task DisposeAsync()
    {
        store.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_100000_item_page_commits_whole_with_its_cursor()
    {
        var source = OnePage(PageItems);

        var result = await SyncAsync(source);

        Assert.Null(result.Error);
        Assert.Equal((1, 100_000, 100_000, 0, 0), (result.Pages, result.Read, result.Inserted, result.Updated, result.Unchanged));
        await using var db = store.CreateDbContext();
        Assert.Equal(100_000, await db.WorkItems.CountAsync());
        Assert.Equal("100000", (await db.Scopes.SingleAsync()).Cursor);
    }

    [Fact]
    public async Task Reading_the_same_100000_item_page_again_changes_nothing()
    {
        var source = OnePage(PageItems);
        await SyncAsync(source);
        var before = await ChangedAtCountsAsync();
        clock.Advance(TimeSpan.FromMinutes(15));

        var again = await SyncAsync(source, full: true);

        Assert.Null(again.Error);
        Assert.Equal((1, 0, 0, 100_000, 0), (again.Pages, again.Inserted, again.Updated, again.Unchanged, again.Removed));
        Assert.Equal(before, await ChangedAtCountsAsync());
    }

    [Fact]
    public async Task A_changed_subset_of_a_100000_item_page_updates_exactly_those_items()
    {
        var source = OnePage(PageItems);
        await SyncAsync(source);
        clock.Advance(TimeSpan.FromMinutes(15));
        // Every 1,000th item renamed: 100 items, spread over the whole page (and so over every lookup chunk).
        for (var i = 0; i < PageItems; i += 1_000)
        {
            source.Items[i] = source.Items[i] with { Title = $"Renamed {i}", Updated = Start };
        }

        var again = await SyncAsync(source, full: true);

        Assert.Equal((0, 100, 99_900), (again.Inserted, again.Updated, again.Unchanged));
        Assert.Equal([(Start, 99_900), (Start.AddMinutes(15), 100)], await ChangedAtCountsAsync());
        await using var db = store.CreateDbContext();
        Assert.Equal("Renamed 99000", (await db.WorkItems.SingleAsync(w => w.ExternalId == "id-BIG-99001")).Title);
    }

    [Fact]
    public async Task A_large_page_that_fails_in_its_last_chunk_leaves_neither_its_items_nor_its_cursor()
    {
        // 1,200 items are written 500 at a time; the 1,200th is of another source, so the page fails
        // after two chunks went to the database inside its transaction.
        var source = OnePage(1_200);
        source.Items[^1] = source.Items[^1] with { Source = "github" };

        var result = await SyncAsync(source);

        Assert.Equal("InvalidOperationException: Source 'jira' returned an item of source 'github'.", result.Error);
        Assert.Equal(0, result.Pages);
        await using var db = store.CreateDbContext();
        Assert.Equal(0, await db.WorkItems.CountAsync());
        Assert.Null((await db.Scopes.SingleAsync()).Cursor);
    }

    private static FakeSource OnePage(int count) =>
        new("jira", [.. Enumerable.Range(1, count).Select(n => Some.Item($"BIG-{n}"))]) { PageSize = count };

    private Task<ScopeSyncResult> SyncAsync(FakeSource source, bool full = false) =>
        engine.SyncScopeAsync(source, new("jira", FakeSource.ScopeId), full, progress: null, CancellationToken.None);

    private async Task<List<(DateTimeOffset ChangedAt, int Count)>> ChangedAtCountsAsync()
    {
        await using var db = store.CreateDbContext();
        var stamps = await db.WorkItems.Select(w => w.ChangedAt).ToListAsync();
        return [.. stamps.GroupBy(s => s).Select(g => (g.Key, g.Count())).OrderBy(x => x.Key)];
    }
}

/// <summary>The suite on a SQLite file.</summary>
public sealed class LargePageSyncOnSqliteTests() : LargePageSyncTests(StoreProvider.Sqlite);

/// <summary>The suite on PostgreSQL.</summary>
public sealed class LargePageSyncOnPostgresTests() : LargePageSyncTests(StoreProvider.Postgres);
