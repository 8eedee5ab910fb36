using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OkrLinker.Core.Metrics;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Sources;
using OkrLinker.Core.Store;
using OkrLinker.Worker.Scheduling;
using OkrLinker.Worker.Tests.Support;

namespace OkrLinker.Worker.Tests.Scheduling;

/// <summary>The long-running worker's schedule, with compressed cron expressions and a counting source.</summary>
public sealed class WorkerScheduleTests : IDisposable
{
    private readonly TempConfig config = new TempConfig().WithOkrs(TempConfig.GoodOkrs);

    public void Dispose() => config.Dispose();

    [Fact]
    public async Task Scope_jobs_fire_on_their_schedule_and_one_scope_never_runs_twice_at_once()
    {
        // Every second, but each read takes 1.5 s: without the guard, runs of one scope would overlap.
        var source = new CountingSource("counting", TimeSpan.FromMilliseconds(1500));
        config.WithConfig(Config(schedule: "* * * * * ?"));

        await using (var app = await StartAsync(source))
        {
            await WaitUntilAsync(() => source.Runs.GetValueOrDefault("a") >= 3 && source.Runs.GetValueOrDefault("b") >= 3);
            await app.StopAsync();
        }

        // Three runs of each scope, each one overlapping two later fire times: never two at once.
        Assert.Equal(1, source.MostAtOnce);
    }

    [Fact]
    public async Task A_sync_missed_while_the_worker_was_down_runs_once_at_start_not_once_per_slot()
    {
        // Hourly; the store says the last success was three days ago: 72 slots missed, one run due.
        var source = new CountingSource("counting", TimeSpan.FromMilliseconds(50));
        config.WithConfig(Config(schedule: "0 0 * * * ?"));
        await SeedAsync(db =>
        {
            db.Scopes.Add(new ScopeRow { Source = "counting", ScopeId = "a", Cursor = "1", LastSuccessAt = DateTimeOffset.UtcNow.AddDays(-3), LastFullSyncAt = DateTimeOffset.UtcNow });
            db.Scopes.Add(new ScopeRow { Source = "counting", ScopeId = "b", Cursor = "1", LastSuccessAt = DateTimeOffset.UtcNow, LastFullSyncAt = DateTimeOffset.UtcNow });
        });

        await using (var app = await StartAsync(source))
        {
            await WaitUntilAsync(() => source.Runs.GetValueOrDefault("a") >= 1);
            await Task.Delay(TimeSpan.FromSeconds(2)); // room for a second catch-up run, were there one
            await app.StopAsync();
        }

        Assert.Equal(1, source.Runs.GetValueOrDefault("a"));
        Assert.Equal(0, source.Runs.GetValueOrDefault("b")); // synced this hour: nothing missed
    }

    [Fact]
    public async Task A_sweep_missed_while_the_worker_was_down_runs_once_at_start()
    {
        // Synced this hour, but the last sweep was three days ago: two nightly sweeps missed, one due.
        var source = new CountingSource("counting", TimeSpan.FromMilliseconds(50));
        config.WithConfig(Config(schedule: "0 0 * * * ?"));
        await SeedAsync(db =>
        {
            db.Scopes.Add(new ScopeRow { Source = "counting", ScopeId = "a", Cursor = "1", LastSuccessAt = DateTimeOffset.UtcNow, LastFullSyncAt = DateTimeOffset.UtcNow.AddDays(-3) });
            db.Scopes.Add(new ScopeRow { Source = "counting", ScopeId = "b", Cursor = "1", LastSuccessAt = DateTimeOffset.UtcNow, LastFullSyncAt = DateTimeOffset.UtcNow });
        });

        await using (var app = await StartAsync(source))
        {
            await WaitUntilAsync(() => source.Runs.GetValueOrDefault("a") >= 1);
            await Task.Delay(TimeSpan.FromSeconds(2));
            await app.StopAsync();
        }

        Assert.Equal((1, 1), (source.Runs.GetValueOrDefault("a"), source.WholeReads.GetValueOrDefault("a")));
        Assert.Equal(0, source.Runs.GetValueOrDefault("b"));
    }

