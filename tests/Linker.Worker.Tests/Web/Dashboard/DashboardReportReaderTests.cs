using System.Text;
using System.Text.Json;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Suggestions;
using OkrLinker.Worker.Web.Dashboard;

namespace OkrLinker.Worker.Tests.Web.Dashboard;

/// <summary>
/// The dashboard's streaming read of a stored report JSON (<see cref="DashboardReportReader"/>): the same page model as
/// the report's deserializer over the whole JSON, without the unlinked items' link explanations.
/// </summary>
public sealed class DashboardReportReaderTests
{
    private static readonly LinkExplanation Unlinked = new(LinkHow.Unlinked, null, [], ["It names no KR itself.", "No BAU rule matches it."]);

    // Five unlinked items: teams "a", "B", "A" and "b" (case variants: the picker shows the first spelling) and a slash team;
    // points 3, none, 3, 0.5, 8; suggestions on two (one list empty), absent on the rest.
    private static readonly WeeklyReport Report = StoredReports.Week47() with
    {
        UnlinkedItems =
        [
            new UnlinkedItem("jira", "PAY-2", "Émoji ✓ \"quoted\" <b>", "https://jira.example/PAY-2", "a", "Story", "Open", 3, Unlinked,
                [new KrSuggestion("O1-KR1", 0.94, ["3 of 3 siblings under PAY-1 serve O1-KR1", "title shares \"<b>\""]), new KrSuggestion("O1-KR2", 0.4, ["one"])]),
            new UnlinkedItem("gh", "acme/web#12", "docs", null, "B", "issue", "open", null, Unlinked, []),
            new UnlinkedItem("jira", "PAY-1", "Zebra", null, "A", "Story", "Done", 3, Unlinked),
            new UnlinkedItem("jira", "pay-10", "alpha", null, "b", "Bug", "Open", 0.5, Unlinked),
            new UnlinkedItem("gh", "acme/api#3", "Beta", null, "web/ops", "pull request", "merged", 8, Unlinked),
        ],
        Findings = [new Finding("unknown-kr-tag", "warning", "PAY-2", "PAY-2 names O9-KR9, which is no KR of 2026-Q4."), new Finding("kr-count", "info", "O1", "O1 has 2 KRs.")],
        Trend = [new TrendPoint("2026-W46", 0.9, false), new TrendPoint("2026-W47", 0.4286, false)],
    };

    private static readonly byte[] Json = JsonSerializer.SerializeToUtf8Bytes(Report, ReportJson.Options);

    [Fact]
    public void The_unlinked_items_read_are_the_json_s_but_for_their_link_explanations()
    {
        var read = Read(Json);

        var rows = Assert.IsType<UnlinkedRows>(read.UnlinkedItems);
        Assert.Equal(5, rows.Count);
        var first = rows[0];
        Assert.Equal(("jira", "PAY-2", "Émoji ✓ \"quoted\" <b>", "https://jira.example/PAY-2", "a", "Story", "Open", (double?)3),
            (first.Source, first.Key, first.Title, first.Url, first.Team, first.Type, first.State, first.Points));
        Assert.Null(first.Link);
        Assert.Equal(["O1-KR1", "O1-KR2"], first.Suggestions!.Select(s => s.Kr));
        Assert.Equal([0.94, 0.4], first.Suggestions!.Select(s => s.Score));
        Assert.Equal(["3 of 3 siblings under PAY-1 serve O1-KR1", "title shares \"<b>\""], first.Suggestions![0].Evidence);
        Assert.Empty(rows[1].Suggestions!);
        Assert.Null(rows[1].Points);
        Assert.Null(rows[2].Suggestions);
        Assert.Equal(0.5, rows[3].Points);
        Assert.Equal(["a", "B", "web/ops"], rows.Values(UnlinkedRows.Column.Team).Distinct(StringComparer.OrdinalIgnoreCase));
        Assert.Equal(["jira", "gh"], rows.Values(UnlinkedRows.Column.Source));
    }

    [Fact]
    public void Everything_but_the_unlinked_items_is_what_the_report_s_deserializer_reads()
    {
        var whole = ReportJson.Read(Encoding.UTF8.GetString(Json)) with { UnlinkedItems = [] };
        var read = Read(Json) with { UnlinkedItems = [] };

        Assert.Equal(JsonSerializer.Serialize(whole, ReportJson.Options), JsonSerializer.Serialize(read, ReportJson.Options));
        Assert.Equal(new Totals(7, 3, 1, 3, 0.4286, new PointTotals(0, 0, 0, 0, 0)), read.Totals);
        Assert.Equal(["PAY-2", "O1"], read.Findings.Select(f => f.Subject));
        Assert.Equal([0.9, 0.4286], read.Trend.Select(t => t.UnlinkedShare));
    }

