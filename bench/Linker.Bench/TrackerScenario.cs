using System.Globalization;
using System.Text.Json;
using OkrLinker.Fakes;
using OkrLinker.Fakes.Jira;

namespace OkrLinker.Bench;

/// <summary>
/// Issue 11 target 4's levers for Jira and Azure DevOps: one project of N items on the fake tracker with a fixed
/// latency before every answer; <c>okrlinker sync</c> (in this process: host, config, SQLite store, the source)
/// syncs it into a fresh store, then again without change, once per <c>Http.MaxConcurrentRequests</c> asked for
/// (1 is the read one page after the other). Requests come from the fake's journal.
/// <c>jira --items N --latency-ms L [--flavor cloud|datacenter]</c>, <c>azure-devops --items N --latency-ms L</c>.
/// </summary>
internal static class TrackerScenario
{
    private const string Project = "PAY";
    private const string Variable = "OKRLINKER_BENCH_TRACKER_TOKEN";

    public static async Task RunJiraAsync(int items, int latencyMs, int seed, FakeJiraFlavor flavor, IReadOnlyList<int> concurrencies, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"fake Jira {flavor}: {items:N0} issues in {Project} (seed {seed}), {latencyMs} ms before every answer"));
        await RunAsync(concurrencies, output, () =>
        {
            var fake = FakeJira.Start(FakeJiraData.Generate(seed, [Project], items), new FakeJiraOptions { Flavor = flavor, Latency = TimeSpan.FromMilliseconds(latencyMs) });
            var source = new
            {
                Name = "jira",
                Kind = "jira",
                BaseUrl = fake.BaseUrl.ToString(),
                Flavor = flavor.ToString(),
                Projects = new[] { Project },
                Auth = flavor == FakeJiraFlavor.Cloud ? (object)new { fake.Email, TokenEnv = Variable } : new { TokenEnv = Variable },
            };
            return new Tracker(fake.Token, source, () => fake.Requests.Count, fake.Requests.Clear, () => fake.MaxInFlight, fake);
        }, cancellationToken);
    }

    public static async Task RunAzureDevOpsAsync(int items, int latencyMs, int seed, IReadOnlyList<int> concurrencies, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"fake Azure DevOps: {items:N0} work items in {Project} (seed {seed}), {latencyMs} ms before every answer"));
        await RunAsync(concurrencies, output, () =>
        {
            var fake = FakeAzureDevOps.Start(
                FakeAzureDevOpsData.Generate(seed, [new(Project, items, FakeAdoProcess.Agile)]), new FakeAzureDevOpsOptions { Latency = TimeSpan.FromMilliseconds(latencyMs) });
            var source = new
            {
                Name = "ado",
                Kind = "azure-devops",
                BaseUrl = fake.BaseUrl.ToString().TrimEnd('/'),
                Projects = new[] { Project },
                Auth = new { TokenEnv = Variable },
            };
            return new Tracker(fake.Token, source, () => fake.Journal.Count, fake.Journal.Clear, () => fake.MaxInFlight, fake);
        }, cancellationToken);
    }

    private static async Task RunAsync(IReadOnlyList<int> concurrencies, TextWriter output, Func<Tracker> start, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync("| Http.MaxConcurrentRequests | first sync: requests | wall | CPU | most in flight | no-change re-sync: requests | wall |");
        await output.WriteLineAsync("|---|---|---|---|---|---|---|");
        // The first run in the process pays for JIT and the EF Core model: a warm-up at the first setting, not shown.
        foreach (var (concurrency, shown) in (IEnumerable<(int, bool)>)[(concurrencies[0], false), .. concurrencies.Select(c => (c, true))])
        {
            var tracker = start();
            try
            {
                using var folder = await SyncFolder.CreateAsync("okrlinker-bench-tracker-", Variable, tracker.Token, Config(tracker.Source, concurrency), cancellationToken);
                var configPath = folder.ConfigPath;
                var cpu = GitHubScenario.ProcessorTime();
                var first = await GitHubScenario.SyncAsync(configPath, cancellationToken);
                var firstCpu = GitHubScenario.ProcessorTime() - cpu;
                var firstRequests = tracker.Requests();
                tracker.Clear();
                var again = await GitHubScenario.SyncAsync(configPath, cancellationToken);
                if (!shown)
                {
                    continue;
                }

                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"| {concurrency} | {firstRequests} | {first.TotalSeconds:F2} s | {firstCpu.TotalSeconds:F2} s | {tracker.MaxInFlight()} | {tracker.Requests()} | {again.TotalSeconds:F2} s |"));
            }
            finally
            {
                tracker.Server.Dispose();
            }
        }

        await output.WriteLineAsync($"CPU is this process's (the fake's and okrlinker's); load average {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a")}");
    }

    private static string Config(object source, int concurrency) => JsonSerializer.Serialize(new
    {
        Okrs = new { Path = "okrs.yaml" },
        Store = new { Provider = "Sqlite", ConnectionString = "Data Source=../data/okrlinker.db" },
        Sources = new[] { source },
        Http = new { MaxConcurrentRequests = concurrency },
        Report = new { Week = "2026-W47", TimeZone = "UTC", Output = "../out" },
    });

    private sealed record Tracker(string Token, object Source, Func<int> Requests, Action Clear, Func<int> MaxInFlight, IDisposable Server);
}
