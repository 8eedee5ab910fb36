using OkrLinker.Core.Configuration;
using OkrLinker.Core.Figures;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Metrics;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Figures;

/// <summary>
/// Progress, expected and status by hand, in UTC. Period 2026-Q4: 2026-10-01 to 2027-01-01, 92 days.
/// The report's week 2026-W47 ends Monday 2026-11-23 00:00, 53 days in: expected = 53 / 92 = 0.57608… → 0.5761.
/// The report is made the next morning.
/// </summary>
public sealed class KrStatusTests
{
    private static readonly IsoWeek W47 = new(2026, 47);
    private static readonly DateTimeOffset WeekEnd = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = WeekEnd.AddHours(9);

    private static KeyResultReport Kr(
        KeyResult kr, IEnumerable<MetricSample> samples, IsoWeek? week = null, StatusOptions? thresholds = null,
        BaselineSource? captured = null, string? pullError = null)
    {
        var okrs = Some.Okrs(Some.Objective("O1", kr));
        var history = new MetricHistory(
            [.. samples],
            captured is null ? new Dictionary<string, BaselineSource>() : new() { [kr.Id] = captured },
            pullError is null ? new Dictionary<string, string>() : new() { [kr.Id] = pullError });
        return FigureCalculator.Compute(
            new LinkingResult([], []), okrs, week ?? W47, TimeZoneInfo.Utc, history, thresholds ?? new StatusOptions(), Now)
            .Objectives[0].KeyResults[0];
    }

    private static MetricSample At(int month, int day, double value) => new("O1-KR1", new DateTimeOffset(2026, month, day, 0, 0, 0, TimeSpan.Zero), value);

    private static KeyResult LeadTime(double? baseline = 4, double target = 1) =>
        Some.KeyResult("O1-KR1", baseline, target, new MetricSpec("sheets", "lead-time.csv", "days"));

    [Fact]
    public void Expected_is_the_share_of_the_period_elapsed_at_the_weeks_end()
    {
        Assert.Equal(0.5761, Kr(LeadTime(), [At(11, 20, 3)]).Expected);
    }

    [Theory]
    [InlineData(2.8, 0.4, "at-risk")]      // (2.8 − 4) / (1 − 4) = −1.2 / −3 = 0.4; 0.5761 − 0.4 = 0.1761 behind
    [InlineData(2.5, 0.5, "on-track")]     // −1.5 / −3 = 0.5; 0.0761 behind
    [InlineData(3.5, 0.1667, "off-track")] // −0.5 / −3 = 0.16666…; 0.4094 behind
    [InlineData(4.2, -0.0667, "off-track")] // worse than the baseline: 0.2 / −3
    public void A_decreasing_kr_from_4_days_to_1_day_progresses_as_its_value_falls(double current, double progress, string status)
    {
        var kr = Kr(LeadTime(), [At(10, 1, 4), At(11, 10, 3.9), At(11, 22, current)]);

        Assert.Equal((4, 1, current, progress, 0.5761, status), (kr.Baseline, kr.Target, kr.Current, kr.Progress, kr.Expected, kr.Status));
    }

    [Fact]
    public void A_target_already_passed_shows_progress_above_one_and_is_on_track()
    {
        var kr = Kr(LeadTime(), [At(11, 22, 0.7)]);

        // (0.7 − 4) / (1 − 4) = −3.3 / −3 = 1.1: not capped, so overshooting stays visible.
        Assert.Equal((1.1, "on-track"), (kr.Progress, kr.Status));
    }

    [Fact]
    public void A_baseline_equal_to_the_target_has_no_progress_and_so_no_status()
    {
        var kr = Kr(LeadTime(baseline: 1), [At(10, 1, 1), At(11, 22, 0.5)]);

        Assert.Equal((1, 0.5, (double?)null, (string?)null), (kr.Baseline, kr.Current, kr.Progress, kr.Status));
        Assert.Equal(["no-work"], kr.Flags);
    }

    [Fact]
    public void A_week_before_the_period_expects_nothing_and_has_no_current_value_yet()
    {
        // 2026-W39 runs 21 to 28 September; the series starts on 1 October.
        var kr = Kr(LeadTime(), [At(10, 1, 4), At(10, 2, 3.9)], week: new IsoWeek(2026, 39));

        Assert.Equal((0.0, (double?)null, (double?)null, (string?)null), (kr.Expected, kr.Current, kr.Progress, kr.Status));
        Assert.Empty(kr.Samples);
        Assert.Equal(["no-work", "stale-metric"], kr.Flags);
        Assert.Equal("no sample yet", kr.StaleReason);
    }

