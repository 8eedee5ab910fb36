using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Sources;
using OkrLinker.Core.Store;
using OkrLinker.Core.Sync;
using OkrLinker.Core.Tests.Linking;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Sync;

/// <summary>
/// The sync engine stores what linking learns from each item alone (<see cref="LinkFacts"/>); the report links from
/// those when they are all there under the current configuration, and otherwise from the whole items, writing the
/// facts back. Either way the links are the same.
/// </summary>
public abstract class StoredLinkFactsTests(string provider, bool directSqlite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider clock = new(Now);
    private TempStore store = null!;

    private static LinkerOptions Options(params string[] tagPatterns)
    {
        var options = new LinkerOptions
        {
            Sources = [new SourceOptions { Name = "jira", Kind = "files", Fields = { KeyResult = "Objective KR" } }],
            Linking =
            {
                Rules = [new RuleOptions { Field = "component", EqualsValue = "Checkout", Kr = "O1-KR2" }],
                Bau = [new RuleOptions { Field = "type", EqualsValue = "Bug" }, new RuleOptions { Label = "support" }],
            },
        };
        if (tagPatterns.Length > 0)
        {
            options.Linking.TagPatterns = [.. tagPatterns];
        }

        return options;
    }

    private static readonly StructuredBacklog Backlog = StructuredBacklog.Generate(seed: 5, initiatives: 12);

    // The generator's backlog, and items that name KRs and other items every way, match rules and BAU rules.
    private static readonly List<WorkItem> Items =
    [
        .. Backlog.Items.Select((item, i) => (i % 5) switch
        {
            0 => item with { Type = "Bug" },
            1 => item with { Title = $"{item.Title} [O2-KR1]", Components = ["Checkout"] },
            2 => item with { Branch = $"feature/{Backlog.Items[(i * 7) % Backlog.Items.Count].Key}-x" },
            _ => item,
        }),
        Some.Item("PAY-1") with { ExternalId = "PAY-1", Type = "Epic", Labels = ["kr:O1-KR1", "frontend"] },
        Some.Item("PAY-2") with { ExternalId = "PAY-2", ParentId = "PAY-1" },
        Some.Item("PAY-3") with { ExternalId = "PAY-3", Labels = ["okr=O2-KR1", "kr:O9-KR9"] },
        Some.Item("PAY-4") with { ExternalId = "PAY-4", Labels = ["kr:O0-KR1"], KrValues = ["O1-KR2; O7-KR1"] },
        Some.Item("PAY-5") with { ExternalId = "PAY-5", Title = "Follow-up of PAY-3", Body = "see AB#4711 and PAY-99" },
        Some.Item("PAY-6") with { ExternalId = "PAY-6", Labels = ["support"] },
        Some.Item("PAY-7") with { ExternalId = "PAY-7", Components = ["Checkout"], Type = "Bug" },
    ];

    public async Task InitializeAsync() => store = await TempStore.CreateAsync(provider);

    public Task DisposeAsync()
    {
        store.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_facts_a_sync_stores_are_the_facts_the_linker_works_out_for_each_item()
    {
        await SyncAsync(Options(), Items);

        var linker = new LinkRunner(store, Microsoft.Extensions.Options.Options.Create(Options())).CreateLinker(Backlog.Okrs);
        var expected = linker.FactsOf(Items).Select(linker.Facts.Encode).ToList();
        var stored = await StoredFactsAsync();

        Assert.Equal(Items.Select(i => i.ExternalId).Zip(expected, (id, facts) => (id, (string?)facts)).OrderBy(p => p.id, StringComparer.Ordinal), stored);
        // PAY-4: a stale label, two KR field tokens (the source's field name), and its own key in its title ("Work on PAY-4").
        Assert.Equal(
            linker.Facts.Stamp + "|-1|-1|3|1|6:O0-KR117:label 'kr:O0-KR1'15:label kr:O0-KR1"
            + "6:O1-KR231:KR field value 'O1-KR2; O7-KR1'29:field \"Objective KR\" = O1-KR2"
            + "6:O7-KR131:KR field value 'O1-KR2; O7-KR1'29:field \"Objective KR\" = O7-KR1"
            + "5:PAY-45:title5:PAY-4",
            stored.Single(s => s.Id == "PAY-4").Facts);
    }

    [Fact]
    public async Task A_report_after_a_sync_links_from_the_stored_facts_and_gives_what_linking_the_whole_items_gives()
    {
        await SyncAsync(Options(), Items);
        var runner = new LinkRunner(store, Microsoft.Extensions.Options.Options.Create(Options()));

        var result = await runner.LinkAsync(Backlog.Okrs, CancellationToken.None);

        if (provider == StoreProvider.Sqlite)
        {
            Assert.NotNull((await ReadForLinkingAsync(runner.CreateLinker(Backlog.Okrs))).Facts);
        }

        var whole = runner.CreateLinker(Backlog.Okrs).Link([.. Items.OrderBy(i => i.Source, StringComparer.Ordinal).ThenBy(i => i.ExternalId, StringComparer.Ordinal)]);
        Assert.Equal(LinkFactsTests.Described(whole), LinkFactsTests.Described(result));
        Assert.Equal(whole.Findings, result.Findings);
    }

    [Fact]
    public async Task A_changed_tag_pattern_takes_the_whole_items_and_stores_the_new_facts_for_the_next_report()
    {
        await SyncAsync(Options(), Items);
        var changed = new LinkRunner(store, Microsoft.Extensions.Options.Options.Create(Options("^okr=(?<kr>.+)$")));
        var linker = changed.CreateLinker(Backlog.Okrs);
        if (provider != StoreProvider.Sqlite)
        {
            return;
        }

        var before = await ReadForLinkingAsync(linker);
        var result = await changed.LinkAsync(Backlog.Okrs, CancellationToken.None);
        var after = await ReadForLinkingAsync(linker);

        Assert.Null(before.Facts);
        Assert.Equal(Items.Count, before.Stale.Count);
        Assert.NotNull(after.Facts);
        Assert.Empty(after.Stale);
        var pay3 = result.Items.Single(i => i.Item.Key == "PAY-3");
        Assert.Equal([new ItemLink("O2-KR1", LinkReason.Explicit, "label okr=O2-KR1")], pay3.Links);
        var again = await changed.LinkAsync(Backlog.Okrs, CancellationToken.None);
        Assert.Equal(LinkFactsTests.Described(result), LinkFactsTests.Described(again));
    }

    [Fact]
    public async Task An_item_synced_without_facts_takes_the_whole_items_until_the_report_has_stored_them()
    {
        await SyncAsync(Options(), Items.Skip(3));
        await SyncAsync(options: null, Items.Take(3), "jira2");
        var runner = new LinkRunner(store, Microsoft.Extensions.Options.Options.Create(Options()));
        var all = Items.Skip(3).Concat(Items.Take(3).Select(i => i with { Source = "jira2" }))
            .OrderBy(i => i.Source, StringComparer.Ordinal).ThenBy(i => i.ExternalId, StringComparer.Ordinal).ToList();
        var whole = runner.CreateLinker(Backlog.Okrs).Link(all);

        var without = (await StoredFactsAsync()).Count(s => s.Facts is null);
        var first = await runner.LinkAsync(Backlog.Okrs, CancellationToken.None);
        var afterFirst = (await StoredFactsAsync()).Count(s => s.Facts is null);
        var second = await runner.LinkAsync(Backlog.Okrs, CancellationToken.None);

        // Written back on SQLite, where the report reads them; PostgreSQL links from the whole items each time.
        Assert.Equal((3, provider == StoreProvider.Sqlite ? 0 : 3), (without, afterFirst));
        Assert.Equal(LinkFactsTests.Described(whole), LinkFactsTests.Described(first));
        Assert.Equal(LinkFactsTests.Described(whole), LinkFactsTests.Described(second));
    }

    [Fact]
    public async Task Facts_written_back_skip_a_row_that_changed_since_it_was_read()
    {
        if (provider != StoreProvider.Sqlite)
        {
            return;
        }

        await SyncAsync(options: null, Items.Take(2));
        await using var db = store.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        var row = await db.WorkItems.AsNoTracking().SingleAsync(w => w.ExternalId == Items[0].ExternalId);
        var changedAt = new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter().ConvertToProviderTyped(row.ChangedAt);

        var written = SqliteWorkItemRows.WriteLinkFacts(
            db, [("jira", Items[0].ExternalId, changedAt, "AAA"), ("jira", Items[1].ExternalId, changedAt + 1, "BBB")], CancellationToken.None);

        Assert.Equal(1, written);
        Assert.Equal(
            [(Items[0].ExternalId, (string?)"AAA"), (Items[1].ExternalId, null)],
            (await StoredFactsAsync()).OrderBy(s => s.Id == Items[1].ExternalId).ToList());
    }

    private async Task SyncAsync(LinkerOptions? options, IEnumerable<WorkItem> items, string source = "jira")
    {
        var engine = new SyncEngine(store, clock, NullLogger<SyncEngine>.Instance, options: options is null ? null : Microsoft.Extensions.Options.Options.Create(options))
        {
            DirectSqlite = directSqlite,
        };
        var fake = new FakeSource(source, [.. items.Select(i => i with { Source = source })]) { PageSize = 50 };
        var result = await engine.SyncScopeAsync(fake, new SourceScope(source, FakeSource.ScopeId), full: false, null, CancellationToken.None);
        Assert.Null(result.Error);
    }

    private async Task<List<(string Id, string? Facts)>> StoredFactsAsync()
    {
        await using var db = store.CreateDbContext();
        var rows = await db.WorkItems.AsNoTracking().Select(w => new { w.ExternalId, w.LinkFacts }).ToListAsync();
        return [.. rows.Select(r => (r.ExternalId, r.LinkFacts)).OrderBy(r => r.ExternalId, StringComparer.Ordinal)];
    }

    private async Task<SqliteWorkItemRows.StoredForLinking> ReadForLinkingAsync(WorkItemLinker linker)
    {
        await using var db = store.CreateDbContext();
        return await SqliteWorkItemRows.ReadForLinkingAsync(db, linker.Facts.Stamp, linker.Facts.Plain, CancellationToken.None, parallelFrom: 2);
    }
}

/// <summary>SQLite, the direct write path.</summary>
public sealed class StoredLinkFactsOnSqliteTests() : StoredLinkFactsTests(StoreProvider.Sqlite, directSqlite: true);

/// <summary>SQLite, written through EF Core as every other provider is.</summary>
public sealed class StoredLinkFactsOnEfCoreTests() : StoredLinkFactsTests(StoreProvider.Sqlite, directSqlite: false);

/// <summary>PostgreSQL: the EF Core write path, and the report from the whole items.</summary>
public sealed class StoredLinkFactsOnPostgresTests() : StoredLinkFactsTests(StoreProvider.Postgres, directSqlite: false);
