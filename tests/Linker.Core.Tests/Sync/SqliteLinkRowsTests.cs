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
