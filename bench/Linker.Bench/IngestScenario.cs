using System.Diagnostics;
using System.Globalization;

namespace OkrLinker.Bench;

/// <summary>
/// A seeded CSV export of N items (one file, so one page) synced into a fresh SQLite store, synced again
/// unchanged, then reported in every format; each step in its own process (see <see cref="StepRunner"/>).
/// </summary>
internal static class IngestScenario
{
    /// <param name="skip">Steps left out by name start (<c>full</c>, <c>report</c>), to time the others alone.</param>
    /// <param name="keep">Leave the folder (config, CSV, store, reports) in place and print where it is.</param>
    /// <param name="largePages">The steps' GC heap on huge pages of this size (README, "Large pages"); null: as deployed by default.</param>
    public static async Task<IReadOnlyList<StepResult>> RunAsync(
        int items, int seed, IReadOnlySet<string> skip, bool keep, TextWriter output, CancellationToken cancellationToken, LargePages? largePages = null)
    {
        if (largePages is not null)
        {
            largePages.EnsureAvailable(await File.ReadAllTextAsync("/proc/meminfo", cancellationToken));
        }

        var environment = largePages?.Environment;
        var root = Directory.CreateTempSubdirectory("okrlinker-bench-").FullName;
        try
        {
            var config = Path.Combine(root, "config");
            Directory.CreateDirectory(Path.Combine(config, "export"));
            var generate = Stopwatch.StartNew();
            BenchItems.WriteCsv(Path.Combine(config, "export", "backlog.csv"), items, seed);
            await File.WriteAllTextAsync(Path.Combine(config, "okrs.yaml"), BenchItems.Okrs, cancellationToken);
            var configPath = Path.Combine(config, "linker.json");
            await File.WriteAllTextAsync(configPath, BenchItems.Config("\"md\""), cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"generated {items:N0} items (seed {seed}) in {generate.Elapsed.TotalSeconds:F2} s"));
            await output.WriteLineAsync(StepRunner.Describe());
            if (largePages is not null)
            {
                await output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"steps' GC heap on huge pages: {string.Join(' ', largePages.Environment.Select(e => $"{e.Key}={e.Value}"))} ({largePages.Pages} pages of 2 MB)"));
            }

            var steps = new List<StepResult>
            {
                await StepRunner.RunAsync("sync (first)", items, ["sync", "--config", configPath], cancellationToken, environment),
                await StepRunner.RunAsync("sync (unchanged)", items, ["sync", "--config", configPath], cancellationToken, environment),
            };
            if (!skip.Contains("full"))
            {
                steps.Add(await StepRunner.RunAsync("sync --full (unchanged)", items, ["sync", "--full", "--config", configPath], cancellationToken, environment));
            }

            if (!skip.Contains("report"))
            {
                steps.Add(await StepRunner.RunAsync("report md,json,html,csv", items, ["report", "--format", "md,json,html,csv", "--config", configPath], cancellationToken, environment));
            }

            await output.WriteLineAsync(StepResult.Header);
            foreach (var step in steps)
            {
                await output.WriteLineAsync(step.Row());
            }

            var outFolder = Path.Combine(root, "out");
            var reports = (Directory.Exists(outFolder) ? Directory.GetFiles(outFolder) : []).Select(Path.GetFileName).Order(StringComparer.Ordinal);
            await output.WriteLineAsync($"reports: {string.Join(", ", reports)}");
            if (keep)
            {
                await output.WriteLineAsync($"kept: {configPath}");
            }

            return steps;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (!keep)
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