    [Theory]
    [InlineData(null, null, false, 1)]
    [InlineData("a", null, false, 1)]
    [InlineData("b", "points", true, 1)]
    [InlineData(null, "points", false, 1)]
    [InlineData(null, "points", true, 1)]
    [InlineData(null, "key", false, 1)]
    [InlineData(null, "key", true, 1)]
    [InlineData(null, "title", true, 1)]
    [InlineData(null, "team", false, 1)]
    [InlineData(null, "source", true, 1)]
    [InlineData(null, "type", false, 1)]
    [InlineData(null, "state", true, 1)]
    [InlineData("WEB/OPS", "title", false, 1)]
    [InlineData("nobody", null, false, 1)]
    [InlineData(null, "points", true, 2)]
    public void The_unlinked_page_and_csv_are_the_same_from_either_read(string? team, string? sort, bool descending, int page)
    {
        var query = new UnlinkedQuery(team, null, null, null, sort, descending, page);
        var whole = View(ReportJson.Read(Encoding.UTF8.GetString(Json)));
        var read = View(Read(Json));

        Assert.Equal(UnlinkedPage.Render(whole, query), UnlinkedPage.Render(read, query));
        Assert.Equal(UnlinkedPage.Csv(whole.Report, query), UnlinkedPage.Csv(read.Report, query));
    }

    [Fact]
    public void Sorted_by_points_descending_the_rows_run_8_3_3_half_none_with_ties_by_source_then_key()
    {
        var rows = new UnlinkedQuery(null, null, null, null, "points", Descending: true, Page: 1).Apply(Read(Json).UnlinkedItems);

        Assert.Equal(["acme/api#3", "PAY-1", "PAY-2", "pay-10", "acme/web#12"], rows.Select(r => r.Key));
    }

    [Fact]
    public void The_home_and_team_pages_are_the_same_from_either_read()
    {
        var whole = View(ReportJson.Read(Encoding.UTF8.GetString(Json)));
        var read = View(Read(Json));

        Assert.Equal(HomePage.Render(whole), HomePage.Render(read));
        var query = new UnlinkedQuery("A", null, null, null, null, false, 1);
        var teamOfWhole = query.Apply(whole.Report.UnlinkedItems);
        var teamOfRead = query.Apply(read.Report.UnlinkedItems);
        Assert.Equal(["PAY-2", "PAY-1"], teamOfRead.Select(r => r.Key));
        Assert.Equal(
            TeamPage.Render(whole, "a", whole.Report.Teams[0], teamOfWhole, []),
            TeamPage.Render(read, "a", read.Report.Teams[0], teamOfRead, []));
    }

    [Fact]
    public void A_window_of_16_bytes_slides_and_grows_through_the_json_to_the_same_report()
    {
        var small = Read(Json, window: 16);
        var large = Read(Json);

        Assert.Equal(JsonSerializer.Serialize(large, ReportJson.Options), JsonSerializer.Serialize(small, ReportJson.Options));
        Assert.Equal("Zebra", small.UnlinkedItems[2].Title);
    }

    [Fact]
    public void A_report_without_unlinked_items_reads_as_the_whole_json_does()
    {
        var json = """{ "schemaVersion": 1, "week": "2026-W47", "unlinkedItems": null, "findings": [], "Trend": [ { "week": "2026-W47", "unlinkedShare": 0.25 } ] }""";

        var read = Read(Encoding.UTF8.GetBytes(json));
        var whole = ReportJson.Read(json);

        Assert.Null(read.UnlinkedItems);
        Assert.Null(whole.UnlinkedItems);
        Assert.Equal("2026-W47", read.Week);
        Assert.Equal(0.25, Assert.Single(read.Trend).UnlinkedShare);
    }

    [Fact]
    public void A_truncated_json_is_refused()
    {
        Assert.ThrowsAny<JsonException>(() => Read(Json[..(Json.Length / 2)], window: 64));
    }

    private static WeeklyReport Read(byte[] json, int window = 128 * 1024)
    {
        using var stream = new MemoryStream(json, writable: false);
        return DashboardReportReader.Read(stream, CancellationToken.None, window);
    }

    private static DashboardView View(WeeklyReport report) => new(report, "2026-W47", ["2026-W47"], SignedIn: false);
}
