using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Sources;
using OkrLinker.Core.Sync;
using OkrLinker.Core.Store;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Sync;

public abstract class FieldStreamSyncTests(string provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private TempStore store = null!;
    private SyncEngine engine = null!;

    public async Task InitializeAsync()
    {
        store = await TempStore.CreateAsync(provider);
        engine = new SyncEngine(store, new FakeTimeProvider(Now), NullLogger<SyncEngine>.Instance);
    }

    public Task DisposeAsync()
    {
        store.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Field_values_join_the_items_they_name_and_survive_item_upserts()
    {
        var items = new FakeSource("gh", [Item("1", "acme/web#1"), Item("2", "acme/web#2")]);
        var project = new FakeFieldSource("gh", new() { ["1"] = ["O1-KR1"], ["3"] = ["O1-KR2"] });

        await engine.SyncScopeAsync(project, project.Scope, full: false, null, CancellationToken.None);
        await engine.SyncScopeAsync(items, new SourceScope("gh", FakeSource.ScopeId), full: true, null, CancellationToken.None);

        // acme/web#1 gets O1-KR1 from the project although the item itself carries no KR field;
        // the value for id 3 waits for an item that is not synced yet.
        var linked = await LinkAsync();
        Assert.Equal([("acme/web#1", "O1-KR1"), ("acme/web#2", "")], linked);
    }

    [Fact]
    public async Task A_completed_run_drops_the_values_it_no_longer_reports()
    {
        var project = new FakeFieldSource("gh", new() { ["1"] = ["O1-KR1"], ["2"] = ["O1-KR2"], ["3"] = ["O1-KR1"] });
        await engine.SyncScopeAsync(project, project.Scope, full: false, null, CancellationToken.None);
        project.Values.Remove("2");
        project.Values["3"] = ["O1-KR2"];

        var result = await engine.SyncScopeAsync(project, project.Scope, full: false, null, CancellationToken.None);

        Assert.Equal((2, 1, 1, 1), (result.Read, result.Updated, result.Unchanged, result.Removed));
        await using var db = store.CreateDbContext();
        var stored = await db.FieldValues.OrderBy(f => f.ExternalId).Select(f => f.ExternalId + "=" + f.KrValues).ToListAsync();
        Assert.Equal(["1=[\"O1-KR1\"]", "3=[\"O1-KR2\"]"], stored);
    }

    private async Task<List<(string Key, string Kr)>> LinkAsync()
    {
        var okrs = OkrLoader.Parse("""
            period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }
            objectives:
              - id: O1
                title: New users find value
                keyResults:
                  - { id: O1-KR1, title: Raise activation from 35% to 50%, baseline: 35, target: 50 }
                  - { id: O1-KR2, title: Cut time to value from 9 to 4 minutes, baseline: 9, target: 4 }
            """, "okrs.yaml");
        var result = await new LinkRunner(store, Options.Create(new LinkerOptions())).LinkAsync(okrs, CancellationToken.None);
        return result.Items.Select(i => (i.Item.Key, string.Join(",", i.Links.Select(l => l.KrId)))).OrderBy(x => x.Key).ToList();
    }

    private static WorkItem Item(string id, string key) => new()
    {
        Source = "gh",
        ExternalId = id,
        Key = key,
        Title = key,
        Type = "issue",
        State = "open",
        Category = StateCategory.InProgress,
        Team = "web",
        Created = Now.AddDays(-3),
        Updated = Now.AddDays(-1),
    };
}

/// <summary>The suite on a SQLite file.</summary>
public sealed class FieldStreamSyncOnSqliteTests() : FieldStreamSyncTests(StoreProvider.Sqlite);

/// <summary>The suite on PostgreSQL.</summary>
public sealed class FieldStreamSyncOnPostgresTests() : FieldStreamSyncTests(StoreProvider.Postgres);
