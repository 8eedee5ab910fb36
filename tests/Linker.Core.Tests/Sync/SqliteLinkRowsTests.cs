using Microsoft.EntityFrameworkCore;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Store;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Sync;

public sealed class SqliteLinkRowsTests
{
    [Fact]
    public async Task Writing_links_keeps_the_same_rows_updates_the_changed_inserts_the_new_and_deletes_the_gone()
    {
        using var store = await TempStore.CreateAsync();
        await using (var db = store.CreateDbContext())
        {
            db.Links.AddRange(
                Row("id-PAY-1", "O1-KR1", "Explicit", "label kr:O1-KR1"),
                Row("id-PAY-1", "O1-KR2", "Explicit", "label kr:O1-KR2"),
                Row("id-PAY-2", "O2-KR1", "Inherited", "PAY-1"),
                Row("id-PAY-3", "O3-KR1", "Rule", null),
                Row("id-PAY-4", "O3-KR1", "Rule", "rule 0"));
            await db.SaveChangesAsync();
        }

        var keptRowId = await RowIdAsync(store, "id-PAY-1", "O1-KR1");
        LinkedItem[] items =
        [
            new(Some.Item("PAY-1"), [new("O1-KR1", LinkReason.Explicit, "label kr:O1-KR1"), new("O1-KR2", LinkReason.Explicit, "title token [O1-KR2]")], Bucket.Linked),
            new(Some.Item("PAY-2"), [], Bucket.Unlinked),
            new(Some.Item("PAY-3"), [new("O3-KR1", LinkReason.Rule, null)], Bucket.Linked),
            new(Some.Item("PAY-4"), [new("O3-KR1", LinkReason.Reference, "PAY-1")], Bucket.Linked),
            new(Some.Item("PAY-5"), [new("O1-KR1", LinkReason.Inherited, "PAY-1")], Bucket.Linked),
        ];

        await using (var db = store.CreateDbContext())
        {
            await db.Database.OpenConnectionAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            SqliteLinkRows.Replace(db, items, CancellationToken.None);
            await tx.CommitAsync();
        }

        await using var check = store.CreateDbContext();
        var stored = await check.Links.AsNoTracking().OrderBy(l => l.ExternalId).ThenBy(l => l.KrId).ToListAsync();
        Assert.Equal(
            [
                "id-PAY-1 O1-KR1 Explicit label kr:O1-KR1",
                "id-PAY-1 O1-KR2 Explicit title token [O1-KR2]",
                "id-PAY-3 O3-KR1 Rule (null)",
                "id-PAY-4 O3-KR1 Reference PAY-1",
                "id-PAY-5 O1-KR1 Inherited PAY-1",
            ],
            stored.Select(l => $"{l.ExternalId} {l.KrId} {l.Reason} {l.Via ?? "(null)"}"));
        Assert.All(stored, l => Assert.Equal("jira", l.Source));
        Assert.Equal(keptRowId, await RowIdAsync(store, "id-PAY-1", "O1-KR1"));
    }

    [Fact]
    public async Task An_empty_table_gets_every_link_in_item_order_and_a_kr_an_item_holds_twice_once()
    {
        using var store = await TempStore.CreateAsync();
        LinkedItem[] items =
        [
            new(Some.Item("PAY-1"), [new("O1-KR2", LinkReason.Explicit, "label kr:O1-KR2"), new("O1-KR1", LinkReason.Explicit, "label kr:O1-KR1")], Bucket.Linked),
            new(Some.Item("PAY-2"), [], Bucket.Unlinked),
            new(Some.Item("PAY-3"), [new("O1-KR1", LinkReason.Explicit, "label kr:O1-KR1"), new("O1-KR1", LinkReason.Explicit, "title token [O1-KR1]")], Bucket.Linked),
        ];

        await ReplaceAsync(store, items);

        Assert.Equal(
            [
                "id-PAY-1 O1-KR2 Explicit label kr:O1-KR2",
                "id-PAY-1 O1-KR1 Explicit label kr:O1-KR1",
                "id-PAY-3 O1-KR1 Explicit label kr:O1-KR1",
            ],
            await InRowOrderAsync(store));
    }

    [Fact]
    public async Task Writing_the_same_links_again_leaves_every_row_as_it_was()
    {
        using var store = await TempStore.CreateAsync();
        LinkedItem[] items =
        [
            new(Some.Item("PAY-1"), [new("O1-KR1", LinkReason.Explicit, "label kr:O1-KR1")], Bucket.Linked),
            new(Some.Item("PAY-2"), [new("O1-KR1", LinkReason.Inherited, "PAY-1")], Bucket.Linked),
            new(Some.Item("PAY-3"), [new("O3-KR1", LinkReason.Rule, null)], Bucket.Linked),
        ];
        await ReplaceAsync(store, items);
        var before = await InRowOrderAsync(store, withRowIds: true);

        await ReplaceAsync(store, items);

        Assert.Equal(before, await InRowOrderAsync(store, withRowIds: true));
        Assert.Equal(3, before.Count);
    }

