using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OkrLinker.Core;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Reports;

namespace OkrLinker.Bench;

/// <summary>
/// The report's first three phases alone on a kept store (<c>ingest --keep</c>): load from store, link, write links,
/// each with its wall time, GC pauses and bytes allocated, then the process's CPU time, peak working set and GC counts,
/// and a hash of every item's key, bucket and links in order (the same hash means the same linking).
/// </summary>
internal static class LinkPhasesScenario
{
    public static async Task RunAsync(string configPath, TextWriter output, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var folder = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(configPath)).Build();
        await using var services = new ServiceCollection().AddLinkerCore(configuration, folder).BuildServiceProvider();
        var okrs = services.GetRequiredService<OkrSetSource>().Load();
        var runner = services.GetRequiredService<LinkRunner>();
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var phases = new BuildPhases();
        var result = await runner.LinkAsync(okrs, phases, cancellationToken);
        self.Refresh();
        var cpu = self.TotalProcessorTime - cpuBefore;

        await output.WriteLineAsync("| phase | wall | CPU | of which GC pauses | allocated | working set after |\n|---|---|---|---|---|---|");
        foreach (var (phase, wall, phaseCpu, paused, allocated, workingSet) in phases.Phases)
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture, $"| {phase} | {wall.TotalSeconds:F2} s | {phaseCpu.TotalSeconds:F2} s | {paused.TotalSeconds:F2} s | {allocated / (1024.0 * 1024.0):N0} MB | {workingSet / (1024.0 * 1024.0):N0} MB |"));
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var item in result.Items)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{item.Item.Source}\t{item.Item.ExternalId}\t{item.Bucket}"));
            foreach (var link in item.Links)
            {
                hash.AppendData(Encoding.UTF8.GetBytes($"\t{link.KrId}\t{link.Reason}\t{link.Via}"));
            }

            hash.AppendData("\n"u8);
        }

        foreach (var finding in result.Findings)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{finding.Rule}\t{finding.Subject}\t{finding.Message}\n"));
        }

        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"three phases {total.Elapsed.TotalSeconds:F2} s with start-up, CPU in them {cpu.TotalSeconds:F2} s, GC pauses {GC.GetTotalPauseDuration().TotalSeconds:F2} s, "
            + $"peak working set {self.PeakWorkingSet64 / (1024.0 * 1024.0):N0} MB, GCs gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, "
            + $"{result.Items.Count:N0} items, {result.Findings.Count:N0} findings, hash {Convert.ToHexString(hash.GetHashAndReset())[..16]}"));
    }
}
