using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Figures;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Sources;
using OkrLinker.Core.Sync;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Reports;

/// <summary>The links are written beside the figures, on their own connection: a failed write must still fail the build.</summary>
public sealed class LinkWriteFailureTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_build_whose_links_cannot_be_written_fails_and_stores_neither_links_nor_a_snapshot()
    {
        using var store = await TempStore.CreateAsync();
        var clock = new FakeTimeProvider(Now);
        var source = new FakeSource("jira", [Some.Item("PAY-1") with { Labels = ["kr:O1-KR1"] }, Some.Item("PAY-2")]);
        await new SyncEngine(store, clock, NullLogger<SyncEngine>.Instance)
            .SyncScopeAsync(source, new SourceScope("jira", FakeSource.ScopeId), full: false, null, CancellationToken.None);
        await using (var db = store.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER no_links BEFORE INSERT ON links BEGIN SELECT RAISE(ABORT, 'links refused'); END");
        }

        var options = Options.Create(new LinkerOptions());
        using var builder = new ReportBuilder(store, new LinkRunner(store, options), options, clock);

        var failure = await Assert.ThrowsAsync<SqliteException>(() => builder.BuildAsync(Some.Okrs(), new IsoWeek(2026, 47), CancellationToken.None));

        Assert.Contains("links refused", failure.Message, StringComparison.Ordinal);
        await using var check = store.CreateDbContext();
        Assert.Equal(0, await check.Links.CountAsync());
        Assert.Equal(0, await check.WeeklySnapshots.CountAsync());
    }
}
