using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace OkrLinker.Bench;

/// <summary>
/// The scenarios: <c>ingest --items N [--seed S] [--skip full,report] [--keep] [--large-pages MB]</c> (a CSV export synced
/// and reported, each step in its own process; <c>--keep</c> leaves the folder for further runs; <c>--large-pages</c> puts the
/// steps' GC heap on that many MB of huge pages, <see cref="LargePages"/>), <c>page --items N</c> (one page of N items through the sync engine),
/// <c>github --items N --latency-ms L</c> (okrlinker sync against octokit.paginate on the fake GitHub),
/// <c>jira --items N --latency-ms L [--flavor cloud|datacenter]</c> and <c>azure-devops --items N --latency-ms L</c> (first sync and
/// unchanged re-sync against the fake tracker, at each <c>--concurrency</c>, default 1,2,4), <c>dashboard --items N</c> (the dashboard's server time over N stored items),
/// <c>report-phases --config [--rounds N]</c> (the report's phases on a kept store; N reports one after the other in one process),
/// <c>output-parts --config [--repeat R] [--only PART]</c> (each part of the report's output alone: JSON writer, gzip, each renderer),
/// <c>suggest --items N --unlinked U [--evaluate SHARE]</c> (the KR suggestions for U unlinked items over N),
/// <c>micro</c> (BenchmarkDotNet), and the internal
/// <c>step VERB …</c> a scenario starts to run one okrlinker verb and report its peak memory.
/// </summary>
internal static class BenchCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Length == 0)
        {
            await output.WriteLineAsync("usage: Linker.Bench ingest --items N [--seed S] [--skip full,report] [--keep] [--large-pages MB] | page --items N [--seed S] | github --items N [--latency-ms L] [--seed S] [--concurrency C] | jira --items N [--latency-ms L] [--flavor cloud|datacenter] [--concurrency 1,2,4] | azure-devops --items N [--latency-ms L] [--concurrency 1,2,4] | dashboard --items N [--seed S] | dashboard --config KEPT/config/linker.json [--page home|kr|team|unlinked] [--whole-parse] [--check] | report-phases --config KEPT/config/linker.json [--formats md,json,html,csv] [--rounds N] | output-parts --config KEPT/config/linker.json [--repeat R] [--only PART] | link-phases --config KEPT/config/linker.json | suggest --items N --unlinked U [--seed S] [--evaluate SHARE] | micro [BenchmarkDotNet arguments]");
            return 2;
        }

        switch (args[0])
        {
            case StepRunner.StepVerb:
                return await StepRunner.RunStepAsync(args[1..], cancellationToken);
            case "ingest":
                await IngestScenario.RunAsync(
                    Int(args, "--items", 200_000),
                    Int(args, "--seed", 47),
                    Text(args, "--skip")?.Split(',').ToHashSet(StringComparer.Ordinal) ?? [],
                    args.Contains("--keep"),
                    output,
                    cancellationToken,
                    Text(args, "--large-pages") is { } megabytes ? new LargePages(long.Parse(megabytes, CultureInfo.InvariantCulture) * 1024 * 1024) : null);
                return 0;
            case "micro":
                // BenchmarkDotNet's own arguments follow, e.g. --filter '*Commit*'. A short run in this
                // process: on a shared machine the separate build of the default toolchain timed out.
                BenchmarkSwitcher.FromTypes([typeof(MicroBenchmarks), typeof(PageCommitBenchmarks)]).Run(
                    args[1..], DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance)));
                return 0;
            case "dashboard" when Text(args, "--config") is { } kept && args.Contains("--check"):
                await DashboardScenario.CheckAsync(kept, output, cancellationToken);
                return 0;
            case "dashboard" when Text(args, "--config") is { } kept:
                await DashboardScenario.FirstViewAsync(
                    kept, Text(args, "--page") ?? "home", args.Contains("--whole-parse"), output, cancellationToken);
                return 0;
            case "dashboard":
                await DashboardScenario.RunAsync(Int(args, "--items", 100_000), Int(args, "--seed", 47), output, cancellationToken);
                return 0;
            case "report-phases":
                await ReportPhasesScenario.RunAsync(
                    Text(args, "--config") ?? throw new ArgumentException("report-phases needs --config (a folder kept by ingest --keep)"),
                    (Text(args, "--formats") ?? "md,json,html,csv").Split(','),
                    Int(args, "--rounds", 1),
                    output,
                    cancellationToken);
                return 0;
            case "output-parts":
                await OutputPartsScenario.RunAsync(
                    Text(args, "--config") ?? throw new ArgumentException("output-parts needs --config (a folder kept by ingest --keep)"),
                    Int(args, "--repeat", 3),
                    Text(args, "--only"),
                    output,
                    cancellationToken);
                return 0;
            case "link-phases":
                await LinkPhasesScenario.RunAsync(
                    Text(args, "--config") ?? throw new ArgumentException("link-phases needs --config (a folder kept by ingest --keep)"), output, cancellationToken);
                return 0;
            case "suggest":
                await SuggestScenario.RunAsync(
                    Int(args, "--items", 1_000_000), Int(args, "--unlinked", 10_000), Int(args, "--seed", 47),
                    Text(args, "--evaluate") is { } share ? double.Parse(share, CultureInfo.InvariantCulture) : null, output, cancellationToken);
                return 0;
            case "page":
                await PageScenario.RunAsync(Int(args, "--items", 100_000), Int(args, "--seed", 47), output, cancellationToken);
                return 0;
            case "github":
                await GitHubScenario.RunAsync(
                    Int(args, "--items", 10_000), Int(args, "--latency-ms", 50), Int(args, "--seed", 47),
                    args.Contains("--concurrency") ? Int(args, "--concurrency", 2) : null, output, cancellationToken);
                return 0;
            case "jira":
                await TrackerScenario.RunJiraAsync(
                    Int(args, "--items", 10_000), Int(args, "--latency-ms", 50), Int(args, "--seed", 47),
                    string.Equals(Text(args, "--flavor"), "datacenter", StringComparison.OrdinalIgnoreCase) ? Fakes.Jira.FakeJiraFlavor.DataCenter : Fakes.Jira.FakeJiraFlavor.Cloud,
                    Concurrencies(args), output, cancellationToken);
                return 0;
            case "azure-devops":
                await TrackerScenario.RunAzureDevOpsAsync(
                    Int(args, "--items", 10_000), Int(args, "--latency-ms", 50), Int(args, "--seed", 47), Concurrencies(args), output, cancellationToken);
                return 0;
            default:
                await output.WriteLineAsync($"unknown scenario '{args[0]}' (known: ingest, page, github, jira, azure-devops, dashboard, report-phases, output-parts, link-phases, suggest, micro)");
                return 2;
        }
    }

    // Http.MaxConcurrentRequests of each run, e.g. --concurrency 1,2,4: one after the other first, then the default.
    private static int[] Concurrencies(string[] args) =>
        Text(args, "--concurrency") is { } list ? [.. list.Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))] : [1, 2, 4];

    private static string? Text(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int Int(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
