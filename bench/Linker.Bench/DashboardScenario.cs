using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OkrLinker.Core;
using OkrLinker.Core.Reports;
using OkrLinker.Worker.Web;
using OkrLinker.Worker.Web.Dashboard;

namespace OkrLinker.Bench;

/// <summary>
/// The dashboard's server time over a store of N items: the seeded CSV synced and reported by <c>okrlinker</c> in
/// processes of their own (so the week's figures are computed and stored, as the worker's refresh leaves them), then, in
/// this process, each page's work as its handler does it — find the week's snapshot (its parsed report is kept until the
/// snapshot is taken again), read the weeks, render — timed over <see cref="Runs"/> runs after one warm-up; the median and the slowest are reported.
/// </summary>
internal static class DashboardScenario
{
    public const int Runs = 20;

    public static async Task<IReadOnlyList<(string Page, TimeSpan Median, TimeSpan Max, int Bytes)>> RunAsync(
        int items, int seed, TextWriter output, CancellationToken cancellationToken)
    {
        var root = Directory.CreateTempSubdirectory("okrlinker-bench-dash-").FullName;
        try
        {
            var config = Path.Combine(root, "config");
            Directory.CreateDirectory(Path.Combine(config, "export"));
            BenchItems.WriteCsv(Path.Combine(config, "export", "backlog.csv"), items, seed);
            await File.WriteAllTextAsync(Path.Combine(config, "okrs.yaml"), BenchItems.Okrs, cancellationToken);
            var configPath = Path.Combine(config, "linker.json");
            await File.WriteAllTextAsync(configPath, BenchItems.Config("\"json\""), cancellationToken);
            var sync = await StepRunner.RunAsync("sync", items, ["sync", "--config", configPath], cancellationToken);
            var report = await StepRunner.RunAsync("report (figures computed and stored)", items, ["report", "--config", configPath], cancellationToken);
            await output.WriteLineAsync(StepResult.Header);
            await output.WriteLineAsync(sync.Row());
            await output.WriteLineAsync(report.Row());

            var configuration = new ConfigurationBuilder().AddJsonFile(configPath).Build();
            await using var services = new ServiceCollection().AddLinkerCore(configuration, config).AddLinkerWeb().BuildServiceProvider();
            var store = services.GetRequiredService<DashboardStore>();
            var archive = services.GetRequiredService<ReportArchive>();
            var first = Stopwatch.StartNew();
            await ViewAsync(store, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"first view after a refresh (reads and parses the stored report JSON): {first.Elapsed.TotalMilliseconds:F0} ms"));
            var results = new List<(string, TimeSpan, TimeSpan, int)>
            {
                await TimeAsync("home (/)", async () => HomePage.Render(await ViewAsync(store, cancellationToken))),
                await TimeAsync("unlinked (/unlinked, page 1, sorted by points)", async () => UnlinkedPage.Render(
                    await ViewAsync(store, cancellationToken), new UnlinkedQuery(null, null, null, null, "points", true, 1))),
                await TimeAsync("render only: home, report already parsed", await RenderOnlyAsync(store, cancellationToken)),
                await TimeAsync("once per refresh: read and parse the stored report JSON", async () =>
                {
                    var json = await archive.ReadJsonAsync(null, cancellationToken) ?? "";
                    _ = ReportJson.Read(json);
                    return json;
                }),
            };

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| page ({items:N0} stored items, {Runs} runs) | median | slowest | size |"));
            await output.WriteLineAsync("|---|---|---|---|");
            foreach (var (page, median, max, bytes) in results)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| {page} | {median.TotalMilliseconds:F2} ms | {max.TotalMilliseconds:F2} ms | {bytes / 1024.0:F0} KiB |"));
            }

            return results;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<DashboardView> ViewAsync(DashboardStore store, CancellationToken cancellationToken)
    {
        var report = await store.ReportAsync(null, cancellationToken) ?? throw new InvalidOperationException("the report step stored no report");
        return new DashboardView(report, null, await store.WeeksAsync(cancellationToken), SignedIn: false);
    }

    private static async Task<Func<Task<string>>> RenderOnlyAsync(DashboardStore store, CancellationToken cancellationToken)
    {
        var view = await ViewAsync(store, cancellationToken);
        return () => Task.FromResult(HomePage.Render(view));
    }

    private static async Task<(string, TimeSpan, TimeSpan, int)> TimeAsync(string page, Func<Task<string>> render)
    {
        var bytes = (await render()).Length; // warm-up: JIT, connection pool, first query plans
        var times = new List<TimeSpan>();
        for (var run = 0; run < Runs; run++)
        {
            var clock = Stopwatch.StartNew();
            bytes = (await render()).Length;
            times.Add(clock.Elapsed);
        }

        times.Sort();
        return (page, times[Runs / 2], times[^1], bytes);
    }
}
