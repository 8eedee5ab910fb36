using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OkrLinker.Core;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Reports;

namespace OkrLinker.Bench;

/// <summary>
/// What each part of a report's output costs alone, on a kept store (<c>ingest --keep</c>): the report is built once,
/// then each part runs by itself on one thread, <c>--repeat</c> times (the first round is closest to the verb, whose
/// code is still on its first JIT tier): the JSON writer, its gzip, each renderer to a file, and the JSON bytes written
/// to a file. Wall, process CPU and bytes allocated for each.
/// </summary>
internal static class OutputPartsScenario
{
    /// <param name="only">When given, only the parts whose name holds this text run (to profile one part).</param>
    public static async Task RunAsync(string configPath, int repeat, string? only, TextWriter output, CancellationToken cancellationToken)
    {
        Only = only;
        var folder = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(configPath)).Build();
        await using var services = new ServiceCollection().AddLinkerCore(configuration, folder).BuildServiceProvider();
        await services.GetRequiredService<OkrLinker.Core.Store.StoreInitializer>().MigrateAsync(cancellationToken);
        var okrs = services.GetRequiredService<OkrSetSource>().Load();
        var builder = services.GetRequiredService<ReportBuilder>();
        var report = await builder.BuildAsync(okrs, builder.ResolveWeek(null), cancellationToken);
        var renderers = services.GetRequiredService<IEnumerable<IReportRenderer>>().ToDictionary(r => r.Format);
        var scratch = Path.Combine(Path.GetTempPath(), $"okrlinker-parts-{Environment.ProcessId}");
        Directory.CreateDirectory(scratch);
        await output.WriteLineAsync("| round | part | wall | CPU | allocated |\n|---|---|---|---|---|");
        try
        {
            for (var round = 1; round <= repeat; round++)
            {
                byte[] json = [];
                await PartAsync(output, round, "JSON writer (to memory)", () =>
                {
                    using var bytes = new ChunkedBytes();
                    ReportJsonWriter.Write(bytes, report, ReportJson.Options);
                    json = bytes.ToArray();
                    return Task.CompletedTask;
                });
                await PartAsync(output, round, "JSON writer (to nothing)", () =>
                {
                    ReportJsonWriter.Write(Stream.Null, report, ReportJson.Options);
                    return Task.CompletedTask;
                });
                byte[] zipped = [];
                await PartAsync(output, round, "gzip fastest", () =>
                {
                    using var compressed = new MemoryStream();
                    using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
                    {
                        for (var at = 0; at < json.Length; at += 64 * 1024)
                        {
                            gzip.Write(json.AsSpan(at, Math.Min(64 * 1024, json.Length - at)));
                        }
                    }

                    zipped = compressed.ToArray();
                    return Task.CompletedTask;
                });
                await PartAsync(output, round, $"gunzip ({zipped.Length / 1024} KB) to a file", async () =>
                {
                    await using var file = File.Create(Path.Combine(scratch, "gunzipped.json"));
                    await using var json = new GZipStream(new MemoryStream(zipped, writable: false), CompressionMode.Decompress);
                    await json.CopyToAsync(file, 64 * 1024, cancellationToken);
                });
                await PartAsync(output, round, "JSON writer to a file", async () =>
                {
                    await using var file = File.Create(Path.Combine(scratch, "written.json"));
                    ReportJsonWriter.Write(file, report, ReportJson.Options);
                });
                await PartAsync(output, round, "JSON bytes to a file", async () =>
                {
                    await using var file = File.Create(Path.Combine(scratch, "bytes.json"));
                    for (var at = 0; at < json.Length; at += 64 * 1024)
                    {
                        await file.WriteAsync(json.AsMemory(at, Math.Min(64 * 1024, json.Length - at)), cancellationToken);
                    }
                });
                // The verb's path: a fresh report instance (its one serialization not yet made), the files planned and
                // started as the builder starts them, the serialization writing the JSON file and the gzip, then completed.
                var fresh = report with { };
                var writer = services.GetRequiredService<ReportWriter>();
                await PartAsync(output, round, "the four files as the verb writes them (serialize + gzip + renders beside it)", async () =>
                {
                    await using var files = writer.Plan(["md", "json", "html", "csv"], Path.Combine(scratch, "verb"));
                    files.Start(fresh, cancellationToken);
                    _ = ReportJson.Serialize(fresh).Gzip;
                    await files.CompleteAsync(cancellationToken);
                });
                foreach (var format in new[] { "json", "html", "csv", "md" })
                {
                    await PartAsync(output, round, $"render {format} to a file", async () =>
                    {
                        await using var file = File.Create(Path.Combine(scratch, "report." + format));
                        await renderers[format].RenderAsync(report, file, cancellationToken);
                    });
                }
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static string? Only { get; set; }

    private static async Task PartAsync(TextWriter output, int round, string part, Func<Task> run)
    {
        if (Only is not null && !part.Contains(Only, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var started = Stopwatch.GetTimestamp();
        await run();
        clock.Stop();
        // On stderr, for `perf record -k CLOCK_MONOTONIC` and `perf report --time START,END` (Stopwatch is that clock on Linux).
        await Console.Error.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture, $"{part}: monotonic {started / (double)Stopwatch.Frequency:F6},{Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency:F6}"));
        self.Refresh();
        var used = self.TotalProcessorTime - cpu;
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture, $"| {round} | {part} | {clock.Elapsed.TotalSeconds:F3} s | {used.TotalSeconds:F3} s | {bytes / (1024.0 * 1024.0):N1} MB |"));
    }
}
