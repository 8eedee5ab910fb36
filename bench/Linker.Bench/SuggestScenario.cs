using System.Diagnostics;
using System.Globalization;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Suggestions;

namespace OkrLinker.Bench;

/// <summary>
/// The suggestions' time (issue 16): <see cref="BenchItems"/>' seeded backlog of N items parsed and linked in this
/// process (timed, for scale), then the suggestion index built once and suggestions made for the first U unlinked
/// items in store order — the figure the issue bounds (10,000 over 1,000,000 in 10 s). With <c>--evaluate</c>, the
/// same set is also evaluated as <c>suggest --evaluate</c> does it (a seeded share of the tagged items hidden).
/// </summary>
internal static class SuggestScenario
{
    /// <summary>The end of week 2026-W47, the week every bench report is pinned to.</summary>
    public static readonly DateTimeOffset WeekEnd = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(int items, int unlinked, int seed, double? evaluateShare, TextWriter output, CancellationToken cancellationToken)
    {
        var okrs = OkrLoader.Parse(BenchItems.Okrs, "okrs.yaml");
        var options = new LinkingOptions { Bau = [new RuleOptions { Field = "type", EqualsValue = "Bug" }] };
        var linker = new WorkItemLinker(options, okrs);
        var parsed = BenchItems.Parse(BenchItems.CsvBytes(items, seed));
        cancellationToken.ThrowIfCancellationRequested();

        var process = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        var cpu = process.TotalProcessorTime;
        var linking = linker.Link(parsed);
        var linked = (clock.Elapsed, Cpu: Since(process, ref cpu));

        clock.Restart();
        var suggester = new KrSuggester(linking, okrs, options, WeekEnd);
        var index = (clock.Elapsed, Cpu: Since(process, ref cpu));

        clock.Restart();
        var asked = 0;
        var answered = 0;
        var suggestions = 0;
        var jsonBytes = 0L;
        for (var i = 0; i < linking.Items.Count && asked < unlinked; i++)
        {
            if (linking.Items[i].Bucket != Bucket.Unlinked)
            {
                continue;
            }

            asked++;
            var found = suggester.For(i);
            answered += found.Count > 0 ? 1 : 0;
            suggestions += found.Count;
            jsonBytes += System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(found, Core.Reports.ReportJson.Options).Length;
        }

        var suggested = (clock.Elapsed, Cpu: Since(process, ref cpu)); // with the JSON the report would write for them
        var unlinkedTotal = linking.Items.Count(l => l.Bucket == Bucket.Unlinked);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| step ({items:N0} items, {unlinkedTotal:N0} unlinked) | wall | CPU |"));
        await output.WriteLineAsync("|---|---|---|");
        await output.WriteLineAsync(Row("link (for scale; the report does it anyway)", linked));
        await output.WriteLineAsync(Row("suggestion index, built once", index));
        await output.WriteLineAsync(Row($"suggestions for {asked:N0} unlinked items", suggested));
        await output.WriteLineAsync(Row("index + suggestions", (index.Elapsed + suggested.Elapsed, index.Cpu + suggested.Cpu)));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"items with a suggestion: {answered:N0} of {asked:N0} ({suggestions:N0} suggestions, {jsonBytes / 1024.0:N0} KiB of report JSON)"));

        if (evaluateShare is { } share)
        {
            clock.Restart();
            var evaluation = SuggestionEvaluator.Evaluate(parsed, linker, okrs, options, share, seed, WeekEnd);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"evaluation (share {share}, seed {seed}): {evaluation.Evaluated:N0} of {evaluation.Hidden:N0} hidden tags left unlinked, "
                + $"top-1 {evaluation.Top1Accuracy:P1} ({evaluation.Top1:N0}), top-3 {evaluation.Top3Accuracy:P1} ({evaluation.Top3:N0}), "
                + $"no suggestion {evaluation.WithoutSuggestion:N0}; {clock.Elapsed.TotalSeconds:F1} s"));
        }
    }

    private static string Row(string step, (TimeSpan Wall, TimeSpan Cpu) time) =>
        string.Create(CultureInfo.InvariantCulture, $"| {step} | {time.Wall.TotalSeconds:F2} s | {time.Cpu.TotalSeconds:F2} s |");

    // The CPU this process used since the last call (all its threads; the garbage collector's too).
    private static TimeSpan Since(Process process, ref TimeSpan before)
    {
        process.Refresh();
        var now = process.TotalProcessorTime;
        var spent = now - before;
        before = now;
        return spent;
    }
}