    [Theory]
    [InlineData(4761, "on-track")]   // 0.5761 − 0.4761 = 0.10 behind exactly: still on track
    [InlineData(4760, "at-risk")]    // 0.1001 behind
    [InlineData(3261, "at-risk")]    // 0.25 behind exactly: still at risk
    [InlineData(3260, "off-track")]  // 0.2501 behind
    public void Status_boundaries_at_risk_010_and_off_track_025_belong_to_the_better_status(double current, string status)
    {
        var kr = Kr(Some.KeyResult("O1-KR1", 0, 10000, new MetricSpec("sheets", "x.csv", null)), [At(11, 22, current)]);

        Assert.Equal((current / 10000, status), (kr.Progress!.Value, kr.Status));
    }

    [Fact]
    public void Report_status_thresholds_come_from_the_config()
    {
        var kr = Kr(LeadTime(), [At(11, 22, 2.5)], thresholds: new StatusOptions { AtRisk = 0.05, OffTrack = 0.07 });

        // 0.0761 behind: past 0.05 and past 0.07.
        Assert.Equal("off-track", kr.Status);
    }

    [Fact]
    public void Current_is_the_latest_sample_at_or_before_the_weeks_end_so_a_past_week_stays_as_it_was()
    {
        var kr = Kr(LeadTime(), [At(10, 1, 4), At(11, 23, 2.9), At(11, 15, 3.1), At(11, 24, 1)]);

        // 23 Nov 00:00 is the week's end itself (counts); 24 Nov is the next week's.
        Assert.Equal(2.9, kr.Current);
        Assert.Equal([new MetricPoint(At(10, 1, 4).At, 4), new MetricPoint(At(11, 15, 0).At, 3.1), new MetricPoint(WeekEnd, 2.9)], kr.Samples);
    }

    [Fact]
    public void A_baseline_from_the_metric_carries_its_captured_provenance_and_an_own_baseline_carries_none()
    {
        var captured = new BaselineSource("sheets", "lead-time.csv", At(10, 1, 0).At, 4.4, Now.AddDays(-50));

        var pulled = Kr(LeadTime(baseline: null), [At(10, 1, 9), At(11, 22, 2.9)], captured: captured);
        var own = Kr(LeadTime(), [At(10, 1, 4.4), At(11, 22, 2.9)], captured: captured);

        // The captured value wins over the samples (9 was stored later by a backfill): (2.9 − 4.4) / (1 − 4.4) = 0.4412.
        Assert.Equal((4.4, captured, 0.4412), (pulled.Baseline, pulled.BaselineSource, pulled.Progress));
        Assert.Equal((4, (BaselineSource?)null), (own.Baseline, own.BaselineSource));
    }

    [Theory]
    [InlineData(38.5, false)]   // 3.5 off 35: 10% exactly
    [InlineData(38.6, true)]
    [InlineData(31.4, true)]    // 3.6 below
    public void Baseline_mismatch_when_the_own_baseline_is_more_than_10_percent_off_the_metrics_period_start_value(double atStart, bool flagged)
    {
        var kr = Kr(Some.KeyResult("O1-KR1", 35, 50), [At(10, 1, atStart), At(11, 22, 40)]);

        Assert.Equal(flagged, kr.Flags.Contains(KrFlags.BaselineMismatch));
        Assert.Equal(35, kr.Baseline);
    }

    [Fact]
    public void A_failed_last_pull_makes_the_metric_stale_and_carries_the_providers_reason()
    {
        var kr = Kr(LeadTime(), [At(11, 22, 2.5)], pullError: "sheets: lead-time.csv line 12: 'n/a' is not a number");

        Assert.Contains(KrFlags.StaleMetric, kr.Flags);
        Assert.Equal("sheets: lead-time.csv line 12: 'n/a' is not a number", kr.StaleReason);
        Assert.Equal((2.5, "on-track"), (kr.Current, kr.Status));
    }

    [Fact]
    public void An_old_last_sample_is_stale_and_says_since_when()
    {
        var kr = Kr(LeadTime(), [At(11, 15, 2.5)]);

        Assert.Equal("no sample in the 7 days before 2026-11-23 00:00 UTC (the last is from 2026-11-15 00:00 UTC)", kr.StaleReason);
    }
}
