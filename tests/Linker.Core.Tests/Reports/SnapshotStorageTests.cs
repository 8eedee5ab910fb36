using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Figures;
using OkrLinker.Core.Items;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Sources;
using OkrLinker.Core.Store;
using OkrLinker.Core.Sync;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Reports;

/// <summary>The week's stored report: gzip-compressed JSON, older rows' text still read, the trend reading neither.</summary>
public abstract class SnapshotStorageTests(string provider) : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly IsoWeek W47 = new(2026, 47);

    private static readonly OkrSet Okrs = OkrLoader.Parse("""
        period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }
        objectives:
          - id: O1
            title: New users quickly find value in the product
            keyResults:
              - { id: O1-KR1, title: Raise activation from 35% to 50%, baseline: 35, target: 50 }
        """, "okrs.yaml");

    private readonly FakeTimeProvider clock = new(Now);
    private readonly CommandLog commands = new();
    private TempStore store = null!;
    private ReportBuilder builder = null!;

    public async Task InitializeAsync()
    {
        store = await TempStore.CreateAsync(provider);
        var options = Options.Create(new LinkerOptions());
        var logged = new LoggedStore(store, commands);
        builder = new ReportBuilder(logged, new LinkRunner(logged, options), options, clock);
        var source = new FakeSource("jira", [
            Item("PAY-1", "kr:O1-KR1"),
            Item("PAY-2"),
        ]);
        await new SyncEngine(store, clock, NullLogger<SyncEngine>.Instance)
            .SyncScopeAsync(source, new SourceScope("jira", FakeSource.ScopeId), full: false, null, CancellationToken.None);
    }

    public void Dispose()
    {
        builder.Dispose();
        GC.SuppressFinalize(this);
    }

    public Task DisposeAsync()
    {
        store.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_week_is_stored_gzip_compressed_and_read_back_as_the_bytes_of_the_json_file()
    {
        var report = await builder.BuildAsync(Okrs, W47, CancellationToken.None);
        var file = await JsonFileAsync(report);

        await using (var db = store.CreateDbContext())
        {
            var row = await db.WeeklySnapshots.SingleAsync(s => s.Week == "2026-W47");
            Assert.Null(row.ReportJson);
            Assert.Equal(file, ReportArchive.Gunzip(row.ReportJsonGzip!));
        }

        var archive = new ReportArchive(store);
        Assert.Equal(Encoding.UTF8.GetString(file), await archive.ReadJsonAsync(null, CancellationToken.None));
        Assert.Equal(Encoding.UTF8.GetString(file), await archive.ReadJsonAsync("2026-W47", CancellationToken.None));
        var read = await archive.ReadReportAsync(null, CancellationToken.None);
        Assert.Equal(Render(report), Render(read!));
    }

    [Fact]
    public async Task A_row_stored_as_text_before_the_compressed_column_is_still_read_and_a_rebuild_replaces_it()
    {
        var built = await builder.BuildAsync(Okrs, W47, CancellationToken.None);
        var text = Encoding.UTF8.GetString(await JsonFileAsync(built));
        await using (var db = store.CreateDbContext())
        {
            // As a store written before the migration holds it: W46's text, and W47 as text too.
            db.WeeklySnapshots.Add(new WeeklySnapshotRow { Week = "2026-W46", ReportJson = "{\"week\":\"2026-W46\"}" });
            var w47 = await db.WeeklySnapshots.SingleAsync(s => s.Week == "2026-W47");
            w47.ReportJson = text;
            w47.ReportJsonGzip = null;
            await db.SaveChangesAsync();
        }

        var archive = new ReportArchive(store);
        Assert.Equal("{\"week\":\"2026-W46\"}", await archive.ReadJsonAsync("2026-W46", CancellationToken.None));
        Assert.Equal(text, await archive.ReadJsonAsync(null, CancellationToken.None));
        Assert.Equal(Render(built), Render((await archive.ReadReportAsync(null, CancellationToken.None))!));
        Assert.Equal("2026-W46", (await archive.ReadReportAsync("2026-W46", CancellationToken.None))!.Week);
        Assert.Null(await archive.ReadJsonAsync("2026-W45", CancellationToken.None));

        clock.Advance(TimeSpan.FromMinutes(5));
        var rebuilt = await builder.BuildAsync(Okrs, W47, CancellationToken.None);

        await using var check = store.CreateDbContext();
        var row = await check.WeeklySnapshots.SingleAsync(s => s.Week == "2026-W47");
        Assert.Null(row.ReportJson);
        Assert.Equal(await JsonFileAsync(rebuilt), ReportArchive.Gunzip(row.ReportJsonGzip!));
    }

    [Fact]
    public async Task A_build_reads_no_stored_report_json_for_the_trend_or_the_snapshot()
    {
        await using (var db = store.CreateDbContext())
        {
            db.WeeklySnapshots.Add(new WeeklySnapshotRow { Week = "2026-W46", UnlinkedShare = 0.25, ReportJson = "{}", ReportJsonGzip = [1, 2, 3] });
            await db.SaveChangesAsync();
        }

        var report = await builder.BuildAsync(Okrs, W47, CancellationToken.None);
        await builder.BuildAsync(Okrs, W47, CancellationToken.None);

        Assert.Equal(new TrendPoint("2026-W46", 0.25, false), report.Trend[^2]);
        var reads = commands.Texts.Where(c => c.Contains("weekly_snapshots", StringComparison.Ordinal) && c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(4, reads.Count); // the trend and the snapshot's delivery time, twice
        Assert.All(reads, c => Assert.DoesNotContain("ReportJson", c, StringComparison.Ordinal));
    }

    private static async Task<byte[]> JsonFileAsync(WeeklyReport report)
    {
        using var file = new MemoryStream();
        await new JsonReportRenderer().RenderAsync(report, file, CancellationToken.None);
        return file.ToArray();
    }

    private static string Render(WeeklyReport report) => System.Text.Json.JsonSerializer.Serialize(report, ReportJson.Options);

    private static WorkItem Item(string key, params string[] labels) => new()
    {
        Source = "jira",
        ExternalId = key,
        Key = key,
        Title = key,
        Type = "Story",
        State = "In Progress",
        Category = StateCategory.InProgress,
        Team = "payments",
        Labels = labels,
        Created = new(2026, 11, 4, 9, 0, 0, TimeSpan.Zero),
        Updated = new(2026, 11, 4, 9, 0, 0, TimeSpan.Zero),
    };

    /// <summary>The text of every command the store ran.</summary>
    private sealed class CommandLog : DbCommandInterceptor
    {
        private readonly List<string> texts = [];

        public IReadOnlyList<string> Texts
        {
            get
            {
                lock (texts)
                {
                    return [.. texts];
                }
            }
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Add(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Add(command);
            return ValueTask.FromResult(result);
        }

        private void Add(DbCommand command)
        {
            lock (texts)
            {
                texts.Add(command.CommandText);
            }
        }
    }

    /// <summary>The temp store with the command log on every context.</summary>
    private sealed class LoggedStore(TempStore store, CommandLog log) : IDbContextFactory<LinkerDbContext>
    {
        public LinkerDbContext CreateDbContext() =>
            new(new DbContextOptionsBuilder<LinkerDbContext>().UseStore(store.Provider, store.ConnectionString).AddInterceptors(log).Options);
    }
}

/// <summary>The suite on a SQLite file.</summary>
public sealed class SnapshotStorageOnSqliteTests() : SnapshotStorageTests(StoreProvider.Sqlite);

/// <summary>The suite on PostgreSQL.</summary>
public sealed class SnapshotStorageOnPostgresTests() : SnapshotStorageTests(StoreProvider.Postgres);
