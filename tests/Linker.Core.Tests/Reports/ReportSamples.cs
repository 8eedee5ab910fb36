using OkrLinker.Core.Reports;

namespace OkrLinker.Core.Tests.Reports;

/// <summary>A small report whose numbers the renderer tests can spell out.</summary>
internal static class ReportSamples
{
    public static readonly DateTimeOffset From = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);

    public static WeeklyReport Report(string unlinkedTitle = "Refactor the card vault") => new(
        SchemaVersion: 1,
        Week: "2026-W47",
        From: From,
        To: From.AddDays(7),
        GeneratedAt: new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero),
        Period: "2026-Q4",
        Totals: new Totals(4, 2, 1, 1, 0.25, new PointTotals(10, 5, 2, 3, 0.3)),
        Teams: [new TeamFigures("payments", 4, 2, 1, 1, 0.25, new PointTotals(10, 5, 2, 3, 0.3))],
        Objectives:
        [
            new ObjectiveReport("O1", "New users find value", [
                new KeyResultReport("O1-KR1", "Raise activation from 35% to 50%", 35, 50, 41, 0.4, 0.5761, "at-risk", null,
                    [Point(10, 1, 35), Point(10, 15, 36.5), Point(11, 1, 38), Point(11, 15, 40), Point(11, 22, 41)], "%",
                    new KrItemCounts(2, 0, 1, 1), 5, From.AddDays(2), ["payments"], [], null),
                new KeyResultReport("O1-KR2", "Cut time to value from 9 to 4 min", null, 4, null, null, 0.5761, null, null, [], "min",
                    new KrItemCounts(0, 0, 0, 0), 0, null, [], ["no-work", "no-baseline", "stale-metric"], "sheets: no file 'ttv.csv' in samples/metrics"),
                new KeyResultReport("O1-KR3", "Cut lead time from 4 to 1 days", 4.2, 1, 2.4, 0.5625, 0.5761, "on-track",
                    new BaselineSource("sheets", "lead-time.csv", new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), 4.2, new DateTimeOffset(2026, 10, 2, 6, 0, 0, TimeSpan.Zero)),
                    [Point(10, 1, 4.2), Point(11, 1, 3.1), Point(11, 22, 2.4)], "days",
                    new KrItemCounts(1, 0, 1, 0), 3, From.AddDays(1), ["web"], [], null),
            ]),
        ],
        UnlinkedItems: [new UnlinkedItem("jira", "PAY-2", unlinkedTitle, "https://acme.atlassian.net/browse/PAY-2", "payments", "Story", "In Progress", 3)],
        Findings: [new Finding("unknown-kr-tag", "warning", "PAY-9", "PAY-9 names 'O1-KR7', which is no KR of 2026-Q4; did you mean O1-KR1?")],
        Trend: [new TrendPoint("2026-W46", 0.3333, Reconstructed: true), new TrendPoint("2026-W47", 0.25, Reconstructed: false)]);

    private static MetricPoint Point(int month, int day, double value) => new(new DateTimeOffset(2026, month, day, 0, 0, 0, TimeSpan.Zero), value);
}
