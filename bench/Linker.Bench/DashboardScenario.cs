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

    /// <summary>
    /// The first view of one page over a kept folder's stored report (as right after a refresh, in a fresh process): wall,
    /// CPU, bytes allocated and peak working set of reading the report and rendering the page, then the working set once
    /// the garbage is collected (what the worker keeps for the week). <paramref name="wholeParse"/>: the report read as
    /// the dashboard read it before (the whole JSON parsed by the report's deserializer), for comparison.
    /// Pages: <c>home</c>, <c>kr</c> (the first KR), <c>team</c> (the first team), <c>unlinked</c> (filtered by the
    /// first team, sorted by title descending).
    /// </summary>
    public static async Task FirstViewAsync(string configPath, string page, bool wholeParse, TextWriter output, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(configPath)).Build();
        await using var services = new ServiceCollection()
            .AddLinkerCore(configuration, Path.GetDirectoryName(Path.GetFullPath(configPath))!).AddLinkerWeb().BuildServiceProvider();
        var store = services.GetRequiredService<DashboardStore>();
        var archive = services.GetRequiredService<ReportArchive>();
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();

        WeeklyReport? report = (wholeParse ? await archive.ReadReportAsync(null, cancellationToken) : await store.ReportAsync(null, cancellationToken))
            ?? throw new InvalidOperationException("the kept folder holds no stored report");
        var view = new DashboardView(report, null, await store.WeeksAsync(cancellationToken), SignedIn: false);
        var team = report.Teams[0].Team;
        var result = page switch
        {
            "home" => new HtmlPageResult(HomePage.Render(view)),
            "kr" => await DashboardEndpoints.KeyResultPageAsync(view, report.Objectives[0].KeyResults[0].Id, store, cancellationToken),
            "team" => await DashboardEndpoints.TeamPageAsync(view, team, store, cancellationToken),
            "unlinked" => new HtmlPageResult(UnlinkedPage.Render(view, new UnlinkedQuery(team, null, null, null, "title", Descending: true, Page: 1))),
            _ => throw new ArgumentException($"unknown page '{page}' (home, kr, team, unlinked)", nameof(page)),
        };
        var html = ((HtmlPageResult)result).Html;

        var wall = clock.Elapsed;
        self.Refresh();
        var cpuUsed = self.TotalProcessorTime - cpu;
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var peak = self.PeakWorkingSet64;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        self.Refresh();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"first view of {page} ({(wholeParse ? "whole parse, as before" : "dashboard reader")}; {report.UnlinkedItems.Count:N0} unlinked items): " +
            $"wall {wall.TotalSeconds:F2} s, CPU {cpuUsed.TotalSeconds:F2} s, allocated {bytes / 1048576.0:N0} MB, peak working set {peak / 1048576.0:N0} MB, " +
            $"page {html.Length / 1024.0:N0} KiB; after a full collection: heap {GC.GetTotalMemory(false) / 1048576.0:N0} MB, working set {self.WorkingSet64 / 1048576.0:N0} MB"));
        GC.KeepAlive(report);

        // Again in the warm process (JIT and EF Core's model done, as in a worker that has served pages before): the read alone.
        store.Forget(report.Week);
        report = null;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        cpu = self.TotalProcessorTime;
        allocated = GC.GetTotalAllocatedBytes(precise: true);
        clock.Restart();
        var again = wholeParse ? await archive.ReadReportAsync(null, cancellationToken) : await store.ReportAsync(null, cancellationToken);
        wall = clock.Elapsed;
        self.Refresh();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"read again, warm: wall {wall.TotalSeconds:F2} s, CPU {(self.TotalProcessorTime - cpu).TotalSeconds:F2} s, allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0:N0} MB"));
        GC.KeepAlive(again);
    }

    /// <summary>
    /// Renders each page from both reads of the kept folder's stored report (the dashboard's reader and the whole parse)
    /// and prints whether they are the same: home, the first KR, every team, the unlinked page under several queries and its CSV.
    /// </summary>
    public static async Task CheckAsync(string configPath, TextWriter output, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(configPath)).Build();
        await using var services = new ServiceCollection()
            .AddLinkerCore(configuration, Path.GetDirectoryName(Path.GetFullPath(configPath))!).AddLinkerWeb().BuildServiceProvider();
        var store = services.GetRequiredService<DashboardStore>();
        var archive = services.GetRequiredService<ReportArchive>();
        var weeks = await store.WeeksAsync(cancellationToken);
        var read = new DashboardView((await store.ReportAsync(null, cancellationToken))!, null, weeks, SignedIn: false);
        var whole = new DashboardView((await archive.ReadReportAsync(null, cancellationToken))!, null, weeks, SignedIn: false);
        var pages = new List<(string, Func<DashboardView, Task<string>>)>
        {
            ("home", v => Task.FromResult(HomePage.Render(v))),
            ("kr", async v => ((HtmlPageResult)await DashboardEndpoints.KeyResultPageAsync(v, v.Report.Objectives[0].KeyResults[0].Id, store, cancellationToken)).Html),
        };
        pages.AddRange(whole.Report.Teams.Select(t => ($"team {t.Team}", (Func<DashboardView, Task<string>>)(async v =>
            ((HtmlPageResult)await DashboardEndpoints.TeamPageAsync(v, t.Team, store, cancellationToken)).Html))));
        var team = whole.Report.Teams[0].Team;
        foreach (var query in new[]
        {
            new UnlinkedQuery(null, null, null, null, null, false, 1),
            new UnlinkedQuery(team, null, null, null, "title", true, 1),
            new UnlinkedQuery(null, null, "Epic", null, "points", true, 7),
            new UnlinkedQuery(null, null, null, "in progress", "key", false, 4000),
            new UnlinkedQuery(team, null, null, null, "points", false, 2),
        })
        {
            pages.Add(($"unlinked {query}", v => Task.FromResult(UnlinkedPage.Render(v, query))));
            pages.Add(($"unlinked.csv {query}", v => Task.FromResult(UnlinkedPage.Csv(v.Report, query))));
        }

        foreach (var (name, render) in pages)
        {
            var a = await render(read);
            var b = await render(whole);
            await output.WriteLineAsync($"{(a == b ? "same" : "DIFFERENT")} {name} ({a.Length:N0} chars)");
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