    [Fact]
    public async Task A_weekly_report_missed_while_down_is_made_once_at_start_and_not_again_after_a_restart()
    {
        var source = new CountingSource("counting", TimeSpan.FromMilliseconds(50));
        config.WithConfig(Config(schedule: "0 0 * * * ?"));
        await SeedAsync(db => db.Sources.Add(new SourceRow { Name = "counting", Kind = "counting", FirstRunAt = DateTimeOffset.UtcNow.AddDays(-10), LastRunAt = DateTimeOffset.UtcNow.AddDays(-10) }));

        for (var start = 0; start < 2; start++)
        {
            await using var app = await StartAsync(source);
            await WaitUntilAsync(() => Directory.Exists(config.OutFolder) && Directory.GetFiles(config.OutFolder, "*.json").Length > 0);
            await Task.Delay(TimeSpan.FromSeconds(2)); // room for a second report, were there one
            await app.StopAsync();
        }

        // The worker ran before the last Monday 08:00 slot, and that week's report never went out.
        await using var check = Store();
        var delivered = await check.WeeklySnapshots.Where(s => s.DeliveredAt != null).ToListAsync();
        var row = Assert.Single(delivered);
        Assert.Single(Directory.GetFiles(config.OutFolder, "*.json"));
        Assert.Equal(WeeklyReportJob.WeekFor(LastMondayEight(), TimeZoneInfo.Utc, null).ToString(), row.Week);
    }

    [Fact]
    public async Task A_missed_report_whose_first_entry_is_on_record_sends_only_the_second_and_records_it()
    {
        var source = new CountingSource("counting", TimeSpan.FromMilliseconds(50));
        config.WithConfig(Config(schedule: "0 0 * * * ?").Replace(
            "\"Formats\": [\"json\"] }",
            "\"Formats\": [\"json\"], \"Deliver\": [ { \"Kind\": \"files\", \"Folder\": \"../first\" }, { \"Kind\": \"files\", \"Folder\": \"../second\" } ] }",
            StringComparison.Ordinal));
        var week = WeeklyReportJob.WeekFor(LastMondayEight(), TimeZoneInfo.Utc, null).ToString();
        await SeedAsync(db =>
        {
            db.Sources.Add(new SourceRow { Name = "counting", Kind = "counting", FirstRunAt = DateTimeOffset.UtcNow.AddDays(-10), LastRunAt = DateTimeOffset.UtcNow.AddDays(-10) });
            // A node sent the first entry and died before the second.
            db.DeliveryRecords.Add(new DeliveryRecordRow { Week = week, Entry = 0, Kind = "files", DeliveredAt = DateTimeOffset.UtcNow.AddMinutes(-5), Node = "dead-node" });
        });

        await using (var app = await StartAsync(source))
        {
            await WaitUntilAsync(() => Directory.Exists(Path.Combine(config.Root, "second")) && Directory.GetFiles(Path.Combine(config.Root, "second")).Length > 0);
            await app.StopAsync();
        }

        Assert.False(Directory.Exists(Path.Combine(config.Root, "first")) && Directory.GetFiles(Path.Combine(config.Root, "first")).Length > 0);
        await using var check = Store();
        var records = await check.DeliveryRecords.OrderBy(r => r.Entry).ToListAsync();
        Assert.Equal([(week, 0), (week, 1)], records.Select(r => (r.Week, r.Entry)));
        Assert.Equal("dead-node", records[0].Node);
        Assert.False(string.IsNullOrEmpty(records[1].Node) || records[1].Node == "dead-node", records[1].Node);
        Assert.Equal(week, Assert.Single(await check.WeeklySnapshots.Where(s => s.DeliveredAt != null).ToListAsync()).Week);
    }

    [Fact]
    public async Task A_worker_that_never_pulled_metrics_pulls_at_start_and_refreshes_the_figures_with_the_values()
    {
        var metrics = new FakeMetricProvider("sheets", 41);
        config.WithOkrs(TempConfig.SheetsOkrs).WithConfig(MetricsConfig());

        await using (var app = await StartAsync(new CountingSource("counting", TimeSpan.Zero), metrics))
        {
            await WaitUntilAsync(() => ReportOfW47()?.Objectives[0].KeyResults[0].Current is not null);
            await app.StopAsync();
        }

        // One read per KR from 1 October, 41 every day: (41 − 35) / 15 = 0.4 at 57.6% of the period.
        var kr = ReportOfW47()!.Objectives[0].KeyResults[0];
        Assert.Equal((35, 41, 0.4, 0.5761, "at-risk"), (kr.Baseline, kr.Current, kr.Progress, kr.Expected, kr.Status));
        Assert.Equal(2, metrics.Reads);
    }

