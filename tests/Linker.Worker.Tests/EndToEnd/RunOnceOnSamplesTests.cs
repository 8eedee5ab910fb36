using System.Text.Json;
using System.Text.RegularExpressions;
using OkrLinker.Worker.Cli;

namespace OkrLinker.Worker.Tests.EndToEnd;

/// <summary>
/// The executable, in process, on a copy of the embedded default config and its saved tracker exports:
/// the W47 figures must equal a second implementation of DESIGN §6–§8 that reads the raw files itself.
/// </summary>
public sealed class RunOnceOnSamplesTests
{
    private static readonly DateTimeOffset WeekStart = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero); // Mon of 2026-W47, UTC
    private static readonly DateTimeOffset WeekEnd = WeekStart.AddDays(7);
    private static readonly string[] Krs = ["O1-KR1", "O1-KR2", "O2-KR1", "O2-KR2", "O2-KR3", "O3-KR1", "O3-KR2", "O3-KR3"];

    // The KRs on the sheets (CSV) provider as okrs.yaml sets them: series file, own baseline, target.
    private static readonly (string Kr, string File, double? Baseline, double Target)[] SheetKrs =
    [
        ("O1-KR1", "activation-d7.csv", 35, 50),
        ("O1-KR2", "time-to-first-cart.csv", null, 4),
        ("O2-KR1", "checkout-conversion.csv", 62, 70),
        ("O2-KR2", "payment-failures.csv", 4.1, 2),
        ("O3-KR1", "lcp-p75-mobile-pdp.csv", 3.8, 2.5),
        ("O3-KR2", "crash-free-sessions.csv", 98.2, 99.5),
        ("O3-KR3", "wcag-violations.csv", 37, 5),
    ];
    private static readonly Regex SyncLine = new(@"^(?<source>\S+)\s+(?<read>\d+) read\s+\d+ new\s+\d+ changed\s+(?<removed>\d+) removed", RegexOptions.Multiline);

    [Fact]
    public async Task Run_once_on_the_samples_reports_the_figures_worked_out_from_the_raw_files()
    {
        using var folder = new SampleConfigFolder();

        var run = await Cli("run", "--once", "--config", folder.ConfigFile);

        Assert.True(run.Exit == 0, $"exit {run.Exit}\n{run.Err}\n{run.Out}");
        Assert.True(File.Exists(folder.Report("json")) && File.Exists(folder.Report("md")), run.Out);
        Assert.Contains(run.Out.Split('\n'), line => line.StartsWith("Work that serves no OKR:", StringComparison.Ordinal));

        var expected = IndependentFigures.For(SampleReader.ReadAll(folder.Samples), WeekStart, WeekEnd);
        using var report = JsonDocument.Parse(File.ReadAllBytes(folder.Report("json")));
        var root = report.RootElement;
        Assert.Equal("2026-W47", root.GetProperty("week").GetString());

        Assert.Equal(expected.Totals, TallyOf(root.GetProperty("totals")));
        Assert.Equal(expected.Totals.UnlinkedShare, root.GetProperty("totals").GetProperty("unlinkedShare").GetDouble());
        Assert.Equal(expected.Totals.UnlinkedPointsShare, root.GetProperty("totals").GetProperty("points").GetProperty("unlinkedShare").GetDouble());
        Assert.Equal(
            expected.Teams.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Key, t.Value.Items, t.Value.Linked, t.Value.Bau, t.Value.Unlinked)),
            root.GetProperty("teams").EnumerateArray().OrderBy(t => t.GetProperty("team").GetString(), StringComparer.Ordinal)
                .Select(t => (t.GetProperty("team").GetString()!, Int(t, "items"), Int(t, "linked"), Int(t, "bau"), Int(t, "unlinked"))));
        var keyResults = root.GetProperty("objectives").EnumerateArray().SelectMany(o => o.GetProperty("keyResults").EnumerateArray())
            .ToDictionary(kr => kr.GetProperty("id").GetString()!);
        Assert.Equal(
            Krs.Select(kr => (kr, expected.KrTotals.GetValueOrDefault(kr))),
            Krs.Select(kr => (kr, Int(keyResults[kr].GetProperty("items"), "total"))));
        Assert.Contains("no-work", keyResults["O3-KR3"].GetProperty("flags").EnumerateArray().Select(f => f.GetString()));

        // A third opinion: the figures of config/samples/README.md. The seven pull requests that name Jira and
        // Azure DevOps items (acme/web#1513-1519) add 5 linked items (4 through what they name, 1 by its own tag) and 2 unlinked.
        var t = expected.Totals;
        Assert.Equal((139, 83, 16, 40, 0.2878, 222d, 54d, 0.2432), (t.Items, t.Linked, t.Bau, t.Unlinked, t.UnlinkedShare, t.Points, t.UnlinkedPoints, t.UnlinkedPointsShare));
        Assert.Equal((44, 29, 6, 9), Counts(expected.Teams["growth"]));
        Assert.Equal((43, 29, 6, 8), Counts(expected.Teams["payments"]));
        Assert.Equal((52, 25, 4, 23), Counts(expected.Teams["web"]));
        Assert.Equal([49, 24, 62, 23, 0, 24, 8, 0], Krs.Select(kr => expected.KrTotals.GetValueOrDefault(kr)));

        AssertKrValues(keyResults, folder);
    }

    // Every KR of the sample has baseline, current, target, progress and status. The sheets KRs are worked
    // out from the CSV files themselves; O2-KR3's median days to fix a payment bug from the raw items.
    // The period is 92 days; W47 ends on day 53: expected 53 / 92 = 0.5761.
    private static void AssertKrValues(Dictionary<string, JsonElement> keyResults, SampleConfigFolder folder)
    {
        foreach (var (kr, file, own, target) in SheetKrs)
        {
            var rows = File.ReadAllLines(Path.Combine(folder.Samples, "metrics", file)).Skip(1)
                .Select(l => l.Split(',')).Select(c => (At: DateTimeOffset.Parse(c[0] + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), Value: double.Parse(c[1], System.Globalization.CultureInfo.InvariantCulture)))
                .ToList();
            var baseline = own ?? rows[0].Value;
            var current = rows.Last(r => r.At <= WeekEnd).Value;
            var json = keyResults[kr];
            Assert.Equal((kr, baseline, current, target), (kr, json.GetProperty("baseline").GetDouble(), json.GetProperty("current").GetDouble(), json.GetProperty("target").GetDouble()));
            Assert.Equal((kr, Math.Round((current - baseline) / (target - baseline), 4, MidpointRounding.AwayFromZero)), (kr, json.GetProperty("progress").GetDouble()));
            Assert.Equal((kr, 53), (kr, json.GetProperty("samples").GetArrayLength()));
        }

        var source = keyResults["O1-KR2"].GetProperty("baselineSource");
        Assert.Equal(
            ("sheets", "time-to-first-cart.csv", "2026-10-01T00:00:00+00:00", 7.8),
            (source.GetProperty("provider").GetString(), source.GetProperty("query").GetString(), source.GetProperty("at").GetString(), source.GetProperty("value").GetDouble()));
        Assert.Contains("baseline-mismatch", keyResults["O3-KR3"].GetProperty("flags").EnumerateArray().Select(f => f.GetString()));

        // Median days from created to resolved of the payments bugs resolved in the 28 days up to the moment.
        var bugs = SampleReader.ReadAll(folder.Samples)
            .Where(i => i is { Team: "payments", Type: "Bug", Category: SampleCategory.Done, Resolved: not null })
            .ToList();
        double Median(DateTimeOffset at)
        {
            var days = bugs.Where(b => b.Created <= at && b.Resolved <= at && b.Resolved > at.AddDays(-28))
                .Select(b => (b.Resolved!.Value - b.Created).TotalDays).Order().ToList();
            return days.Count % 2 == 1 ? days[days.Count / 2] : (days[(days.Count / 2) - 1] + days[days.Count / 2]) / 2;
        }

        var tracker = keyResults["O2-KR3"];
        var periodStart = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(Median(periodStart), tracker.GetProperty("baseline").GetDouble(), 9);
        Assert.Equal(Median(WeekEnd), tracker.GetProperty("current").GetDouble(), 9);
        Assert.Equal("tracker", tracker.GetProperty("baselineSource").GetProperty("provider").GetString());

        Assert.All(Krs, kr => Assert.Equal(0.5761, keyResults[kr].GetProperty("expected").GetDouble()));
        // 59.3%, 50%, 61.3%, 42.9% (0.1475 behind), −270.7%, 57.7%, 53.9%, 53.1%.
        Assert.Equal(
            ["on-track", "on-track", "on-track", "at-risk", "off-track", "on-track", "on-track", "on-track"],
            Krs.Select(kr => keyResults[kr].GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_second_run_reads_nothing_a_full_sync_removes_nothing_and_the_report_stays_the_same()
    {
        using var folder = new SampleConfigFolder();
        var first = await Cli("run", "--once", "--config", folder.ConfigFile);
        Assert.True(first.Exit == 0, $"exit {first.Exit}\n{first.Err}\n{first.Out}");
        var json = File.ReadAllLines(folder.Report("json"));
        var md = File.ReadAllLines(folder.Report("md"));

        var second = await Cli("run", "--once", "--config", folder.ConfigFile);

        Assert.True(second.Exit == 0, $"exit {second.Exit}\n{second.Err}\n{second.Out}");
        Assert.Equal([("jira", 0), ("ado", 0), ("gh", 0)], SyncLines(second.Out).Select(s => (s.Source, s.Read)));
        AssertSameReport(json, md, folder);

        var full = await Cli("sync", "--full", "--config", folder.ConfigFile);

        Assert.True(full.Exit == 0, $"exit {full.Exit}\n{full.Err}\n{full.Out}");
        // A full sync re-reads every item (149 Jira, 89 ADO, 131 GitHub) and finds none gone.
        Assert.Equal([("jira", 149, 0), ("ado", 89, 0), ("gh", 131, 0)], SyncLines(full.Out));
        var rendered = await Cli("report", "--config", folder.ConfigFile);
        Assert.True(rendered.Exit == 0, $"exit {rendered.Exit}\n{rendered.Err}\n{rendered.Out}");
        AssertSameReport(json, md, folder);
    }

    private static void AssertSameReport(string[] json, string[] md, SampleConfigFolder folder)
    {
        // Only the generation time may differ: the JSON's generatedAt line and the Markdown's third line.
        static bool Generated(string line) => line.TrimStart().StartsWith("\"generatedAt\":", StringComparison.Ordinal);
        var jsonAgain = File.ReadAllLines(folder.Report("json"));
        Assert.Single(json, Generated);
        Assert.Equal(json.Where(l => !Generated(l)), jsonAgain.Where(l => !Generated(l)));
        Assert.Equal(json.Length, jsonAgain.Length);

        var mdAgain = File.ReadAllLines(folder.Report("md"));
        Assert.Contains("generated", md[2], StringComparison.Ordinal);
        Assert.Equal(md.Where((_, i) => i != 2), mdAgain.Where((_, i) => i != 2));
    }

    private static List<(string Source, int Read, int Removed)> SyncLines(string stdout) =>
        [.. SyncLine.Matches(stdout).Select(m => (m.Groups["source"].Value, int.Parse(m.Groups["read"].Value), int.Parse(m.Groups["removed"].Value)))];

    private static Tally TallyOf(JsonElement totals)
    {
        var p = totals.GetProperty("points");
        return new Tally(
            Int(totals, "items"), Int(totals, "linked"), Int(totals, "bau"), Int(totals, "unlinked"),
            p.GetProperty("total").GetDouble(), p.GetProperty("linked").GetDouble(), p.GetProperty("bau").GetDouble(), p.GetProperty("unlinked").GetDouble());
    }

    private static (int, int, int, int) Counts(Tally t) => (t.Items, t.Linked, t.Bau, t.Unlinked);

    private static int Int(JsonElement e, string name) => e.GetProperty(name).GetInt32();

    private static async Task<(int Exit, string Out, string Err)> Cli(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await LinkerCommandLine.InvokeAsync(args, stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
