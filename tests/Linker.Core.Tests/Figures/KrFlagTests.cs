using System.Globalization;
using OkrLinker.Core.Figures;
using OkrLinker.Core.Items;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Metrics;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Tests.Support;
using static OkrLinker.Core.Tests.Figures.Berlin;

namespace OkrLinker.Core.Tests.Figures;

/// <summary>One KR, O1-KR1 from 35 to 50 %, measured in 2026-W45 in Berlin unless a test says otherwise.</summary>
public sealed class KrFlagTests
{
    private static KeyResultReport Report(
        IEnumerable<WorkItem> items, IReadOnlyList<MetricSample> samples, KeyResult? kr = null, DateTimeOffset? now = null)
    {
        var okrs = Some.Okrs(Some.Objective("O1", kr ?? Some.KeyResult("O1-KR1")));
        var linked = new LinkingResult([.. items.Select(i => Some.Linked(i, "O1-KR1"))], []);
        return FigureCalculator.Compute(linked, okrs, Week, Zone, samples, now ?? Now).Objectives[0].KeyResults[0];
    }

    private static MetricSample Sample(double value, DateTimeOffset? at = null) => new("O1-KR1", at ?? Now.AddDays(-1), value);

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-10-11T22:30:00Z", false)]   // Mon 12 Oct 00:30 CEST: W42, the oldest of the four weeks
    [InlineData("2026-10-11T21:30:00Z", true)]    // Sun 11 Oct 23:30 CEST: W41, too old
    public void No_work_looks_at_the_week_and_the_three_before_it(string resolved, bool flagged)
    {
        var kr = Report([Some.Done("PAY-1", At(resolved))], [Sample(40)]);

        Assert.Equal(flagged, kr.Flags.Contains(KrFlags.NoWork));
    }

    [Fact]
    public void No_work_ignores_items_not_yet_started()
    {
        var kr = Report([Some.ToDo("PAY-1")], [Sample(36)]);

        Assert.Equal(["no-work"], kr.Flags);
    }

    [Fact]
    public void No_metric_and_no_baseline_are_separate_gaps()
    {
        var kr = Report([Some.InProgress("PAY-1")], [], Some.KeyResult("O1-KR1", baseline: null) with { Metric = null });

        // Without a metric spec there is nothing to go stale.
        Assert.Equal(["no-metric", "no-baseline"], kr.Flags);
    }

    [Theory]
    [InlineData(0, false)]        // exactly 7 days before the week's end still counts
    [InlineData(1, true)]         // a second more is stale
    public void Stale_metric_means_no_sample_in_the_7_days_before_the_weeks_end(int extraSeconds, bool stale)
    {
        var kr = Report([Some.InProgress("PAY-1")], [Sample(40, WeekTo.AddDays(-7).AddSeconds(-extraSeconds))]);

        Assert.Equal(stale, kr.Flags.Contains(KrFlags.StaleMetric));
    }

    [Theory]
    [InlineData("2026-12-31T22:30:00Z", 35.0, true)]    // Thu 31 Dec 23:30 CET, last day of the period; progress 0
    [InlineData("2026-11-04T10:00:00Z", 32.0, true)]    // progress (32 − 35) / 15 = −0.2
    [InlineData("2026-11-04T10:00:00Z", 35.3, false)]   // progress 0.3 / 15 = 0.02: movement
    [InlineData("2026-09-30T21:30:00Z", 35.0, false)]   // 30 Sep 23:30 CEST: done before the period began
    public void Activity_without_movement_needs_work_done_in_the_period_and_known_progress_at_or_below_zero(
        string resolved, double current, bool flagged)
    {
        // Now is after the period here, so the done item is known; the sample is the week's.
        var kr = Report([Some.Done("PAY-1", At(resolved))], [Sample(current, Utc(2026, 11, 8, 9, 0))], now: Utc(2027, 1, 4, 10, 0));

        Assert.Equal(flagged, kr.Flags.Contains(KrFlags.ActivityWithoutMovement));
    }

    [Fact]
    public void Activity_without_movement_is_not_raised_when_progress_is_unknown()
    {
        var kr = Report([Some.Done("PAY-1", Utc(2026, 11, 4, 10, 0))], []);

        Assert.Null(kr.Progress);
        Assert.Equal(["stale-metric"], kr.Flags);
    }

    [Theory]
    [InlineData(35.0, 50.0, 40.0, 0.3333)]       // 5 / 15 = 0.33333…
    [InlineData(800.0, 200.0, 650.0, 0.25)]      // a falling target: −150 / −600
    [InlineData(10.0, 20.0, 30.0, 2.0)]          // overshoot: 20 / 10
    [InlineData(0.0, 3.0, 2.0, 0.6667)]          // 2 / 3 = 0.66666…
    [InlineData(50.0, 50.0, 60.0, null)]         // target equals baseline: undefined
    public void Progress_is_current_minus_baseline_over_target_minus_baseline(double baseline, double target, double current, double? progress)
    {
        var kr = Report([Some.InProgress("PAY-1")], [Sample(current)], Some.KeyResult("O1-KR1", baseline, target));

        Assert.Equal(progress, kr.Progress);
    }

    [Fact]
    public void Baseline_in_okrs_yaml_wins_over_samples_and_current_is_the_latest_known_sample()
    {
        var kr = Report(
            [Some.InProgress("PAY-1")],
            [Sample(44, Now.AddDays(-1)), Sample(30, Utc(2026, 10, 1, 6, 0)), Sample(46, Now.AddDays(-2)), Sample(60, Now.AddHours(1))]);

        // Baseline 35 from okrs.yaml, not 30; current 44 (yesterday), not 46 (older) nor 60 (after now): 9 / 15 = 0.6.
        Assert.Equal((35, 44, 0.6), (kr.Baseline, kr.Current, kr.Progress));
    }

    [Fact]
    public void Baseline_from_samples_is_the_last_at_or_before_the_period_start_else_the_first_after_it()
    {
        var before = Report(
            [Some.InProgress("PAY-1")],
            [Sample(10, Utc(2026, 9, 29, 8, 0)), Sample(20, Utc(2026, 9, 30, 21, 59)), Sample(44)],
            Some.KeyResult("O1-KR1", baseline: null));
        var after = Report(
            [Some.InProgress("PAY-1")],
            [Sample(30, Utc(2026, 10, 2, 8, 0)), Sample(44)],
            Some.KeyResult("O1-KR1", baseline: null));

        // 30 Sep 23:59 CEST is the last sample before the period (00:00 CEST = 22:00Z): (44 − 20) / (50 − 20) = 0.8.
        Assert.Equal((20, 44, 0.8), (before.Baseline, before.Current, before.Progress));
        // Nothing before the period: the first sample after its start, 30: (44 − 30) / 20 = 0.7.
        Assert.Equal((30, 44, 0.7), (after.Baseline, after.Current, after.Progress));
    }
}