    [Fact]
    public async Task A_metric_pull_after_the_last_daily_slot_is_not_repeated_at_start()
    {
        var metrics = new FakeMetricProvider("sheets", 41);
        config.WithOkrs(TempConfig.SheetsOkrs).WithConfig(MetricsConfig());
        await SeedAsync(db => db.MetricPulls.Add(new MetricPullRow { KrId = "O1-KR1", LastPullAt = DateTimeOffset.UtcNow, LastSuccessAt = DateTimeOffset.UtcNow }));

        await using (var app = await StartAsync(new CountingSource("counting", TimeSpan.Zero), metrics))
        {
            await Task.Delay(TimeSpan.FromSeconds(2)); // room for a catch-up pull, were there one
            await app.StopAsync();
        }

        Assert.Equal(0, metrics.Reads);
    }

    private WeeklyReport? ReportOfW47()
    {
        using var db = Store();
        var stored = db.WeeklySnapshots.AsNoTracking().Where(s => s.Week == "2026-W47").Select(s => new { s.ReportJson, s.ReportJsonGzip }).SingleOrDefault();
        return stored switch
        {
            { ReportJsonGzip: { } gzip } => ReportJson.Read(System.Text.Encoding.UTF8.GetString(ReportArchive.Gunzip(gzip))),
            { ReportJson: { } json } => ReportJson.Read(json),
            _ => null,
        };
    }

    private static async Task WaitUntilAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while (!done() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(done(), "the worker did not get there within 45 s");
    }

    /// <param name="metrics">Answers for every metric provider name, when given.</param>
    private async Task<WebApplication> StartAsync(CountingSource source, IMetricProvider? metrics = null)
    {
        var app = WorkerHost.Build(config.ConfigPath, services =>
        {
            services.AddSingleton(new SourceKind("counting", (_, _) => source));
            if (metrics is not null)
            {
                services.AddSingleton<MetricProviderLookup>(_ => _ => metrics);
            }
        });
        await app.Services.GetRequiredService<StoreInitializer>().MigrateAsync(CancellationToken.None);
        await app.StartAsync();
        return app;
    }

    private async Task SeedAsync(Action<LinkerDbContext> seed)
    {
        await using var db = Store();
        await db.Database.MigrateAsync();
        seed(db);
        await db.SaveChangesAsync();
    }

    private LinkerDbContext Store()
    {
        Directory.CreateDirectory(Path.Combine(config.Root, "data"));
        return new(new DbContextOptionsBuilder<LinkerDbContext>()
            .UseSqlite($"Data Source={Path.Combine(config.Root, "data", "okrlinker.db")};Pooling=False").Options);
    }

    private static DateTimeOffset LastMondayEight()
    {
        var now = DateTimeOffset.UtcNow;
        var monday = now.Date.AddDays(-(((int)now.DayOfWeek + 6) % 7)).AddHours(8);
        return new DateTimeOffset(monday <= now.UtcDateTime ? monday : monday.AddDays(-7), TimeSpan.Zero);
    }

    private static string MetricsConfig() => $$"""
        {
          "Okrs": { "Path": "okrs.yaml" },
          "Store": { "Provider": "Sqlite", "ConnectionString": "Data Source=../data/okrlinker.db;Pooling=False" },
          "Sources": [ { "Name": "counting", "Kind": "counting", "Schedule": "0 0 * * * ?" } ],
          "Metrics": {{TempConfig.SheetsProvider}},
          "Report": { "Week": "2026-W47", "TimeZone": "UTC", "Output": "../out", "Formats": ["json"] },
          "Worker": { "ShutdownGrace": "00:00:05" },
          "Web": { "Urls": "http://127.0.0.1:0" }
        }
        """;

    private static string Config(string schedule) => $$"""
        {
          "Okrs": { "Path": "okrs.yaml" },
          "Store": { "Provider": "Sqlite", "ConnectionString": "Data Source=../data/okrlinker.db;Pooling=False" },
          "Sources": [ { "Name": "counting", "Kind": "counting", "Schedule": "{{schedule}}" } ],
          "Report": { "TimeZone": "UTC", "Output": "../out", "Formats": ["json"] },
          "Worker": { "ShutdownGrace": "00:00:05" },
          "Web": { "Urls": "http://127.0.0.1:0" }
        }
        """;
}
