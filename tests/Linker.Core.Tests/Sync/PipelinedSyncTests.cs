using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OkrLinker.Core.Items;
using OkrLinker.Core.Sources;
using OkrLinker.Core.Sync;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Sync;

/// <summary>
/// The engine reads a scope's next page while the last one commits (issue 11, target 4); commits stay one
/// at a time, in order, each with its own cursor (DESIGN.md §6).
/// </summary>
public sealed class PipelinedSyncTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Start);
    private TempStore store = null!;
    private SyncEngine engine = null!;
    private int committed;

    public async Task InitializeAsync()
    {
        store = await TempStore.CreateAsync();
        engine = new SyncEngine(store, clock, NullLogger<SyncEngine>.Instance);
    }

    public Task DisposeAsync()
    {
        store.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_next_page_is_read_while_the_last_one_commits_and_commits_keep_the_source_order()
    {
        var readBegan = new List<(int Page, int Committed)>();
        // Pages 1-4 of 2 items; PAY-2 again on page 3, renamed, so only an in-order commit leaves that title.
        var source = new ScriptedSource("jira",
        [
            Page("c1", Item(1), Item(2)),
            Page("c2", Item(3), Item(4)),
            Page("c3", Item(2) with { Title = "Renamed on page 3", Updated = Some.Created.AddHours(1) }, Item(5)),
            Page("c4", Item(6), Item(7)),
        ])
        {
            BeforeRead = (page, _) =>
            {
                readBegan.Add((page, committed));
                return Task.CompletedTask;
            },
        };

        var result = await SyncAsync(source);

        // Page 1 is read before anything is committed; page k+1's read begins as page k is handed over to
        // commit, so k-1 pages are committed by then (a strictly sequential engine would show k).
        Assert.Equal([(1, 0), (2, 0), (3, 1), (4, 2)], readBegan);
        Assert.Equal((4, 8, 7, 1, 0), (result.Pages, result.Read, result.Inserted, result.Updated, result.Unchanged));
        Assert.Equal("c4", await CursorAsync());
        Assert.Equal("Renamed on page 3", await TitleAsync("PAY-2"));
    }

    [Fact]
    public async Task A_failed_read_of_the_page_after_next_leaves_exactly_the_pages_committed_before_it()
    {
        var source = new ScriptedSource("jira", [Page("c1", Item(1), Item(2)), Page("c2", Item(3)), Page("c3", Item(4)), Page("c4", Item(5))])
        {
            BeforeRead = (page, _) => page == 3 ? throw new HttpRequestException("connection reset by peer") : Task.CompletedTask,
        };

        var result = await SyncAsync(source);

        // Page 3's read failed while page 2 was committing: page 2 still commits, with its cursor, and the run ends there.
        Assert.Equal("HttpRequestException: connection reset by peer", result.Error);
        Assert.Equal((2, 3), (result.Pages, result.Inserted));
        Assert.Equal("c2", await CursorAsync());
        Assert.Equal(["PAY-1", "PAY-2", "PAY-3"], await KeysAsync());
    }

    [Fact]
    public async Task A_page_that_cannot_be_committed_stops_the_run_and_the_page_read_ahead_is_dropped_uncommitted()
    {
        var source = new ScriptedSource("jira",
        [
            Page("c1", Item(1)),
            Page("c2", Item(2) with { Source = "somewhere-else" }),
            Page("c3", Item(3)),
        ]);

        var result = await SyncAsync(source);

        Assert.Equal("InvalidOperationException: Source 'jira' returned an item of source 'somewhere-else'.", result.Error);
        Assert.Equal(1, result.Pages);
        Assert.Equal("c1", await CursorAsync());
        Assert.Equal(["PAY-1"], await KeysAsync());
    }

    [Fact]
    public async Task A_cancel_during_a_commit_lets_that_page_commit_with_its_cursor_and_cuts_off_the_read_ahead()
    {
        using var hard = new CancellationTokenSource();
        var source = new ScriptedSource("jira", [Page("c1", Item(1)), Page("c2", Item(2), Item(3)), Page("c3", Item(4)), Page("c4", Item(5))])
        {
            BeforeRead = async (page, ct) =>
            {
                if (page == 3)
                {
                    // Page 3's read begins as page 2 goes to commit: the hard stop comes in the middle of that commit.
                    await hard.CancelAsync();
                    await Task.Delay(Timeout.Infinite, ct);
                }
            },
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            engine.SyncScopeAsync(source, source.Scope, full: false, Progress(), hard.Token));

        Assert.Equal("c2", await CursorAsync());
        Assert.Equal(["PAY-1", "PAY-2", "PAY-3"], await KeysAsync());
        Assert.Equal([3], source.Cancelled);
    }

    [Fact]
    public async Task A_graceful_stop_ends_after_the_committed_page_and_drops_the_page_read_ahead()
    {
        using var stop = new CancellationTokenSource();
        var source = new ScriptedSource("jira", [Page("c1", Item(1)), Page("c2", Item(2)), Page("c3", Item(3))])
        {
            BeforeRead = async (page, ct) =>
            {
                if (page == 2)
                {
                    await stop.CancelAsync(); // asked to stop while page 1 commits
                    await Task.Delay(Timeout.Infinite, ct);
                }
            },
        };

        var result = await engine.SyncScopeAsync(source, source.Scope, full: false, Progress(), CancellationToken.None, stop.Token);

        Assert.True(result.Stopped);
        Assert.Equal((1, 1), (result.Pages, result.Inserted));
        Assert.Equal("c1", await CursorAsync());
        Assert.Equal([2], source.Cancelled);
    }

    private Task<ScopeSyncResult> SyncAsync(ScriptedSource source) =>
        engine.SyncScopeAsync(source, source.Scope, full: false, Progress(), CancellationToken.None);

    // Synchronous, unlike Progress<T>: the count is current the moment a commit ends.
    private IProgress<ScopeSyncResult> Progress() => new CommittedPages(this);

    private static WorkItemPage Page(string cursor, params WorkItem[] items) => new(items, cursor);

    private static WorkItem Item(int n) => Some.Item($"PAY-{n}");

    private async Task<string?> CursorAsync()
    {
        await using var db = store.CreateDbContext();
        return (await db.Scopes.SingleAsync()).Cursor;
    }

    private async Task<List<string>> KeysAsync()
    {
        await using var db = store.CreateDbContext();
        return (await db.WorkItems.Select(w => w.Key).ToListAsync()).Order(StringComparer.Ordinal).ToList();
    }

    private async Task<string> TitleAsync(string key)
    {
        await using var db = store.CreateDbContext();
        return (await db.WorkItems.SingleAsync(w => w.Key == key)).Title;
    }

    private sealed class CommittedPages(PipelinedSyncTests test) : IProgress<ScopeSyncResult>
    {
        public void Report(ScopeSyncResult value) => test.committed = value.Pages;
    }
}
