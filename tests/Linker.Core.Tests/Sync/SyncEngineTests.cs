using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OkrLinker.Core.Items;
using OkrLinker.Core.Sources;
using OkrLinker.Core.Store;
using OkrLinker.Core.Sync;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Sync;

/// <remarks>On SQLite the direct write path is the default; <see cref="SyncEngineTestsOnEfCore"/> runs the same on the EF Core path that every other provider takes.</remarks>
public abstract class SyncEngineTests(string provider) : IAsyncLifetime
{
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
    public async Task First_sync_inserts_every_item_page_by_page_and_stores_the_last_cursor()
    {
        var source = new FakeSource("jira", Items(7));

        var result = await SyncAsync(source);

        // 7 items at 3 a page: pages of 3, 3 and 1.
        Assert.Equal((3, 7, 7, 0, 0, 0), (result.Pages, result.Read, result.Inserted, result.Updated, result.Unchanged, result.Removed));
        Assert.Null(result.Error);
        Assert.Equal("7", await CursorAsync());
        Assert.Equal(Keys(1, 7), await StoredKeysAsync());
    }

    [Fact]
    public async Task Second_sync_resumes_from_the_cursor_and_changes_nothing()
    {
        var source = new FakeSource("jira", Items(7));
        await SyncAsync(source);
        var before = await ChangedAtAsync();
        clock.Advance(TimeSpan.FromMinutes(15));

        var result = await SyncAsync(source);

        Assert.Equal([null, "7"], source.CursorsAsked);
        Assert.Equal((0, 0, 0), (result.Pages, result.Inserted, result.Updated));
        Assert.Equal(before, await ChangedAtAsync());
    }

    [Fact]
    public async Task Re_reading_unchanged_items_writes_nothing()
    {
        var source = new FakeSource("jira", Items(7));
        await SyncAsync(source, full: true);
        var before = await ChangedAtAsync();
        clock.Advance(TimeSpan.FromMinutes(15));

        var result = await SyncAsync(source, full: true);

        Assert.Equal((3, 7, 0, 0, 7), (result.Pages, result.Read, result.Inserted, result.Updated, result.Unchanged));
        Assert.Equal(before, await ChangedAtAsync());
    }

    [Fact]
    public async Task A_changed_item_is_updated_in_place()
    {
        var source = new FakeSource("jira", Items(7));
        await SyncAsync(source);
        clock.Advance(TimeSpan.FromMinutes(15));
        source.Items[4] = source.Items[4] with { Title = "Renamed", Category = StateCategory.Done, Resolved = Start };

        var result = await SyncAsync(source, full: true);

        Assert.Equal((0, 1, 6), (result.Inserted, result.Updated, result.Unchanged));
        await using var db = store.CreateDbContext();
        var row = await db.WorkItems.SingleAsync(w => w.ExternalId == "105");
        Assert.Equal(("Renamed", "Done", Start + TimeSpan.FromMinutes(15)), (row.Title, row.Category, row.ChangedAt));
        Assert.Equal(7, await db.WorkItems.CountAsync());
    }

    [Fact]
    public async Task An_older_copy_of_an_item_never_overwrites_a_newer_one()
    {
        // Another run (a CLI sync beside the worker) stored PAY-5 as edited; this run still holds the old copy.
        var newer = new FakeSource("jira", Items(7));
        newer.Items[4] = newer.Items[4] with { Title = "Edited", Updated = Start };
        await SyncAsync(newer);
        var older = new FakeSource("jira", Items(7));

        var result = await SyncAsync(older, full: true);

        Assert.Equal((0, 7), (result.Updated, result.Unchanged));
        await using var db = store.CreateDbContext();
        Assert.Equal("Edited", (await db.WorkItems.SingleAsync(w => w.Key == "PAY-5")).Title);
    }

    [Fact]
    public async Task A_failure_mid_read_keeps_the_committed_pages_and_the_next_run_resumes_after_them()
    {
        var source = new FakeSource("jira", Items(7)) { FailAfterPages = 2 };

        var failed = await SyncAsync(source);

        Assert.Equal("HttpRequestException: connection reset by peer", failed.Error);
        Assert.Equal((2, 6), (failed.Pages, failed.Inserted));
        Assert.Equal("6", await CursorAsync());
        Assert.Equal(Keys(1, 6), await StoredKeysAsync());

        source.FailAfterPages = null;
        var resumed = await SyncAsync(source);

        Assert.Equal("6", source.CursorsAsked[^1]);
        Assert.Equal((1, 1), (resumed.Pages, resumed.Inserted));
        Assert.Equal(Keys(1, 7), await StoredKeysAsync());
    }

    [Fact]
    public async Task A_page_that_cannot_be_committed_leaves_neither_its_items_nor_its_cursor()
    {
        var items = Items(7);
        items[4] = items[4] with { Source = "somewhere-else" }; // on the second page
        var source = new FakeSource("jira", items);

        var result = await SyncAsync(source);

        Assert.NotNull(result.Error);
        Assert.Equal("3", await CursorAsync());
        Assert.Equal(Keys(1, 3), await StoredKeysAsync());
    }

    [Fact]
    public async Task Full_sync_marks_what_the_source_no_longer_returns_as_removed()
    {
        var source = new FakeSource("jira", Items(7));
        await SyncAsync(source);
        source.Items.RemoveAll(i => i.Key is "PAY-2" or "PAY-6");

        var incremental = await SyncAsync(source);
        Assert.Equal(0, incremental.Removed);

        var full = await SyncAsync(source, full: true);

        Assert.Equal((5, 2), (full.Unchanged, full.Removed));
        await using var db = store.CreateDbContext();
        var removed = await db.WorkItems.Where(w => w.Category == "Removed").Select(w => w.Key).OrderBy(k => k).ToListAsync();
        Assert.Equal(["PAY-2", "PAY-6"], removed);
        Assert.Equal(7, await db.WorkItems.CountAsync());
    }

