using Microsoft.EntityFrameworkCore;
using OkrLinker.Core.Store;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Storage;

/// <summary>
/// <c>write_records</c> keeps every column of an approval as written, on both providers: the dashboard's history and
/// an audit read them back, and PostgreSQL's timestamptz only takes offset zero (the store converts).
/// </summary>
public abstract class WriteRecordStorageTests(string provider) : IAsyncLifetime, IDisposable
{
    private TempStore store = null!;

    public async Task InitializeAsync() => store = await TempStore.CreateAsync(provider);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        store.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_refused_write_reads_back_column_for_column_and_its_approval_time_as_the_same_instant()
    {
        // 10:30 in Berlin is 09:30 UTC; the answer holds a dash and quotes as trackers write them; no status for a write never sent.
        var sent = string.Join('\n', Enumerable.Range(0, 40).Select(i => $"PATCH /acme/_apis/wit/workitems/{i}?api-version=7.1 [{{\"op\":\"add\"}}]"));
        await using (var db = store.CreateDbContext())
        {
            db.WriteRecords.Add(new WriteRecordRow
            {
                Source = "ado", ExternalId = "4711", Key = "4711", KrId = "O1-KR1", Tag = "kr:O1-KR1",
                ApprovedBy = "dashboard login (Ada)", ApprovedAt = new DateTimeOffset(2026, 11, 20, 10, 30, 0, TimeSpan.FromHours(1)),
                Succeeded = false, Status = null, Sent = sent, Answer = "Source 'ado': “read-only” token — nothing was changed here.",
                SyncTriggered = false,
            });
            await db.SaveChangesAsync();
        }

        await using var read = store.CreateDbContext();
        var row = Assert.Single(await read.WriteRecords.AsNoTracking().ToListAsync());
        Assert.Equal(
            ("ado", "4711", "4711", "O1-KR1", "kr:O1-KR1", "dashboard login (Ada)", false, (int?)null, false),
            (row.Source, row.ExternalId, row.Key, row.KrId, row.Tag, row.ApprovedBy, row.Succeeded, row.Status, row.SyncTriggered));
        Assert.Equal(new DateTime(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc), row.ApprovedAt.UtcDateTime);
        Assert.Equal(sent, row.Sent);
        Assert.Equal("Source 'ado': “read-only” token — nothing was changed here.", row.Answer);
        Assert.True(row.Id > 0);
    }

    [Fact]
    public async Task Records_of_one_item_are_found_by_its_source_and_external_id_and_get_rising_ids()
    {
        await using (var db = store.CreateDbContext())
        {
            foreach (var (source, id, status) in new[] { ("gh", "101", 403), ("gh", "101", 200), ("gh", "102", 200), ("jira", "101", 204) })
            {
                db.WriteRecords.Add(new WriteRecordRow
                {
                    Source = source, ExternalId = id, Key = id, KrId = "O1-KR1", Tag = "kr:O1-KR1", ApprovedBy = "api-key",
                    ApprovedAt = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), Succeeded = status < 300, Status = status,
                });
                await db.SaveChangesAsync();
            }
        }

        await using var read = store.CreateDbContext();
        var rows = await read.WriteRecords.AsNoTracking().Where(r => r.Source == "gh" && r.ExternalId == "101").OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([(403, false), (200, true)], rows.Select(r => (r.Status!.Value, r.Succeeded)));
        Assert.True(rows[0].Id < rows[1].Id);
    }
}

/// <summary>The suite on a SQLite file.</summary>
public sealed class WriteRecordStorageOnSqliteTests() : WriteRecordStorageTests(StoreProvider.Sqlite);

/// <summary>The suite on PostgreSQL.</summary>
public sealed class WriteRecordStorageOnPostgresTests() : WriteRecordStorageTests(StoreProvider.Postgres);
