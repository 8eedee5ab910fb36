using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OkrLinker.Core.Metrics;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Sources;
using OkrLinker.Core.Store;
using OkrLinker.Worker.Scheduling;
using OkrLinker.Worker.Tests.Support;

namespace OkrLinker.Worker.Tests.Scheduling;

/// <summary>The worker's daily metric pull (<c>Metrics.Schedule</c>), with a fake provider behind the configured <c>sheets</c> name.</summary>
public sealed class MetricPullScheduleTests : IDisposable
{
    private const string Okrs = """
        period: { name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 }
        objectives:
          - id: O1
            title: New users quickly find value in the product
            keyResults:
              - id: O1-KR1
                title: Raise day-7 activation from 35% to 50%
                baseline: 35
                target: 50
                metric: { provider: sheets, query: activation.csv, unit: "%" }
        """;

    private readonly TempConfig config = new TempConfig().WithOkrs(Okrs).WithConfig("""
        {
          "Okrs": { "Path": "okrs.yaml" },
          "Store": { "Provider": "Sqlite", "ConnectionString": "Data Source=../data/okrlinker.db;Pooling=False" },
          "Sources": [ { "Name": "counting", "Kind": "counting", "Schedule": "0 0 * * * ?" } ],
          "Metrics": { "Schedule": "0 0 6 * * ?", "Providers": [ { "Name": "sheets", "Kind": "csv", "Path": "samples/metrics" } ] },
          "Report": { "Week": "2026-W47", "TimeZone": "UTC", "Output": "../out", "Formats": ["json"] },
          "Worker": { "ShutdownGrace": "00:00:05" },
          "Web": { "Urls": "http://127.0.0.1:0" }
        }
        """);

    private readonly FakeMetricProvider provider = new("sheets", 41);

    public void Dispose() => config.Dispose();

    [Fact]
    public async Task A_worker_that_never_pulled_pulls_at_start_and_refreshes_the_figures_with_the_values()
    {
        await using (var app = await StartAsync())
        {
            await WaitUntilAsync(() => ReportOfW47()?.Objectives[0].KeyResults[0].Current is not null);
            await app.StopAsync();
        }

        // From 1 October, one sample a day, 41 each: (41 − 35) / 15 = 0.4 in W47.
        var kr = ReportOfW47()!.Objectives[0].KeyResults[0];
        Assert.Equal((35, 41, 0.4, 0.5761, "at-risk"), (kr.Baseline, kr.Current, kr.Progress, kr.Expected, kr.Status));
        Assert.Equal(1, provider.Reads);
    }

    [Fact]
    public async Task A_pull_after_the_last_daily_slot_is_not_repeated_at_start()
    {
        await using (var db = Store())
        {
            await db.Database.MigrateAsync();
            db.MetricPulls.Add(new MetricPullRow { KrId = "O1-KR1", LastPullAt = DateTimeOffset.UtcNow, LastSuccessAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        await using (var app = await StartAsync())
        {
            await Task.Delay(TimeSpan.FromSeconds(2)); // room for a catch-up pull, were there one
            await app.StopAsync();
        }

        Assert.Equal(0, provider.Reads);
    }

    private WeeklyReport? ReportOfW47()
    {
        using var db = Store();
        var json = db.WeeklySnapshots.AsNoTracking().Where(s => s.Week == "2026-W47").Select(s => s.ReportJson).SingleOrDefault();
        return json is null ? null : ReportJson.Read(json);
    }

    private async Task<WebApplication> StartAsync()
    {
        var app = WorkerHost.Build(config.ConfigPath, services =>
        {
            services.AddSingleton(new SourceKind("counting", (_, _) => new CountingSource("counting", TimeSpan.Zero)));
            services.AddSingleton<MetricProviderLookup>(_ => name => name == "sheets" ? provider : null);
        });
        await app.Services.GetRequiredService<StoreInitializer>().MigrateAsync(CancellationToken.None);
        await app.StartAsync();
        return app;
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

    private LinkerDbContext Store()
    {
        Directory.CreateDirectory(Path.Combine(config.Root, "data"));
        return new(new DbContextOptionsBuilder<LinkerDbContext>()
            .UseSqlite($"Data Source={Path.Combine(config.Root, "data", "okrlinker.db")};Pooling=False").Options);
    }
}
