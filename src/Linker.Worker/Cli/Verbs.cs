using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OkrLinker.Connectors.Http;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Figures;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Metrics;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Sources;
using OkrLinker.Core.Store;
using OkrLinker.Core.Suggestions;
using OkrLinker.Core.Sync;
using OkrLinker.Worker.Scheduling;

namespace OkrLinker.Worker.Cli;

/// <summary>What each verb does, on a host built from the config file.</summary>
internal static class Verbs
{
    public static async Task<int> RunOnceAsync(string configPath, CliOutput output, CancellationToken cancellationToken) =>
        await WithHostAsync(configPath, output, async services =>
        {
            var okrs = services.GetRequiredService<OkrSetSource>().Load();
            await services.GetRequiredService<StoreInitializer>().MigrateAsync(cancellationToken);

            var synced = await SyncAndPrintAsync(services, null, full: false, output, cancellationToken);
            var pulled = await services.GetRequiredService<MetricPuller>().PullAsync(okrs, null, cancellationToken);

            var options = services.GetRequiredService<IOptions<LinkerOptions>>().Value;
            var builder = services.GetRequiredService<ReportBuilder>();
            var folder = services.GetRequiredService<ConfigLocation>().Resolve(options.Report.Output);
            // Rendered while the report is serialized and its snapshot stored; in place once the build is done.
            await using var planned = services.GetRequiredService<ReportWriter>().Plan(options.Report.Formats, folder);
            var report = await builder.BuildAsync(okrs, builder.ResolveWeek(null), planned, cancellationToken);
            var files = await planned.CompleteAsync(cancellationToken);

            ConsoleSummary.Write(report, synced, files, output.Out);
            foreach (var failed in pulled.Where(p => !p.Succeeded))
            {
                await output.Out.WriteLineAsync($"Metric of {failed.KrId} FAILED: {failed.Error}");
            }

            return synced.All(s => s.Succeeded) && pulled.All(p => p.Succeeded) ? ExitCodes.Ok : ExitCodes.Failed;
        });

    /// <summary><c>metrics pull [--kr ID]</c>: stores new samples, captures missing baselines, prints baseline / current / target.</summary>
    public static async Task<int> PullMetricsAsync(string configPath, string? kr, CliOutput output, CancellationToken cancellationToken) =>
        await WithHostAsync(configPath, output, async services =>
        {
            var okrs = services.GetRequiredService<OkrSetSource>().Load();
            await services.GetRequiredService<StoreInitializer>().MigrateAsync(cancellationToken);
            var pulled = await services.GetRequiredService<MetricPuller>().PullAsync(okrs, kr, cancellationToken);
            MetricPullSummary.Write(pulled, output.Out);
            return pulled.All(p => p.Succeeded) ? ExitCodes.Ok : ExitCodes.Failed;
        });

    /// <summary>The worker: scheduler and web endpoints until SIGTERM or Ctrl-C; 0 on a clean stop.</summary>
    public static async Task<int> RunForeverAsync(string configPath, CliOutput output, CancellationToken cancellationToken) =>
        await MapConfigErrorsAsync(configPath, output, async () =>
        {
            await using var app = WorkerHost.Build(configPath);
            var services = app.Services;
            var options = services.GetRequiredService<IOptions<LinkerOptions>>().Value;
            WorkerHost.ValidateAtStart(services);
            _ = new WorkItemLinker(options.Linking, services.GetRequiredService<OkrSetSource>().Load());
            var schedule = services.GetRequiredService<NodeIdentity>().Clustered ? QuartzPostgresSchema.Statements() : [];
            await services.GetRequiredService<StoreInitializer>().MigrateAsync(schedule, cancellationToken);
            await app.RunAsync();
            return ExitCodes.Ok;
        });

    public static async Task<int> SyncAsync(string configPath, string? source, bool full, CliOutput output, CancellationToken cancellationToken) =>
        await WithHostAsync(configPath, output, async services =>
        {
            await services.GetRequiredService<StoreInitializer>().MigrateAsync(cancellationToken);
            var synced = await SyncAndPrintAsync(services, source, full, output, cancellationToken);
            return synced.All(s => s.Succeeded) ? ExitCodes.Ok : ExitCodes.Failed;
        });

