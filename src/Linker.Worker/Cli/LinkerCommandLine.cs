using System.CommandLine;
using OkrLinker.Core.Figures;

namespace OkrLinker.Worker.Cli;

/// <summary>The verbs of DESIGN.md §5.</summary>
internal static class LinkerCommandLine
{
    public const string DefaultConfig = "config/linker.json";

    public static async Task<int> InvokeAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var output = new CliOutput(stdout, stderr, Interactive: !Console.IsErrorRedirected && ReferenceEquals(stderr, Console.Error));
        var root = Build(output);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync(error.Message);
            }

            await stderr.WriteLineAsync("Run with --help to see the verbs and their options.");
            return ExitCodes.BadConfig;
        }

        // The host handles SIGTERM and Ctrl-C itself (graceful stop within Worker:ShutdownGrace);
        // System.CommandLine's own handler would end the process after its short timeout.
        return await parsed.InvokeAsync(
            new InvocationConfiguration { Output = stdout, Error = stderr, ProcessTerminationTimeout = null },
            cancellationToken);
    }

    private static void IsoWeekOnly(System.CommandLine.Parsing.OptionResult r)
    {
        if (r.GetValueOrDefault<string?>() is { } text && !IsoWeek.TryParse(text, out _))
        {
            r.AddError($"--week: '{text}' is not an ISO week such as 2026-W47.");
        }
    }

    private static RootCommand Build(CliOutput output)
    {
        var config = new Option<string>("--config")
        {
            Description = "The config file; relative paths inside it are taken from its folder.",
            DefaultValueFactory = _ => DefaultConfig,
            Recursive = true,
        };

        var once = new Option<bool>("--once") { Description = "One full cycle: sync, link, pull metrics, report, then exit." };
        var run = new Command("run", "The long-running worker; with --once, one full cycle.") { once };
        run.SetAction((parse, ct) => parse.GetValue(once)
            ? Verbs.RunOnceAsync(parse.GetValue(config)!, output, ct)
            : Verbs.RunForeverAsync(parse.GetValue(config)!, output, ct));

        var source = new Option<string?>("--source") { Description = "Sync only the source with this name." };
        var full = new Option<bool>("--full") { Description = "Ignore the cursors, re-read everything and sweep for removed items." };
        var sync = new Command("sync", "Sync the sources into the store.") { source, full };
        sync.SetAction((parse, ct) => Verbs.SyncAsync(parse.GetValue(config)!, parse.GetValue(source), parse.GetValue(full), output, ct));

        var week = new Option<string?>("--week") { Description = "The ISO week, e.g. 2026-W47. Default: Report.Week, else the current week." };
        week.Validators.Add(IsoWeekOnly);
        var format = new Option<string?>("--format") { Description = "Comma-separated formats: md, json, html, csv. Default: Report.Formats." };
        var outDir = new Option<string?>("--out") { Description = "The output folder. Default: Report.Output." };
        var report = new Command("report", "Render the weekly report from the store.") { week, format, outDir };
        report.SetAction((parse, ct) => Verbs.ReportAsync(
            parse.GetValue(config)!,
            parse.GetValue(week) is { } w ? IsoWeek.Parse(w) : null,
            parse.GetValue(format)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            parse.GetValue(outDir),
            output,
            ct));

        var lint = new Command("lint", "Validate the config and okrs.yaml and print OKR hygiene findings.");
        lint.SetAction((parse, ct) => Verbs.LintAsync(parse.GetValue(config)!, output, ct));

        var check = new Command("check", "Reach and authenticate every source and print a table.");
        check.SetAction((parse, ct) => Verbs.CheckAsync(parse.GetValue(config)!, output, ct));

        var key = new Argument<string>("key") { Description = "The item's key: PAY-12 (Jira), 4711 (Azure DevOps), owner/repo#12 (GitHub)." };
        var explainSource = new Option<string?>("--source") { Description = "Only the item of the source with this name." };
        var explain = new Command("explain", "Say why an item is linked to its KRs, BAU or unlinked: the chain the linker followed.") { key, explainSource };
        explain.SetAction((parse, ct) => Verbs.ExplainAsync(parse.GetValue(config)!, parse.GetValue(key)!, parse.GetValue(explainSource), output, ct));

        var kr = new Option<string?>("--kr") { Description = "Pull only the key result with this id." };
        var pull = new Command("pull", "Pull every KR's metric now, store the samples, print baseline / current / target.") { kr };
        pull.SetAction((parse, ct) => Verbs.PullMetricsAsync(parse.GetValue(config)!, parse.GetValue(kr), output, ct));
        var metrics = new Command("metrics", "KR metrics.") { pull };

        var team = new Option<string?>("--team") { Description = "Only the items of this team." };
        var suggestWeek = new Option<string?>("--week") { Description = week.Description, Validators = { IsoWeekOnly } };
        var evaluate = new Option<bool>("--evaluate")
        {
            Description = "Hide the tags of a seeded random share of the tagged items, suggest for them, print top-1 and top-3 accuracy.",
        };
        var share = new Option<double>("--share") { Description = "With --evaluate: the share of tagged items to hide, in (0, 1]. Default 0.2.", DefaultValueFactory = _ => 0.2 };
        share.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is var value && !(value > 0 && value <= 1))
            {
                r.AddError(FormattableString.Invariant($"--share: {value} is not a share in (0, 1], such as 0.2."));
            }
        });
        var seed = new Option<int>("--seed") { Description = "With --evaluate: the seed of the random choice. Default 1.", DefaultValueFactory = _ => 1 };
        var suggest = new Command("suggest", "Suggest the KRs the week's unlinked items probably serve, with the evidence.") { team, suggestWeek, evaluate, share, seed };
        suggest.SetAction((parse, ct) => Verbs.SuggestAsync(
            parse.GetValue(config)!,
            parse.GetValue(team),
            parse.GetValue(suggestWeek) is { } sw ? IsoWeek.Parse(sw) : null,
            parse.GetValue(evaluate),
            parse.GetValue(share),
            parse.GetValue(seed),
            output,
            ct));

        var root = new RootCommand("OkrLinker: links OKRs to delivery backlogs and reports the work that serves no OKR.")
        {
            config, run, sync, report, lint, check, explain, metrics, suggest,
        };
        return root;
    }
}