    [Fact]
    public async Task A_link_added_between_stored_ones_is_inserted_and_the_next_write_of_the_same_links_changes_nothing()
    {
        using var store = await TempStore.CreateAsync();
        var first = new LinkedItem(Some.Item("PAY-1"), [new("O1-KR1", LinkReason.Explicit, "label kr:O1-KR1")], Bucket.Linked);
        var third = new LinkedItem(Some.Item("PAY-3"), [new("O2-KR1", LinkReason.Explicit, "label kr:O2-KR1")], Bucket.Linked);
        await ReplaceAsync(store, [first, third]);

        LinkedItem[] items =
        [
            first,
            new(Some.Item("PAY-2"), [new("O1-KR1", LinkReason.Inherited, "PAY-1")], Bucket.Linked),
            third,
        ];
        await ReplaceAsync(store, items);
        var after = await InRowOrderAsync(store, withRowIds: true);
        await ReplaceAsync(store, items);

        // The new row comes last in the table (the stored order no longer follows the items) and the others keep their rows.
        Assert.Equal(
            [
                "1 id-PAY-1 O1-KR1 Explicit label kr:O1-KR1",
                "2 id-PAY-3 O2-KR1 Explicit label kr:O2-KR1",
                "3 id-PAY-2 O1-KR1 Inherited PAY-1",
            ],
            after);
        Assert.Equal(after, await InRowOrderAsync(store, withRowIds: true));
    }

    [Fact]
    public async Task After_the_unchanged_first_links_a_changed_one_is_updated_and_those_past_the_last_wanted_are_deleted()
    {
        using var store = await TempStore.CreateAsync();
        await ReplaceAsync(
            store,
            [
                new(Some.Item("PAY-1"), [new("O1-KR1", LinkReason.Explicit, "label kr:O1-KR1")], Bucket.Linked),
                new(Some.Item("PAY-2"), [new("O1-KR1", LinkReason.Inherited, "PAY-1")], Bucket.Linked),
                new(Some.Item("PAY-3"), [new("O2-KR1", LinkReason.Explicit, "label kr:O2-KR1")], Bucket.Linked),
                new(Some.Item("PAY-4"), [new("O2-KR1", LinkReason.Inherited, "PAY-3")], Bucket.Linked),
            ]);

        await ReplaceAsync(
            store,
            [
                new(Some.Item("PAY-1"), [new("O1-KR1", LinkReason.Explicit, "label kr:O1-KR1")], Bucket.Linked),
                new(Some.Item("PAY-2"), [new("O1-KR1", LinkReason.Explicit, "label kr:O1-KR1")], Bucket.Linked),
                new(Some.Item("PAY-3"), [], Bucket.Unlinked),
                new(Some.Item("PAY-4"), [], Bucket.Unlinked),
            ]);

        Assert.Equal(
            [
                "1 id-PAY-1 O1-KR1 Explicit label kr:O1-KR1",
                "2 id-PAY-2 O1-KR1 Explicit label kr:O1-KR1",
            ],
            await InRowOrderAsync(store, withRowIds: true));
    }

    private static async Task ReplaceAsync(TempStore store, IReadOnlyList<LinkedItem> items)
    {
        await using var db = store.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        SqliteLinkRows.Replace(db, items, CancellationToken.None);
        await tx.CommitAsync();
    }

    // The table's rows in the order SQLite stores them (rowid), each as "[rowid ]external id, KR, reason, via".
    private static async Task<List<string>> InRowOrderAsync(TempStore store, bool withRowIds = false)
    {
        await using var db = store.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT rowid, \"ExternalId\", \"KrId\", \"Reason\", \"Via\" FROM links ORDER BY rowid";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var via = reader.IsDBNull(4) ? "(null)" : reader.GetString(4);
            var row = $"{reader.GetString(1)} {reader.GetString(2)} {reader.GetString(3)} {via}";
            rows.Add(withRowIds ? $"{reader.GetInt64(0)} {row}" : row);
        }

        return rows;
    }

    private static LinkRow Row(string externalId, string krId, string reason, string? via) =>
        new() { Source = "jira", ExternalId = externalId, KrId = krId, Reason = reason, Via = via };

    // An unchanged link is not written again: its row keeps its rowid.
    private static async Task<long> RowIdAsync(TempStore store, string externalId, string krId)
    {
        await using var db = store.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT rowid FROM links WHERE \"ExternalId\" = '{externalId}' AND \"KrId\" = '{krId}'";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
