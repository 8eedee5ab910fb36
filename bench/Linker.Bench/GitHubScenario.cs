using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OkrLinker.Fakes;
using OkrLinker.Worker.Cli;

namespace OkrLinker.Bench;

/// <summary>
/// Issue 11, target 4: one repo of N issues and pull requests on the fake GitHub with a fixed latency before
/// every answer; GitHub's own JavaScript SDK (<c>bench/reference</c>, <c>octokit.paginate</c>) lists it, then
/// <c>okrlinker sync</c> (in this process: host, config, SQLite store, the GitHub source and its Projects v2
/// scope) syncs it into a fresh store, then syncs it again without change. Requests come from the fake's log.
/// </summary>
internal static class GitHubScenario
{
    private const string Owner = "acme";
    private const string Repo = "monorepo";

    /// <param name="concurrency"><c>Http.MaxConcurrentRequests</c> for the sync; null leaves the default (2).</param>
    public static async Task<GitHubFigures> RunAsync(int items, int latencyMs, int seed, int? concurrency, TextWriter output, CancellationToken cancellationToken)
    {
        var data = FakeGitHubData.Generate(seed, Owner, [Repo], items);
        await using var fake = await FakeGitHub.StartAsync(data, new FakeGitHubOptions { Latency = TimeSpan.FromMilliseconds(latencyMs) }, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"fake GitHub: {items:N0} issues and pull requests in {Owner}/{Repo} (seed {seed}), {latencyMs} ms before every answer"));

        var cpu = ProcessorTime();
        var reference = await RunReferenceAsync(fake, cancellationToken);
        var fakeCpuForReference = ProcessorTime() - cpu;
        var referenceRequests = fake.Requests.Count;
        if (reference.Items != items)
        {
            throw new InvalidOperationException($"octokit.paginate listed {reference.Items} items, the fake holds {items}");
        }

        fake.Requests.Clear();
        var variable = "OKRLINKER_BENCH_GITHUB_TOKEN";
        using (var folder = await SyncFolder.CreateAsync("okrlinker-bench-github-", variable, fake.Token, Config(fake.BaseUrl, variable, concurrency), cancellationToken))
        {
            var configPath = folder.ConfigPath;
            cpu = ProcessorTime();
            var first = await SyncAsync(configPath, cancellationToken);
            var cpuForSync = ProcessorTime() - cpu;
            var firstLog = fake.Requests.All;
            fake.Requests.Clear();
            var again = await SyncAsync(configPath, cancellationToken);
            var againLog = fake.Requests.All;

            var figures = new GitHubFigures(
                items,
                referenceRequests,
                reference.Listing,
                reference.Process,
                firstLog.Count(r => !r.IsGraphQL),
                firstLog.Count(r => r.IsGraphQL),
                first,
                againLog.Count(r => !r.IsGraphQL),
                againLog.Count(r => r.IsGraphQL),
                again);
            await output.WriteLineAsync(figures.Table());
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"CPU of this process (the fake, and okrlinker in the second): {fakeCpuForReference.TotalSeconds:F2} s while octokit listed, {cpuForSync.TotalSeconds:F2} s during the first sync; load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a")}"));
            return figures;
        }
    }

    internal static TimeSpan ProcessorTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    internal static async Task<TimeSpan> SyncAsync(string configPath, CancellationToken cancellationToken)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var clock = Stopwatch.StartNew();
        var code = await LinkerCommandLine.InvokeAsync(["sync", "--config", configPath], stdout, stderr, cancellationToken);
        var wall = clock.Elapsed;
        return code == 0 ? wall : throw new InvalidOperationException($"okrlinker sync exited {code}:\n{stdout}\n{stderr}");
    }

    private static async Task<(int Items, TimeSpan Listing, TimeSpan Process)> RunReferenceAsync(FakeGitHub fake, CancellationToken cancellationToken)
    {
        var folder = ReferenceFolder();
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "@octokit", "rest")))
        {
            throw new InvalidOperationException($"The reference client is not installed: run `npm ci` in {folder} (./test.sh does).");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("list-issues.mjs");
        start.ArgumentList.Add(fake.BaseUrl.ToString());
        start.ArgumentList.Add(Owner);
        start.ArgumentList.Add(Repo);
        start.Environment["GITHUB_TOKEN"] = fake.Token;

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var wall = clock.Elapsed;
        var text = await stdout;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node list-issues.mjs exited {process.ExitCode}:\n{text}\n{await stderr}");
        }

        using var result = JsonDocument.Parse(text.Trim().Split('\n')[^1]);
        return (result.RootElement.GetProperty("items").GetInt32(), TimeSpan.FromMilliseconds(result.RootElement.GetProperty("ms").GetDouble()), wall);
    }

    /// <summary>bench/reference, found by walking up from this assembly to the folder holding OkrLinker.sln.</summary>
    private static string ReferenceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OkrLinker.sln")))
            {
                return Path.Combine(dir.FullName, "bench", "reference");
            }
        }

        throw new InvalidOperationException($"No OkrLinker.sln above '{AppContext.BaseDirectory}': cannot find bench/reference.");
    }

    // The repo and its Projects (v2) project, as a user would configure them; the store beside the config.
    private static string Config(Uri baseUrl, string tokenVariable, int? concurrency) => JsonSerializer.Serialize(new
    {
        Okrs = new { Path = "okrs.yaml" },
        Store = new { Provider = "Sqlite", ConnectionString = "Data Source=../data/okrlinker.db" },
        Sources = new[]
        {
            new
            {
                Name = "gh",
                Kind = "github",
                BaseUrl = baseUrl.ToString(),
                Owner,
                Repos = new[] { Repo },
                ProjectNumbers = new[] { 7 },
                Auth = new { TokenEnv = tokenVariable },
            },
        },
        Http = concurrency is { } n ? new { MaxConcurrentRequests = n } : null,
        Report = new { Week = "2026-W47", TimeZone = "UTC", Output = "../out" },
    }, WithoutNulls);

    private static readonly JsonSerializerOptions WithoutNulls = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
}
