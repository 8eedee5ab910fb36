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

/// <summary>A report's files written while it is built: in place only once the build is done, the JSON one the snapshot's bytes.</summary>
public sealed class ReportFilesTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly IsoWeek W47 = new(2026, 47);

    private readonly string folder = Path.Combine(Path.GetTempPath(), "okrlinker-files-" + Guid.NewGuid().ToString("N"));
    private readonly ReportWriter writer = new([new MarkdownReportRenderer(), new JsonReportRenderer(), new HtmlReportRenderer(), new CsvReportRenderer()]);
    private readonly FakeTimeProvider clock = new(Now);
    private TempStore store = null!;
    private ReportBuilder builder = null!;

    public async Task InitializeAsync()
    {
        store = await TempStore.CreateAsync();
        var options = Options.Create(new LinkerOptions());
        builder = new ReportBuilder(store, new LinkRunner(store, options), options, clock);
        var source = new FakeSource("jira", [Some.Item("PAY-1") with { Labels = ["kr:O1-KR1"] }, Some.Item("PAY-2"), Some.Item("PAY-3")]);
        await new SyncEngine(store, clock, NullLogger<SyncEngine>.Instance)
            .SyncScopeAsync(source, new SourceScope("jira", FakeSource.ScopeId), full: false, null, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        store.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        builder.Dispose();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_files_appear_once_complete_and_the_json_file_holds_the_bytes_of_the_stored_snapshot()
    {
        await using var files = writer.Plan(["csv", "json", "md", "html"], folder);
        var report = await builder.BuildAsync(Some.Okrs(), W47, files, CancellationToken.None);

        Assert.DoesNotContain(Directory.GetFiles(folder), f => !f.EndsWith(".tmp", StringComparison.Ordinal));

        var written = await files.CompleteAsync(CancellationToken.None);

        Assert.Equal([.. new[] { "csv", "json", "md", "html" }.Select(f => Path.Combine(folder, "report-2026-W47." + f))], written);
        Assert.Equal(
            ["report-2026-W47.csv", "report-2026-W47.html", "report-2026-W47.json", "report-2026-W47.md"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var json = await File.ReadAllBytesAsync(Path.Combine(folder, "report-2026-W47.json"));
        Assert.Equal(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(report, ReportJson.Options), json);
        await using var db = store.CreateDbContext();
        var row = await db.WeeklySnapshots.SingleAsync(s => s.Week == "2026-W47");
        Assert.Equal(json, ReportArchive.Gunzip(row.ReportJsonGzip!));
        Assert.Equal(await RenderAsync(new CsvReportRenderer(), report), await File.ReadAllBytesAsync(Path.Combine(folder, "report-2026-W47.csv")));
        Assert.Equal(await RenderAsync(new HtmlReportRenderer(), report), await File.ReadAllBytesAsync(Path.Combine(folder, "report-2026-W47.html")));
    }

    [Fact]
    public async Task A_failed_build_leaves_no_file_not_even_a_temporary_one()
    {
        await using (var db = store.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER no_links BEFORE INSERT ON links BEGIN SELECT RAISE(ABORT, 'links refused'); END");
        }

        await using (var files = writer.Plan(["md", "json", "html", "csv"], folder))
        {
            await Assert.ThrowsAsync<SqliteException>(() => builder.BuildAsync(Some.Okrs(), W47, files, CancellationToken.None));
        }

        Assert.False(Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any());
        await using var check = store.CreateDbContext();
        Assert.Equal(0, await check.WeeklySnapshots.CountAsync());
    }

    [Fact]
    public async Task A_json_file_that_cannot_be_written_fails_that_file_alone_after_the_snapshot_is_stored()
    {
        // A folder where the JSON file's temporary one would go: it cannot be created.
        Directory.CreateDirectory(Path.Combine(folder, "report-2026-W47.json.tmp"));
        await using var files = writer.Plan(["md", "json"], folder);
        var report = await builder.BuildAsync(Some.Okrs(), W47, files, CancellationToken.None);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => files.CompleteAsync(CancellationToken.None));

        Assert.True(failure is IOException or UnauthorizedAccessException, failure.GetType().Name);
        Assert.True(File.Exists(Path.Combine(folder, "report-2026-W47.md")));
        Assert.False(File.Exists(Path.Combine(folder, "report-2026-W47.json")));
        await using var db = store.CreateDbContext();
        var row = await db.WeeklySnapshots.SingleAsync(s => s.Week == "2026-W47");
        Assert.Equal(ReportJson.Utf8(report), ReportArchive.Gunzip(row.ReportJsonGzip!));
    }

    [Fact]
    public async Task A_report_serialized_before_its_files_gets_a_json_file_of_the_same_bytes()
    {
        var report = await builder.BuildAsync(Some.Okrs(), W47, CancellationToken.None);

        await writer.WriteAsync(report, ["json"], folder, CancellationToken.None);

        Assert.Equal(
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(report, ReportJson.Options),
            await File.ReadAllBytesAsync(Path.Combine(folder, "report-2026-W47.json")));
    }

    private static async Task<byte[]> RenderAsync(IReportRenderer renderer, WeeklyReport report)
    {
        using var bytes = new MemoryStream();
        await renderer.RenderAsync(report, bytes, CancellationToken.None);
        return bytes.ToArray();
    }
}