    [Fact]
    public async Task Full_sync_marks_what_the_source_no_longer_returns_as_gone_and_a_removed_state_alone_is_not_gone()
    {
        // PAY-3 is closed as not planned but still returned; PAY-2 and PAY-3's neighbour PAY-6 vanish.
        var source = new FakeSource("jira", Items(7));
        source.Items[2] = source.Items[2] with { State = "Won't do", Category = StateCategory.Removed };
        await SyncAsync(source);
        source.Items.RemoveAll(i => i.Key is "PAY-2" or "PAY-6");
        clock.Advance(TimeSpan.FromHours(1));

        await SyncAsync(source, full: true);

        Assert.Equal(
            [("PAY-1", "InProgress", null), ("PAY-2", "Removed", Start.AddHours(1)), ("PAY-3", "Removed", null),
             ("PAY-4", "InProgress", null), ("PAY-5", "InProgress", null), ("PAY-6", "Removed", Start.AddHours(1)), ("PAY-7", "InProgress", null)],
            await CategoriesAsync());
    }

    [Fact]
    public async Task An_item_whose_state_was_removed_is_marked_gone_when_it_vanishes()
    {
        var source = new FakeSource("jira", Items(2));
        source.Items[1] = source.Items[1] with { State = "Won't do", Category = StateCategory.Removed };
        await SyncAsync(source);
        source.Items.RemoveAt(1);

        var full = await SyncAsync(source, full: true);

        Assert.Equal(1, full.Removed);
        Assert.Equal([("PAY-1", "InProgress", null), ("PAY-2", "Removed", Start)], await CategoriesAsync());
    }

    [Fact]
    public async Task A_gone_item_read_again_is_no_longer_gone_and_takes_its_state_back()
    {
        var source = new FakeSource("jira", Items(2));
        await SyncAsync(source);
        var second = source.Items[1];
        source.Items.RemoveAt(1);
        await SyncAsync(source, full: true);
        clock.Advance(TimeSpan.FromHours(1));
        source.Items.Add(second);

        var again = await SyncAsync(source, full: true);

        Assert.Equal((1, 0), (again.Updated, again.Removed));
        Assert.Equal([("PAY-1", "InProgress", null), ("PAY-2", "InProgress", null)], await CategoriesAsync());
    }

    [Fact]
    public async Task Stored_items_read_back_with_every_field()
    {
        var item = Items(1)[0] with
        {
            Url = "https://acme.atlassian.net/browse/PAY-1",
            Project = "PAY",
            Area = @"Shop\Checkout",
            Components = ["Checkout", "API"],
            Labels = ["kr:O1-KR1", "frontend"],
            KrValues = ["O2-KR1"],
            ParentId = "100",
            ParentKey = "PAY-0",
            StoryPoints = 5.5,
            Resolved = Start.AddHours(-1),
            Body = "Implements PAY-0.\nSee AB#4711.",
            Branch = "feature/pay-1-retry",
        };
        await SyncAsync(new FakeSource("jira", [item]));

        await using var db = store.CreateDbContext();
        var back = (await db.WorkItems.SingleAsync()).ToItem();

        Assert.Equal(item with { Components = [], Labels = [], KrValues = [] }, back with { Components = [], Labels = [], KrValues = [] });
        Assert.Equal(["Checkout", "API"], back.Components);
        Assert.Equal(["kr:O1-KR1", "frontend"], back.Labels);
        Assert.Equal(["O2-KR1"], back.KrValues);
    }

    private Task<ScopeSyncResult> SyncAsync(FakeSource source, bool full = false) =>
        engine.SyncScopeAsync(source, new SourceScope(source.Name, FakeSource.ScopeId), full, null, CancellationToken.None);

    private async Task<string?> CursorAsync()
    {
        await using var db = store.CreateDbContext();
        return (await db.Scopes.SingleAsync()).Cursor;
    }

    private async Task<List<string>> StoredKeysAsync()
    {
        await using var db = store.CreateDbContext();
        return (await db.WorkItems.Select(w => w.Key).ToListAsync()).OrderBy(k => int.Parse(k[4..])).ToList();
    }

    private async Task<List<(string Key, string Category, DateTimeOffset? GoneAt)>> CategoriesAsync()
    {
        await using var db = store.CreateDbContext();
        return (await db.WorkItems.ToListAsync()).OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => (w.Key, w.Category, w.GoneAt)).ToList();
    }

    private async Task<List<DateTimeOffset>> ChangedAtAsync()
    {
        await using var db = store.CreateDbContext();
        return (await db.WorkItems.ToListAsync()).OrderBy(w => w.ExternalId).Select(w => w.ChangedAt).ToList();
    }

    private static List<string> Keys(int from, int to) => Enumerable.Range(from, to - from + 1).Select(n => $"PAY-{n}").ToList();

    private static List<WorkItem> Items(int count) => Enumerable.Range(1, count).Select(n => new WorkItem
    {
        Source = "jira",
        ExternalId = $"{100 + n}",
        Key = $"PAY-{n}",
        Title = $"Item {n}",
        Type = "Story",
        State = "In Progress",
        Category = StateCategory.InProgress,
        Team = "payments",
        Created = Start.AddDays(-n),
        Updated = Start.AddHours(-n),
    }).ToList();
}

/// <summary>The suite on a SQLite file.</summary>
public sealed class SyncEngineOnSqliteTests() : SyncEngineTests(StoreProvider.Sqlite);

/// <summary>The suite on PostgreSQL.</summary>
public sealed class SyncEngineOnPostgresTests() : SyncEngineTests(StoreProvider.Postgres);
