using OkrLinker.Core.Figures;
using OkrLinker.Core.Items;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Tests.Support;
using static OkrLinker.Core.Tests.Figures.Berlin;

namespace OkrLinker.Core.Tests.Figures;

public sealed class WeekScopeTests
{
    [Fact]
    public void Resolved_times_fall_in_the_local_week_even_when_the_utc_date_says_otherwise()
    {
        LinkingResult linked = new(
            [
                Some.Unlinked(Some.Done("SUN-BEFORE", Utc(2026, 11, 1, 22, 30))),   // Sun 1 Nov 23:30 CET: W44
                Some.Unlinked(Some.Done("MON-FIRST", Utc(2026, 11, 1, 23, 30))),    // Mon 2 Nov 00:30 CET (UTC still Sunday): W45
                Some.Unlinked(Some.Done("SUN-LAST", Utc(2026, 11, 8, 22, 30))),     // Sun 8 Nov 23:30 CET: W45
                Some.Unlinked(Some.Done("MON-NEXT", Utc(2026, 11, 8, 23, 30))),     // Mon 9 Nov 00:30 CET (UTC still Sunday): W46
            ],
            []);

        var figures = FigureCalculator.Compute(linked, Some.Okrs(), Week, Zone, [], Now);

        Assert.Equal(["MON-FIRST", "SUN-LAST"], figures.UnlinkedItems.Select(u => u.Key).Order(StringComparer.Ordinal));
        Assert.Equal(2, figures.Totals.Items);
    }

    [Fact]
    public void Week_spanning_the_end_of_summer_time_is_169_hours_long()
    {
        // W43 2026: Mon 19 Oct 00:00 CEST (22:00Z the day before) to Mon 26 Oct 00:00 CET (23:00Z the day before).
        var (from, to) = new IsoWeek(2026, 43).Bounds(Zone);

        Assert.Equal((Utc(2026, 10, 18, 22, 0), Utc(2026, 10, 25, 23, 0)), (from, to));
        Assert.Equal(TimeSpan.FromHours(169), to - from);
    }

    [Theory]
    [InlineData(StateCategory.InProgress, "2026-01-01T00:00:00Z", null, true)]        // created long ago, still going
    [InlineData(StateCategory.InProgress, "2026-11-08T22:59:59Z", null, true)]        // created a second before the week ends
    [InlineData(StateCategory.InProgress, "2026-11-08T23:00:00Z", null, false)]       // created as it ends
    [InlineData(StateCategory.Done, "2026-10-01T00:00:00Z", "2026-11-01T23:00:00Z", true)]   // resolved at the first instant
    [InlineData(StateCategory.Done, "2026-10-01T00:00:00Z", "2026-11-08T23:00:00Z", false)]  // resolved at the end bound
    [InlineData(StateCategory.Done, "2026-10-01T00:00:00Z", null, false)]             // done without a resolved time
    [InlineData(StateCategory.ToDo, "2026-10-01T00:00:00Z", null, false)]
    [InlineData(StateCategory.Removed, "2026-10-01T00:00:00Z", "2026-11-04T00:00:00Z", false)]
    public void In_scope_rule(StateCategory category, string created, string? resolved, bool expected)
    {
        var item = Some.Item("PAY-1") with
        {
            Category = category,
            Created = DateTimeOffset.Parse(created, System.Globalization.CultureInfo.InvariantCulture),
            Resolved = resolved is null ? null : DateTimeOffset.Parse(resolved, System.Globalization.CultureInfo.InvariantCulture),
        };

        Assert.Equal(expected, FigureCalculator.IsInScope(item, WeekFrom, WeekTo));
    }

    [Fact]
    public void Shares_round_half_away_from_zero_to_four_places()
    {
        // 1 unlinked of 32 = 0.03125 exactly: away from zero gives 0.0313 (to-even would give 0.0312).
        // Points: 1 of 32 the same way.
        var items = Enumerable.Range(1, 31).Select(i => Some.Linked(Some.InProgress($"PAY-{i}", points: 1), "O1-KR1"))
            .Append(Some.Unlinked(Some.InProgress("PAY-32", points: 1)));

        var totals = FigureCalculator.Compute(new LinkingResult([.. items], []), Some.Okrs(), Week, Zone, [], Now).Totals;

        Assert.Equal((0.0313, 0.0313), (totals.UnlinkedShare, totals.Points.UnlinkedShare));
    }

    [Fact]
    public void An_empty_week_has_zero_shares_and_no_teams()
    {
        var figures = FigureCalculator.Compute(
            new LinkingResult([Some.Unlinked(Some.ToDo("PAY-1", points: 3))], []), Some.Okrs(), Week, Zone, [], Now);

        Assert.Equal(new Core.Reports.Totals(0, 0, 0, 0, 0, new Core.Reports.PointTotals(0, 0, 0, 0, 0)), figures.Totals);
        Assert.Empty(figures.Teams);
        Assert.Empty(figures.UnlinkedItems);
    }

    [Fact]
    public void Team_names_differing_only_in_case_are_one_team_named_as_first_seen()
    {
        var figures = FigureCalculator.Compute(
            new LinkingResult(
                [Some.Unlinked(Some.InProgress("PAY-1", team: "Payments")), Some.Bau(Some.InProgress("PAY-2", team: "payments"))],
                []),
            Some.Okrs(), Week, Zone, [], Now);

        var team = Assert.Single(figures.Teams);
        Assert.Equal(("Payments", 2, 1, 1), (team.Team, team.Items, team.Bau, team.Unlinked));
    }

    [Fact]
    public void Unlinked_items_with_equal_points_are_ordered_by_key()
    {
        var figures = FigureCalculator.Compute(
            new LinkingResult(
                [
                    Some.Unlinked(Some.InProgress("PAY-2")),
                    Some.Unlinked(Some.InProgress("PAY-b", points: 2)),
                    Some.Unlinked(Some.InProgress("PAY-1")),
                    Some.Unlinked(Some.InProgress("PAY-A", points: 2)),
                ],
                []),
            Some.Okrs(), Week, Zone, [], Now);

        // Ordinal: "PAY-A" < "PAY-b" (A = 65, b = 98).
        Assert.Equal(["PAY-A", "PAY-b", "PAY-1", "PAY-2"], figures.UnlinkedItems.Select(u => u.Key));
    }
}
