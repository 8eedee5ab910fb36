using OkrLinker.Core.Figures;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Metrics;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Tests.Support;
using static OkrLinker.Core.Tests.Figures.Berlin;

namespace OkrLinker.Core.Tests.Figures;

/// <summary>
/// Thirteen items of three teams in 2026-W45 (Berlin). In scope: PAY-1..4, GRO-1..3, WEB-8, WEB-9 (9 items).
/// Out: GRO-4 (resolved the week before), GRO-5 (to do), GRO-6 (removed), WEB-7 (created after the week).
/// </summary>
public sealed class WeeklyFiguresTests
{
    private static readonly OkrSet Okrs = Some.Okrs(
        Some.Objective("O1", Some.KeyResult("O1-KR1"), Some.KeyResult("O1-KR2", baseline: null, target: 200, metric: Some.Metric("ms"))),
        Some.Objective("O2", Some.KeyResult("O2-KR1", baseline: 10, target: 20) with { Metric = null }, Some.KeyResult("O2-KR2", baseline: null, target: 5)));

    private static readonly LinkingResult Linked = new(
        [
            Some.Linked(Some.InProgress("PAY-1", points: 3, created: Utc(2026, 10, 20, 9, 0)) with { Updated = Utc(2026, 11, 3, 10, 0) }, "O1-KR1"),
            Some.Linked(Some.Done("PAY-2", Utc(2026, 11, 4, 10, 0), points: 5), "O1-KR1"),
            Some.Bau(Some.InProgress("PAY-3")),
            Some.Unlinked(Some.InProgress("PAY-4", points: 2)),
            Some.Linked(Some.Done("GRO-1", Utc(2026, 11, 6, 15, 0), team: "growth", points: 8), "O1-KR2"),
            Some.Unlinked(Some.InProgress("GRO-2", team: "growth", points: 1)),
            Some.Unlinked(Some.InProgress("GRO-3", team: "growth")),
            Some.Linked(Some.Done("GRO-4", Utc(2026, 10, 28, 12, 0), team: "growth", points: 13), "O1-KR2"),
            Some.Linked(Some.ToDo("GRO-5", team: "growth", points: 5), "O1-KR1"),
            Some.Linked(Some.Removed("GRO-6", team: "growth", points: 3) with { Updated = Utc(2026, 11, 20, 9, 0) }, "O1-KR1"),
            Some.Linked(Some.InProgress("WEB-7", team: "Web", created: Utc(2026, 11, 10, 9, 0)), "O2-KR1"),
            Some.Bau(Some.InProgress("WEB-8", team: "Web", points: 2, created: Utc(2026, 11, 3, 9, 0))),
            Some.Unlinked(Some.Done("WEB-9", Utc(2026, 11, 7, 9, 0), team: "Web", points: 3)),
        ],
        []);

    private static readonly MetricSample[] Samples =
    [
        new("O1-KR2", Utc(2026, 10, 30, 6, 0), 310),
        new("o1-kr1", Utc(2026, 11, 2, 9, 0), 38),
        new("O1-KR1", Utc(2026, 11, 8, 12, 0), 41),
        new("O1-KR1", Utc(2026, 11, 10, 9, 0), 99),     // after now: not known yet
        new("O1-KR2", Utc(2026, 9, 30, 19, 0), 999),    // 21:00 on 30 Sep in Berlin: an older value before the period
        new("O1-KR2", Utc(2026, 9, 30, 21, 0), 300),    // 23:00 on 30 Sep in Berlin: the last before the period
        new("O1-KR2", Utc(2026, 9, 30, 22, 30), 303),   // 00:30 on 1 Oct in Berlin: the first of the period
    ];

    private static readonly WeeklyFigures Figures = FigureCalculator.Compute(Linked, Okrs, Week, Zone, Samples, Now);

    [Fact]
    public void Week_bounds_are_monday_midnight_in_the_report_zone()
    {
        Assert.Equal((Week, WeekFrom, WeekTo), (Figures.Week, Figures.From, Figures.To));
    }

    [Fact]
    public void Totals_count_in_scope_items_by_bucket_and_points_over_items_that_have_them()
    {
        // Linked PAY-1, PAY-2, GRO-1 = 3; BAU PAY-3, WEB-8 = 2; unlinked PAY-4, GRO-2, GRO-3, WEB-9 = 4; 4/9 = 0.4444.
        // Points: linked 3+5+8 = 16, BAU 2 (PAY-3 has none), unlinked 2+1+3 = 6 (GRO-3 has none); 24 in all; 6/24 = 0.25.
        Assert.Equal(new Totals(9, 3, 2, 4, 0.4444, new PointTotals(24, 16, 2, 6, 0.25)), Figures.Totals);
    }

