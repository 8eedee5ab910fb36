using OkrLinker.Core.Reports;

namespace OkrLinker.Worker.Tests.Delivery.Support;

/// <summary>
/// A week whose figures the delivery tests spell out: 125 items, 64 linked, 25 BAU, 36 unlinked
/// (36 / 125 = 28.8%); 400 points, 120 unlinked (30%); payments 15 of 60 (25%), web 21 of 65
/// (21 / 65 = 0.3231 → 32.3%). Seven unlinked items listed, by points, one with a hostile title.
/// </summary>
internal static class DeliverySamples
{
    public const string Link = "https://okr.acme.example/reports/2026-W47";

    public const string HostileTitle = "<script>alert(1)</script> & friends";

    public static readonly DateTimeOffset From = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);

    public static WeeklyReport Report() => new(
        SchemaVersion: 1,
        Week: "2026-W47",
        From: From,
        To: From.AddDays(7),
        GeneratedAt: new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero),
        Period: "2026-Q4",
        Totals: new Totals(125, 64, 25, 36, 0.288, new PointTotals(400, 220, 60, 120, 0.3)),
        Teams:
        [
            new TeamFigures("payments", 60, 35, 10, 15, 0.25, new PointTotals(200, 120, 30, 50, 0.25)),
            new TeamFigures("web", 65, 29, 15, 21, 0.3231, new PointTotals(200, 100, 30, 70, 0.35)),
        ],
        Objectives:
        [
            new ObjectiveReport("O1", "New users quickly find value", [
                new KeyResultReport("O1-KR1", "Raise day-7 activation from 35% to 50%", 35, 50, 41, 0.4, 0.5761, "on-track", null, [], "%",
                    new KrItemCounts(12, 2, 6, 4), 40, From.AddDays(2), ["payments", "web"], [], null),
                new KeyResultReport("O1-KR2", "Cut time to first value from 9 to 4 minutes", null, 4, null, null, 0.5761, null, null, [], "min",
                    new KrItemCounts(0, 0, 0, 0), 0, null, [], ["no-work", "no-baseline"], null),
            ]),
            new ObjectiveReport("O2", "Checkout never makes people wait", [
                new KeyResultReport("O2-KR1", "Halve checkout p95 latency from 800 ms to 400 ms", 800, 400, 790, 0.025, 0.5761, "off-track", null, [], "ms",
                    new KrItemCounts(0, 0, 0, 0), 0, null, [], ["no-work"], null),
            ]),
        ],
        UnlinkedItems:
        [
            new UnlinkedItem("jira", "PAY-101", "Refactor the card vault", "https://acme.atlassian.net/browse/PAY-101", "payments", "Story", "In Progress", 13),
            new UnlinkedItem("gh", "acme/web#42", HostileTitle, "https://github.com/acme/web/issues/42", "web", "Issue", "open", 8),
            new UnlinkedItem("ado", "4711", "Upgrade build agents", "https://dev.azure.com/acme/Shop/_workitems/edit/4711", "web", "Task", "Active", 5),
            new UnlinkedItem("jira", "PAY-102", "Rotate PCI logs", "https://acme.atlassian.net/browse/PAY-102", "payments", "Task", "Done", 3),
            new UnlinkedItem("files", "WEB-5", "Clean up feature flags", null, "web", "Task", "doing", 2.5),
            new UnlinkedItem("files", "WEB-7", "Tidy the CSS", null, "web", "Task", "doing", 1),
            new UnlinkedItem("files", "WEB-8", "Spike without points", null, "web", "Spike", "doing", null),
        ],
        Findings: [new Finding("unknown-kr-tag", "warning", "PAY-9", "PAY-9 names 'O1-KR7', which is no KR of 2026-Q4")],
        Trend: [new TrendPoint("2026-W46", 0.3, Reconstructed: true), new TrendPoint("2026-W47", 0.288, Reconstructed: false)]);
}
