using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OkrLinker.Core;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Reports;

namespace OkrLinker.Bench;

/// <summary>
/// The <c>report</c> verb's work on a kept store (<c>ingest --keep</c>), in this process, phase by phase: load from
/// the store, link, write links, figures, trend, build, serialize, snapshot write, then each renderer. Each phase's wall
/// time and the bytes allocated in it (all threads), the process's peak working set and GC counts at the end.
/// </summary>
internal static class ReportPhasesScenario
{
    /// <param name="rounds">Reports built one after the other in this process; each prints its phases, the totals are the process's so far.</param>
    public static async Task RunAsync(string configPath, IReadOnlyList<string> formats, int rounds, TextWriter output, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var folder = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(configPath)).Build();
        await using var services = new ServiceCollection().AddLinkerCore(configuration, folder).BuildServiceProvider();
        var options = services.GetRequiredService<IOptions<LinkerOptions>>().Value;
        // As the report verb's host does at start: a store kept by an older build gets the newer columns.
        await services.GetRequiredService<OkrLinker.Core.Store.StoreInitializer>().MigrateAsync(cancellationToken);
        var okrs = services.GetRequiredService<OkrSetSource>().Load();
        var builder = services.GetRequiredService<ReportBuilder>();
        var writer = services.GetRequiredService<ReportWriter>();
        var outFolder = Path.Combine(folder, options.Report.Output);
        using var self = Process.GetCurrentProcess();
        for (var round = 1; round <= rounds; round++)
        {
            // Rounds after the first are a long-running worker's report refresh: the code is compiled and tiered up, and
            // the heap is freed before and after each build as the worker's refresh job frees it.
            if (round > 1)
            {
                await Worker.Scheduling.ReportMemory.ReleaseAsync();
            }

            await RoundAsync(round, rounds, builder, okrs, writer, formats, outFolder, self, total, output, cancellationToken);
            if (rounds > 1)
            {
                await Worker.Scheduling.ReportMemory.ReleaseAsync();
                self.Refresh();
                await output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"round {round}: after the worker's collection, working set {self.WorkingSet64 / (1024.0 * 1024.0):N0} MB, heap {GC.GetTotalMemory(false) / (1024.0 * 1024.0):N0} MB"));
            }
        }
    }

    // A method of its own, so that nothing of a round's report is still referenced when the next round starts.
    private static async Task RoundAsync(
        int round, int rounds, ReportBuilder builder, OkrSet okrs, ReportWriter writer, IReadOnlyList<string> formats, string outFolder,
        Process self, Stopwatch total, TextWriter output, CancellationToken cancellationToken)
    {
        var cpuBefore = self.TotalProcessorTime;
        var phases = new BuildPhases();
        // As the report verb writes them: rendered while the report is serialized and its snapshot stored (so the
        // serialize and snapshot phases hold some of the renderers' work), the JSON file by the serialization itself.
        await using var files = writer.Plan(formats, outFolder);
        var report = await builder.BuildAsync(okrs, builder.ResolveWeek(null), files, phases, cancellationToken);
        await files.CompleteAsync(cancellationToken);
        phases.Mark($"render {string.Join(" + ", formats)} (what is left)");

        self.Refresh();
        if (rounds > 1)
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture, $"round {round}: CPU {(self.TotalProcessorTime - cpuBefore).TotalSeconds:F2} s"));
        }

        await output.WriteLineAsync("| phase | wall | CPU | of which GC pauses | allocated | working set after |\n|---|---|---|---|---|---|");
        foreach (var (phase, wall, cpu, paused, allocated, workingSet) in phases.Phases)
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture, $"| {phase} | {wall.TotalSeconds:F2} s | {cpu.TotalSeconds:F2} s | {paused.TotalSeconds:F2} s | {allocated / (1024.0 * 1024.0):N0} MB | {workingSet / (1024.0 * 1024.0):N0} MB |"));
        }

        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"total {total.Elapsed.TotalSeconds:F2} s, GC pauses {GC.GetTotalPauseDuration().TotalSeconds:F2} s, CPU {self.TotalProcessorTime.TotalSeconds:F2} s, peak working set {self.PeakWorkingSet64 / (1024.0 * 1024.0):N0} MB, "
            + $"GCs gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, {report.UnlinkedItems.Count:N0} unlinked in scope of {report.Totals.Items:N0}"));
    }
}