    [Fact]
    public void Team_figures_are_ordered_by_name_ignoring_case()
    {
        // growth: GRO-1 linked, GRO-2/3 unlinked: 2/3 = 0.6667; points 8 + 1 = 9, unlinked 1/9 = 0.1111.
        // payments: 2 linked, 1 BAU, 1 unlinked: 1/4 = 0.25; points 3 + 5 + 2 = 10, unlinked 2/10 = 0.2.
        // Web: WEB-8 BAU, WEB-9 unlinked: 1/2 = 0.5; points 2 + 3 = 5, unlinked 3/5 = 0.6.
        Assert.Equal(
            [
                new TeamFigures("growth", 3, 1, 0, 2, 0.6667, new PointTotals(9, 8, 0, 1, 0.1111)),
                new TeamFigures("payments", 4, 2, 1, 1, 0.25, new PointTotals(10, 8, 0, 2, 0.2)),
                new TeamFigures("Web", 2, 0, 1, 1, 0.5, new PointTotals(5, 0, 2, 3, 0.6)),
            ],
            Figures.Teams);
    }

    [Fact]
    public void Unlinked_items_are_the_in_scope_ones_by_points_descending_with_unpointed_last()
    {
        Assert.Equal(
            [("WEB-9", 3.0), ("PAY-4", 2.0), ("GRO-2", 1.0), ("GRO-3", (double?)null)],
            Figures.UnlinkedItems.Select(u => (u.Key, u.Points)));
        Assert.Equal(
            new UnlinkedItem("jira", "WEB-9", "Work on WEB-9", "https://tracker.example/WEB-9", "Web", "Story", "Done", 3),
            Figures.UnlinkedItems[0]);
    }

    [Fact]
    public void Kr_line_of_sight_counts_every_non_removed_linked_item_regardless_of_week()
    {
        var kr = KeyResult("O1-KR1");

        // PAY-1 in progress (3), PAY-2 done (5), GRO-5 to do (5); GRO-6 is removed. 3 + 5 + 5 = 13 points.
        Assert.Equal(new KrItemCounts(3, 1, 1, 1), kr.Items);
        Assert.Equal(13, kr.Points);
        Assert.Equal(Utc(2026, 11, 4, 10, 0), kr.LastActivity);   // PAY-2's; GRO-6's later update is removed work
        Assert.Equal(["growth", "payments"], kr.Teams);
    }

    [Fact]
    public void Kr_with_baseline_in_okrs_yaml_measures_progress_from_it()
    {
        var kr = KeyResult("O1-KR1");

        // Current = 41, the latest sample at or before now; (41 − 35) / (50 − 35) = 6 / 15 = 0.4.
        Assert.Equal((35, 50, 41, 0.4, "%"), (kr.Baseline, kr.Target, kr.Current, kr.Progress, kr.Unit));
        Assert.Empty(kr.Flags);
    }

    [Fact]
    public void Kr_without_baseline_takes_the_last_sample_before_the_period_and_flags_stale_and_unmoved()
    {
        var kr = KeyResult("O1-KR2");

        // Baseline 300 (30 Sep 23:00 Berlin), current 310 (30 Oct): (310 − 300) / (200 − 300) = −0.1, away from target.
        // GRO-1 (6 Nov) and GRO-4 (28 Oct) were done in the period; the last sample is 10 days before now.
        Assert.Equal((300, 200, 310, -0.1, "ms"), (kr.Baseline, kr.Target, kr.Current, kr.Progress, kr.Unit));
        Assert.Equal(new KrItemCounts(2, 0, 0, 2), kr.Items);
        Assert.Equal(21, kr.Points);
        Assert.Equal(["stale-metric", "activity-without-movement"], kr.Flags);
    }

    [Fact]
    public void Kr_whose_only_work_starts_after_the_week_and_has_no_metric_is_flagged()
    {
        var kr = KeyResult("O2-KR1");

        Assert.Equal((10, 20, (double?)null, (double?)null, (string?)null), (kr.Baseline, kr.Target, kr.Current, kr.Progress, kr.Unit));
        Assert.Equal(new KrItemCounts(1, 0, 1, 0), kr.Items);
        Assert.Equal(["Web"], kr.Teams);
        Assert.Equal(["no-work", "no-metric"], kr.Flags);
    }

    [Fact]
    public void Kr_with_nothing_at_all_is_flagged_for_every_gap()
    {
        var kr = KeyResult("O2-KR2");

        Assert.Equal(new KrItemCounts(0, 0, 0, 0), kr.Items);
        Assert.Equal((0.0, (DateTimeOffset?)null), (kr.Points, kr.LastActivity));
        Assert.Empty(kr.Teams);
        Assert.Equal(["no-work", "no-baseline", "stale-metric"], kr.Flags);
    }

    [Fact]
    public void Objectives_and_krs_follow_okrs_yaml_order()
    {
        Assert.Equal(
            ["O1: O1-KR1, O1-KR2", "O2: O2-KR1, O2-KR2"],
            Figures.Objectives.Select(o => $"{o.Id}: {string.Join(", ", o.KeyResults.Select(k => k.Id))}"));
        Assert.Equal("Objective O1", Figures.Objectives[0].Title);
        Assert.Equal("Move O1-KR1", Figures.Objectives[0].KeyResults[0].Title);
    }

    private static KeyResultReport KeyResult(string id) =>
        Figures.Objectives.SelectMany(o => o.KeyResults).Single(k => k.Id == id);
}
