using System.Globalization;

namespace OkrLinker.Bench;

/// <summary>
/// The scenarios: <c>ingest --items N [--seed S]</c> (a CSV export synced and reported, each step in its
/// own process), <c>page --items N</c> (one page of N items through the sync engine), <c>dashboard --items N</c> (the dashboard's
/// server time over N stored items), and the internal
/// <c>step VERB …</c> a scenario starts to run one okrlinker verb and report its peak memory.
/// </summary>
internal static class BenchCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Length == 0)
        {
            await output.WriteLineAsync("usage: Linker.Bench ingest --items N [--seed S] | page --items N [--seed S] | dashboard --items N [--seed S]");
            return 2;
        }

        switch (args[0])
        {
            case StepRunner.StepVerb:
                return await StepRunner.RunStepAsync(args[1..], cancellationToken);
            case "ingest":
                await IngestScenario.RunAsync(Int(args, "--items", 200_000), Int(args, "--seed", 47), output, cancellationToken);
                return 0;
            case "dashboard":
                await DashboardScenario.RunAsync(Int(args, "--items", 100_000), Int(args, "--seed", 47), output, cancellationToken);
                return 0;
            case "page":
                await PageScenario.RunAsync(Int(args, "--items", 100_000), Int(args, "--seed", 47), output, cancellationToken);
                return 0;
            default:
                await output.WriteLineAsync($"unknown scenario '{args[0]}' (known: ingest, page, dashboard)");
                return 2;
        }
    }

    private static int Int(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
