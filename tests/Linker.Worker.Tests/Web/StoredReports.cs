using System.Text.Json;
using OkrLinker.Core.Figures;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Store;

namespace OkrLinker.Worker.Tests.Web;

/// <summary>Hand-made weekly reports and the snapshot rows that keep their JSON, as the report pipeline stores them.</summary>
public static class StoredReports
{
    /// <summary>A team name with the characters a Prometheus label value must escape.</summary>
    public const string AwkwardTeam = "we\"b\\ops";

    private static readonly PointTotals NoPoints = new(0, 0, 0, 0, 0);

    /// <summary>
    /// 2026-W47: payments 3 items (1 linked, 1 BAU, 1 unlinked → 0.3333); we"b\ops 4 items (2 linked, 2 unlinked → 0.5);
    /// totals 7 items, 3 unlinked → 3/7 = 0.4286. O1-KR1: (41 − 35) / (50 − 35) = 6/15 = 0.4; O1-KR2 has no current value.
    /// </summary>
    public static WeeklyReport Week47() => Report(
        "2026-W47",
        new Totals(7, 3, 1, 3, 0.4286, NoPoints),
        [new TeamFigures("payments", 3, 1, 1, 1, 0.3333, NoPoints), new TeamFigures(AwkwardTeam, 4, 2, 0, 2, 0.5, NoPoints)],
        [new ObjectiveReport("O1", "New users quickly find value", [Kr("O1-KR1", 35, 50, 41, 0.4), Kr("O1-KR2", 9, 4, null, null)])]);

    /// <summary>2026-W46: payments 10 items, 9 unlinked → 0.9; nothing linked to a KR with progress.</summary>
    public static WeeklyReport Week46() => Report(
        "2026-W46",
        new Totals(10, 1, 0, 9, 0.9, NoPoints),
        [new TeamFigures("payments", 10, 1, 0, 9, 0.9, NoPoints)],
        [new ObjectiveReport("O1", "New users quickly find value", [Kr("O1-KR1", 35, 50, null, null)])]);

    public static WeeklySnapshotRow Row(WeeklyReport report) => new()
    {
        Week = report.Week,
        From = report.From,
        To = report.To,
        Items = report.Totals.Items,
        Linked = report.Totals.Linked,
        Bau = report.Totals.Bau,
        Unlinked = report.Totals.Unlinked,
        UnlinkedShare = report.Totals.UnlinkedShare,
        TakenAt = report.GeneratedAt,
        ReportJson = JsonSerializer.Serialize(report, ReportJson.Options),
    };

    /// <summary>A snapshot taken before reports were kept with it: the API must pass it over.</summary>
    public static WeeklySnapshotRow RowWithoutJson(string week) => new()
    {
        Week = week,
        From = WebHarness.Start,
        To = WebHarness.Start.AddDays(7),
        TakenAt = WebHarness.Start,
    };

    private static WeeklyReport Report(string week, Totals totals, IReadOnlyList<TeamFigures> teams, IReadOnlyList<ObjectiveReport> objectives)
    {
        var (from, to) = IsoWeek.Parse(week).Bounds(TimeZoneInfo.Utc);
        return new WeeklyReport(
            WeeklyReport.CurrentSchemaVersion, week, from, to, to.AddHours(8), "2026-Q4",
            totals, teams, objectives, [], [], []);
    }

    private static KeyResultReport Kr(string id, double baseline, double target, double? current, double? progress) =>
        new(id, $"Key result {id}", baseline, target, current, progress, 0.5, null, null, [], "%", new KrItemCounts(0, 0, 0, 0), 0, null, [], [], null);
}