    public static async Task<int> ReportAsync(
        string configPath, IsoWeek? week, string[]? formats, string? outDir, CliOutput output, CancellationToken cancellationToken) =>
        await WithHostAsync(configPath, output, async services =>
        {
            var okrs = services.GetRequiredService<OkrSetSource>().Load();
            var options = services.GetRequiredService<IOptions<LinkerOptions>>().Value;
            var writer = services.GetRequiredService<ReportWriter>();
            var unknown = (formats ?? []).Where(f => !writer.KnownFormats.Contains(f, StringComparer.OrdinalIgnoreCase)).ToList();
            if (unknown.Count > 0)
            {
                throw new LinkerConfigException("--format", $"unknown format '{unknown[0]}' (known: {string.Join(", ", writer.KnownFormats)})");
            }

            await services.GetRequiredService<StoreInitializer>().MigrateAsync(cancellationToken);
            var builder = services.GetRequiredService<ReportBuilder>();
            var folder = outDir is null ? services.GetRequiredService<ConfigLocation>().Resolve(options.Report.Output) : Path.GetFullPath(outDir);
            // Rendered while the report is serialized and its snapshot stored (the JSON file by that one serialization);
            // each file is in place once the build is done, and a failed build leaves none.
            await using var planned = writer.Plan(formats ?? [.. options.Report.Formats], folder);
            var report = await builder.BuildAsync(okrs, builder.ResolveWeek(week), planned, cancellationToken);
            var files = await planned.CompleteAsync(cancellationToken);

            ConsoleSummary.Write(report, [], files, output.Out);
            return ExitCodes.Ok;
        });

    public static async Task<int> LintAsync(string configPath, CliOutput output, CancellationToken cancellationToken) =>
        await WithHostAsync(configPath, output, async services =>
        {
            var okrSource = services.GetRequiredService<OkrSetSource>();
            var okrs = okrSource.Load();
            var options = services.GetRequiredService<IOptions<LinkerOptions>>().Value;
            _ = new WorkItemLinker(options.Linking, okrs); // its constructor validates the patterns and rules

            var findings = OkrLint.Check(okrs);
            await output.Out.WriteLineAsync($"{okrSource.Path}: {okrs.Objectives.Count} objectives, {okrs.KeyResults.Count()} key results, period {okrs.Period.Name}");
            foreach (var f in findings)
            {
                await output.Out.WriteLineAsync($"  {f.Severity,-7} {f.Rule,-26} {f.Subject,-8} {f.Message}");
            }

            await output.Out.WriteLineAsync(findings.Count == 0 ? "No findings." : $"{findings.Count} finding(s).");
            cancellationToken.ThrowIfCancellationRequested();
            return findings.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        });

    /// <summary>How the linker decided the item with <paramref name="key"/>: 0 found, 1 no such item, 2 bad config.</summary>
    public static async Task<int> ExplainAsync(
        string configPath, string key, string? source, CliOutput output, CancellationToken cancellationToken) =>
        await WithHostAsync(configPath, output, async services =>
        {
            await services.GetRequiredService<StoreInitializer>().MigrateAsync(cancellationToken);
            var found = await services.GetRequiredService<ItemExplainer>().FindAsync(key, source, cancellationToken);
            if (found.Count == 0)
            {
                var where = source is null ? "" : $" in source {source}";
                await output.Error.WriteLineAsync(
                    $"No synced item has the key '{key}'{where}. Keys are PAY-12 (Jira), 4711 (Azure DevOps) or owner/repo#12 (GitHub); run sync first if it is new.");
                return ExitCodes.Failed;
            }

            foreach (var linked in found)
            {
                await ExplainText.WriteAsync(linked, output.Out);
            }

            return ExitCodes.Ok;
        });

    /// <summary>
    /// <c>suggest</c>: the week's in-scope unlinked items (of one team) with the KRs they probably serve, in the report's
    /// order; with <paramref name="evaluate"/>, the accuracy on a seeded share of tagged items whose tags are hidden.
    /// </summary>
    public static async Task<int> SuggestAsync(
        string configPath, string? team, IsoWeek? week, bool evaluate, double share, int seed, CliOutput output, CancellationToken cancellationToken) =>
        await WithHostAsync(configPath, output, async services =>
        {
            var okrs = services.GetRequiredService<OkrSetSource>().Load();
            var options = services.GetRequiredService<IOptions<LinkerOptions>>().Value;
            await services.GetRequiredService<StoreInitializer>().MigrateAsync(cancellationToken);
            var builder = services.GetRequiredService<ReportBuilder>();
            var resolved = builder.ResolveWeek(week);
            var (from, to) = resolved.Bounds(builder.Zone);
            var runner = services.GetRequiredService<LinkRunner>();
            if (evaluate)
            {
                var linker = runner.CreateLinker(okrs);
                var items = await runner.ReadItemsAsync(cancellationToken);
                var evaluation = SuggestionEvaluator.Evaluate(items, linker, okrs, options.Linking, share, seed, to);
                await SuggestionText.WriteEvaluationAsync(evaluation, share, seed, output.Out);
                return ExitCodes.Ok;
            }

            var linking = await runner.ReadLinksAsync(okrs, cancellationToken);
            var suggester = new KrSuggester(linking, okrs, options.Linking, to);
            var unlinked = linking.Items
                .Select((linked, index) => (Linked: linked, Index: index))
                .Where(l => l.Linked.Bucket == Bucket.Unlinked && FigureCalculator.IsInScope(l.Linked.Item, from, to))
                .Where(l => team is null || string.Equals(l.Linked.Item.Team, team, StringComparison.OrdinalIgnoreCase))
                .OrderBy(l => l.Linked.Item.StoryPoints is null)
                .ThenByDescending(l => l.Linked.Item.StoryPoints)
                .ThenBy(l => l.Linked.Item.Key, StringComparer.Ordinal)
                .Select(l => (l.Linked, suggester.For(l.Index)))
                .ToList();
            await SuggestionText.WriteAsync(resolved.ToString(), unlinked, output.Out);
            return ExitCodes.Ok;
        });

