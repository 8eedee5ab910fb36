using System.Text.Json;
using OkrLinker.Worker.Tests.Support;

namespace OkrLinker.Worker.Tests.Cli;

/// <summary>
/// <c>metrics pull</c>, and the pull inside <c>run --once</c>, on a CSV provider with two daily series from the
/// period start (2026-10-01). Report.Week is 2026-W47, whose end (2026-11-23) is 53 of the period's 92 days: expected 0.5761.
/// </summary>
public sealed class MetricsPullVerbTests : IDisposable
{
    private const string Backlog = $"""
        {CsvConfig.Header}
        PAY-1,Retry declined cards,Story,In Progress,payments,kr:O1-KR1,,5,2026-11-02T09:00:00Z,
        """;

    private readonly TempConfig config = new TempConfig()
        .WithOkrs(TempConfig.SheetsOkrs)
        .WithFile("samples/csv/backlog.csv", Backlog)
        // 1 Oct 36, 15 Oct 38, 22 Nov 44: (44 − 35) / 15 = 0.6 → on track.
        .WithFile("samples/metrics/activation.csv", "timestamp,value\n2026-10-01,36\n2026-10-15,38\n2026-11-22,44\n")
        // 30 Sep 9 (the last at or before the start: the baseline), 2 Oct 8.8, 20 Nov 7: (7 − 9) / (4 − 9) = 0.4 → at risk.
        .WithFile("samples/metrics/ttv.csv", "2026-09-30,9\n2026-10-02,8.8\n2026-11-20,7\n");

    public void Dispose() => config.Dispose();

    private static string Json(string extra = "", string metrics = TempConfig.SheetsProvider) =>
        CsvConfig.Json(extra: $$""", "Metrics": {{metrics}}{{extra}}""");

    [Fact]
    public async Task Metrics_pull_stores_the_samples_and_prints_baseline_current_and_target()
    {
        config.WithConfig(Json());

        var first = await config.RunAsync("metrics", "pull");
        var again = await config.RunAsync("metrics", "pull");

        Assert.True(first.ExitCode == 0, first.Error);
        // The first pull reads from a week before the period start: ttv.csv's 30 September row, 9, is the
        // last value at or before the start and becomes the baseline; current 7.
        Assert.Equal(
            """
            KR      provider  baseline   current    target  new
            O1-KR1  sheets         35%       44%       50%    3
            O1-KR2  sheets       9 min     7 min     4 min    3

            """.ReplaceLineEndings("\n"),
            first.Out.ReplaceLineEndings("\n"));
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("O1-KR1  sheets         35%       44%       50%    0", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kr_pulls_one_key_result_and_an_unknown_one_is_a_usage_error()
    {
        config.WithConfig(Json());

        var one = await config.RunAsync("metrics", "pull", "--kr", "o1-kr2");
        var unknown = await config.RunAsync("metrics", "pull", "--kr", "O9-KR1");

        Assert.Equal(0, one.ExitCode);
        Assert.Equal(["KR", "O1-KR2"], one.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0]));
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--kr: 'O9-KR1' is no key result of 2026-Q4", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_series_fails_its_kr_with_the_reason_exits_1_and_run_once_still_reports_every_kr()
    {
        config.WithConfig(Json());
        File.Delete(Path.Combine(config.ConfigFolder, "samples/metrics/ttv.csv"));

        var pull = await config.RunAsync("metrics", "pull");
        var run = await config.RunAsync("run", "--once");

        Assert.Equal(1, pull.ExitCode);
        Assert.Contains("O1-KR1  sheets", pull.Out, StringComparison.Ordinal);
        Assert.Contains("O1-KR2  sheets           –         –     4 min    0  FAILED: Metric provider 'sheets', KR O1-KR2: no series file ", pull.Out, StringComparison.Ordinal);
        Assert.Contains("ttv.csv", pull.Out, StringComparison.Ordinal);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Metric of O1-KR2 FAILED: ", run.Out, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(config.OutFolder, "report-2026-W47.json")));
        var krs = report.RootElement.GetProperty("objectives")[0].GetProperty("keyResults");
        Assert.Equal((44, 0.6, 0.5761, "on-track"), (krs[0].GetProperty("current").GetDouble(), krs[0].GetProperty("progress").GetDouble(), krs[0].GetProperty("expected").GetDouble(), krs[0].GetProperty("status").GetString()));
        Assert.Equal(["no-work", "no-baseline", "stale-metric"], krs[1].GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Contains("ttv.csv", krs[1].GetProperty("staleReason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_once_pulls_before_the_report_so_the_report_shows_progress_and_status()
    {
        config.WithConfig(Json());

        var run = await config.RunAsync("run", "--once");

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.Contains("  O1-KR1  35% → 44% → 50%          60.0%  on-track\n  O1-KR2  9 min → 7 min → 4 min    40.0%  at-risk\n", run.Out, StringComparison.Ordinal);
        var md = File.ReadAllText(Path.Combine(config.OutFolder, "report-2026-W47.md"));
        Assert.Contains("| **O1-KR1** Raise day-7 activation from 35% to 50% | 35% → 44% → 50% | 60% | 57.6% | on-track | ▁▃█ | okrs.yaml |", md, StringComparison.Ordinal);
        // 9 → 7 toward 4: 2 / 5 = 0.4, 0.1761 behind → at risk; the sparkline shows the period's samples only (8.8, 7).
        Assert.Contains("| **O1-KR2** Cut time to first value to 4 minutes | 9 min → 7 min → 4 min | 40% | 57.6% | at-risk | █▁ | sheets, 2026-09-30 |", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_thresholds_out_of_order_are_bad_config_naming_the_key()
    {
        config.WithConfig(CsvConfig.Json().Replace("\"Formats\": [\"md\", \"json\"]", "\"Formats\": [\"md\", \"json\"], \"Status\": { \"AtRisk\": 0.3, \"OffTrack\": 0.2 }", StringComparison.Ordinal));

        var run = await config.RunAsync("metrics", "pull");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Report:Status:OffTrack: 0.2 must be a fraction from Report:Status:AtRisk (0.3) to 1 (default 0.25)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_worker_refuses_a_metrics_schedule_that_is_not_a_cron_expression()
    {
        config.WithConfig(Json(metrics: """{ "Schedule": "daily", "Providers": [ { "Name": "sheets", "Kind": "csv", "Path": "samples/metrics" } ] }"""));

        var run = await config.RunAsync("run");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Metrics:Schedule: 'daily' is not a Quartz cron expression (e.g. 0 0 6 * * ?)", run.Error, StringComparison.Ordinal);
    }
}
