using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OkrLinker.Core.Items;
using OkrLinker.Core.Store;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Sync;

public sealed class SqliteReportReadTests
{
    private static readonly DateTimeOffset At = new(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);

    // Stored out of key order. "～" (U+FF5E) sorts before "😀" (U+1F600) by code point, as SQLite orders UTF-8, but
    // after it by UTF-16 unit (the emoji is the surrogate pair D83D DE00), so the key order must be SQLite's own.
    private static readonly WorkItem[] Stored =
    [
        Some.Item("B-1", source: "b") with { ExternalId = "9" },
        Some.Item("A-😀", source: "a") with { ExternalId = "😀", Labels = ["kr:O1-KR1", "frontend"], Components = ["web"] },
        Some.Item("A-10", source: "a") with
        {
            ExternalId = "10", Url = null, Project = null, Area = "Shop\\Checkout", Iteration = "Sprint 7", StoryPoints = 2.5,
            ParentId = "9", ParentKey = "A-9", KrValues = ["O2-KR1"], Resolved = At.AddDays(3), Body = "see A-2", Branch = "feature/a-10",
            Category = StateCategory.Done, State = "Done",
        },
        Some.Item("A-～", source: "a") with { ExternalId = "～", Labels = ["kr:O1-KR1", "frontend"], Category = StateCategory.Removed },
        Some.Item("A-2", source: "a") with { ExternalId = "2", Key = "2", Title = "Ünïcödé title", Category = StateCategory.ToDo, State = "To Do" },
        Some.Item("A-9", source: "a") with { ExternalId = "A-9", Labels = ["activated"], Created = At.AddDays(-40), Updated = At.AddHours(1) },
        Some.Item("B-0", source: "b") with { ExternalId = "0", Team = "platform", Type = "Bug" },
    ];

    [Fact]
    public async Task The_report_read_gives_what_the_EF_Core_mapping_gives_in_SQLite_key_order_on_one_connection_and_on_two()
    {
        using var store = await StoreWith(Stored);
        List<WorkItem> expected;
        await using (var db = store.CreateDbContext())
        {
            expected = [.. (await db.WorkItems.AsNoTracking().OrderBy(w => w.Source).ThenBy(w => w.ExternalId).ToListAsync()).Select(r => r.ToItem())];
        }

        await using var one = store.CreateDbContext();
        var onOne = await SqliteWorkItemRows.ReadAllItemsAsync(one, CancellationToken.None, parallelFrom: int.MaxValue);
        await using var two = store.CreateDbContext();
        var onTwo = await SqliteWorkItemRows.ReadAllItemsAsync(two, CancellationToken.None, parallelFrom: 1);

        Assert.Equal(["10", "2", "A-9", "～", "😀", "0", "9"], onOne.Select(i => i.ExternalId));
        Assert.Equal(expected.Select(i => i.ExternalId), onOne.Select(i => i.ExternalId));
        Assert.Equal(expected.Select(Json), onOne.Select(Json));
        Assert.Equal(expected.Select(Json), onTwo.Select(Json));
    }

    [Fact]
    public async Task Equal_repeating_values_are_one_string_and_equal_label_lists_one_list()
    {
        using var store = await StoreWith(Stored);
        await using var db = store.CreateDbContext();

        var items = await SqliteWorkItemRows.ReadAllItemsAsync(db, CancellationToken.None, parallelFrom: int.MaxValue);

        var emoji = items.Single(i => i.ExternalId == "😀");
        var wave = items.Single(i => i.ExternalId == "～");
        Assert.Same(emoji.Labels, wave.Labels);
        Assert.Same(emoji.Team, wave.Team);
        Assert.Same(emoji.Source, wave.Source);
        var idIsKey = items.Single(i => i.ExternalId == "A-9");
        Assert.Same(idIsKey.ExternalId, idIsKey.Key);
    }

    private static async Task<TempStore> StoreWith(IEnumerable<WorkItem> items)
    {
        var store = await TempStore.CreateAsync();
        await using var db = store.CreateDbContext();
        foreach (var item in items)
        {
            var row = new WorkItemRow { ChangedAt = At };
            item.CopyTo(row, scopeId: "scope");
            db.WorkItems.Add(row);
            await db.SaveChangesAsync();
        }

        return store;
    }

    // Every property, lists by their values.
    private static string Json(WorkItem item) => JsonSerializer.Serialize(item);
}