    public static async Task<int> CheckAsync(string configPath, CliOutput output, CancellationToken cancellationToken) =>
        await WithHostAsync(configPath, output, async services =>
        {
            var lines = new List<CheckLine>();
            var options = services.GetRequiredService<IOptions<LinkerOptions>>().Value;
            var catalog = services.GetRequiredService<SourceCatalog>();
            foreach (var entry in options.Sources)
            {
                try
                {
                    var source = catalog.Create(entry.Name).Single();
                    lines.AddRange(source is ISourceCheck check
                        ? await check.CheckAsync(cancellationToken)
                        : [new CheckLine(entry.Name, entry.Kind, true, "no check for this kind; run sync to try it")]);
                }
                catch (SourceException ex)
                {
                    lines.Add(new CheckLine(entry.Name, entry.Kind, false, ex.Message));
                }
            }

            lines.AddRange(await WebhookCheck.LinesAsync(services, cancellationToken));
            lines.AddRange(await MetricCheck.LinesAsync(services, cancellationToken));

            var sourceWidth = Math.Max(6, lines.Select(l => l.Source.Length).DefaultIfEmpty(0).Max());
            var subjectWidth = Math.Max(7, lines.Select(l => l.Subject.Length).DefaultIfEmpty(0).Max());
            await output.Out.WriteLineAsync($"{"source".PadRight(sourceWidth)}  {"checked".PadRight(subjectWidth)}  ok    detail");
            foreach (var line in lines)
            {
                await output.Out.WriteLineAsync($"{line.Source.PadRight(sourceWidth)}  {line.Subject.PadRight(subjectWidth)}  {(line.Ok ? "yes" : "NO "),-4}  {line.Detail}");
            }

            return lines.All(l => l.Ok) ? ExitCodes.Ok : ExitCodes.Failed;
        });

    private static async Task<IReadOnlyList<SourceSyncResult>> SyncAndPrintAsync(
        IServiceProvider services, string? source, bool full, CliOutput output, CancellationToken cancellationToken)
    {
        var progress = new InlineProgress<ScopeSyncResult>(p =>
        {
            if (output.Interactive)
            {
                output.Error.Write($"\r  {p.Source}/{p.ScopeId}: {p.Pages} pages, {p.Read} items   ");
            }
        });
        var results = await services.GetRequiredService<SyncRunner>().SyncAsync(source, full, progress, cancellationToken);
        if (output.Interactive)
        {
            output.Error.Write("\r" + new string(' ', 60) + "\r");
        }

        var traffic = services.GetRequiredService<SourceRequestMetrics>();
        foreach (var result in results)
        {
            var scopes = result.Scopes;
            var line = $"{result.Source,-12} {scopes.Sum(s => s.Read),6} read {scopes.Sum(s => s.Inserted),6} new {scopes.Sum(s => s.Updated),6} changed {scopes.Sum(s => s.Removed),5} removed";
            if (traffic.For(result.Source) is { Requests: > 0 } counters)
            {
                line += $"  ({counters.Requests} requests, {counters.Retries} retries, {counters.RateLimitWaits} rate-limit waits)";
            }

            await output.Out.WriteLineAsync(result.Succeeded ? line : $"{line}   FAILED: {result.FirstError}");
        }

        return results;
    }

    /// <summary>Builds the host and maps every configuration problem to exit code 2 with a message that names it.</summary>
    private static Task<int> WithHostAsync(string configPath, CliOutput output, Func<IServiceProvider, Task<int>> verb) =>
        MapConfigErrorsAsync(configPath, output, async () =>
        {
            using var host = LinkerHost.Build(configPath, output.Interactive);
            _ = host.Services.GetRequiredService<IOptions<LinkerOptions>>().Value;
            return await verb(host.Services);
        });

    private static async Task<int> MapConfigErrorsAsync(string configPath, CliOutput output, Func<Task<int>> verb)
    {
        try
        {
            return await verb();
        }
        catch (OptionsValidationException ex)
        {
            await output.Error.WriteLineAsync($"Invalid configuration in {configPath}:");
            foreach (var failure in ex.Failures)
            {
                await output.Error.WriteLineAsync($"  {failure}");
            }

            return ExitCodes.BadConfig;
        }
        catch (Exception ex) when (ex is LinkerConfigException or OkrLoadException or LinkingConfigException)
        {
            await output.Error.WriteLineAsync(ex.Message);
            return ExitCodes.BadConfig;
        }
        catch (InvalidOperationException ex) when (ex.InnerException is FormatException or InvalidDataException)
        {
            await output.Error.WriteLineAsync($"Invalid configuration in {configPath}: {ex.Message} {ex.InnerException.Message}");
            return ExitCodes.BadConfig;
        }
    }
}
