using OkrLinker.Core.Reports;

namespace OkrLinker.Worker.Tests.Browser;

/// <summary>A week as a leader would see it: four teams, two objectives, eight weeks of trend, and hostile tracker text.</summary>
internal static class BrowserReportSample
{
    public const string HostileTitle = "<script>alert(1)</script> & \"quotes\"";

    private static readonly DateTimeOffset From = new(2026, 11, 16, 0, 0, 0, TimeSpan.FromHours(1));

    public static WeeklyReport Report() => new(
        SchemaVersion: 1,
        Week: "2026-W47",
        From: From,
        To: From.AddDays(7),
        GeneratedAt: new DateTimeOffset(2026, 11, 23, 7, 30, 0, TimeSpan.Zero),
        Period: "2026-Q4",
        Totals: new Totals(48, 29, 7, 12, 0.25, new PointTotals(131, 82, 15, 34, 0.2595)),
        Teams:
        [
            new TeamFigures("payments", 14, 10, 2, 2, 0.1429, new PointTotals(40, 31, 4, 5, 0.125)),
            new TeamFigures("web", 16, 8, 2, 6, 0.375, new PointTotals(45, 22, 5, 18, 0.4)),
            new TeamFigures("platform-and-developer-experience", 12, 8, 3, 1, 0.0833, new PointTotals(30, 23, 6, 1, 0.0333)),
            new TeamFigures("Zürich data", 6, 3, 0, 3, 0.5, new PointTotals(16, 6, 0, 10, 0.625)),
        ],
        Objectives:
        [
            new ObjectiveReport("O1", "New users quickly find value in the product", [
                new KeyResultReport("O1-KR1", "Raise day-7 activation from 35% to 50%", 35, 50, 41, 0.4, 0.5, "on-track", null, [], "%",
                    new KrItemCounts(11, 3, 4, 4), 38, From.AddDays(2), ["payments", "web"], [], null),
                new KeyResultReport("O1-KR2", "Cut time to first value from 9 to 4 minutes", 9, 4, 7.5, 0.3, 0.5, "at-risk", null, [], "min",
                    new KrItemCounts(6, 2, 2, 2), 21, From.AddDays(3), ["web"], ["stale-metric"], "no sample yet"),
                new KeyResultReport("O1-KR3", "Launch guided onboarding in 3 markets", null, 3, null, null, 0.5, null, null, [], "markets",
                    new KrItemCounts(0, 0, 0, 0), 0, null, [], ["no-work", "no-baseline"], null),
            ]),
            new ObjectiveReport("O2", "Payments are boringly reliable", [
                new KeyResultReport("O2-KR1", "Checkout success rate from 97.2% to 99.5%", 97.2, 99.5, 99.1, 0.8261, 0.5, "on-track", null, [], "%",
                    new KrItemCounts(9, 1, 3, 5), 27, From.AddDays(4), ["payments", "platform-and-developer-experience"], [], null),
                new KeyResultReport("O2-KR2", "Halve payment incidents per month from 6 to 3", 6, 3, 6.5, -0.1667, 0.5, "off-track", null, [], null,
                    new KrItemCounts(3, 2, 1, 0), 8, From.AddDays(1), ["payments"], ["off-track"], null),
            ]),
        ],
        UnlinkedItems:
        [
            new UnlinkedItem("jira", "WEB-311", HostileTitle, "https://acme.atlassian.net/browse/WEB-311", "web", "Story", "In Progress", 5),
            new UnlinkedItem("jira", "WEB-298", "Migrate the design tokens to the new build", "https://acme.atlassian.net/browse/WEB-298", "web", "Task", "Done", 8),
            new UnlinkedItem("github", "acme/web#1204", "Dark mode for the settings page", "https://github.com/acme/web/issues/1204", "web", "Issue", "In Progress", 3),
            new UnlinkedItem("jira", "PAY-412", "=HYPERLINK(\"https://evil.example\",\"click\")", "javascript:alert(document.domain)", "payments", "Bug", "Done", 2),
            new UnlinkedItem("csv", "DATA-17", "Rebuild the nightly export for finance", null, "Zürich data", "Task", "Done", null),
        ],
        Findings:
        [
            new Finding("unknown-kr-tag", "warning", "PAY-9", "PAY-9 names 'O1-KR7', which is no KR of 2026-Q4; did you mean O1-KR1?"),
            new Finding("too-many-objectives", "info", "2026-Q4", "The period has 2 objectives; fine."),
            new Finding("kr-without-metric", "error", "O1-KR3", "O1-KR3 has no metric, so its progress cannot be measured."),
        ],
        Trend:
        [
            new TrendPoint("2026-W40", 0.41, Reconstructed: true),
            new TrendPoint("2026-W41", 0.38, Reconstructed: true),
            new TrendPoint("2026-W42", 0.352, Reconstructed: false),
            new TrendPoint("2026-W43", 0.33, Reconstructed: false),
            new TrendPoint("2026-W44", 0.3614, Reconstructed: false),
            new TrendPoint("2026-W45", 0.29, Reconstructed: true),
            new TrendPoint("2026-W46", 0.2708, Reconstructed: false),
            new TrendPoint("2026-W47", 0.25, Reconstructed: false),
        ]);
}
