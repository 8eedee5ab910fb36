using System.Text.RegularExpressions;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Suggestions;
using OkrLinker.Worker.Web.Dashboard;

namespace OkrLinker.Worker.Tests.Web.Dashboard;

/// <summary>The unlinked list's paging and its links: 50 rows a page, the query kept in every link.</summary>
public sealed partial class UnlinkedPageTests
{
    // 120 items U-001 … U-120 with 1 … 120 points; teams a and b alternate.
    private static readonly WeeklyReport Report = StoredReports.Week47() with
    {
        UnlinkedItems = [.. Enumerable.Range(1, 120).Select(n => new UnlinkedItem("jira", $"U-{n:000}", $"Item {n}", null, n % 2 == 0 ? "a" : "b", "Story", "Open", n))],
    };

    [Fact]
    public void The_third_page_of_120_rows_sorted_by_points_holds_the_last_20_and_links_back()
    {
        var view = new DashboardView(Report, "2026-W47", ["2026-W47"], SignedIn: false);

        var html = UnlinkedPage.Render(view, new UnlinkedQuery(null, null, null, null, "points", Descending: false, Page: 3));

        Assert.Equal([.. Enumerable.Range(101, 20).Select(n => $"U-{n:000}")], Keys(html));
        Assert.Contains("Page 3 of 3", html, StringComparison.Ordinal);
        Assert.Contains("<a rel=\"prev\" href=\"/unlinked?week=2026-W47&amp;sort=points&amp;dir=asc&amp;page=2\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_filtered_page_counts_only_its_rows_and_the_csv_link_carries_the_filter()
    {
        var view = new DashboardView(Report, null, ["2026-W47"], SignedIn: false);

        var html = UnlinkedPage.Render(view, new UnlinkedQuery("A", null, null, null, "points", Descending: true, Page: 2));

        Assert.Equal([.. Enumerable.Range(0, 10).Select(k => $"U-{20 - (2 * k):000}")], Keys(html));
        Assert.Contains("<span id=\"unlinked-count\">60</span> of 120 items", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/unlinked.csv?team=A&amp;sort=points&amp;dir=desc\"", html, StringComparison.Ordinal);
        Assert.Equal(61, UnlinkedPage.Csv(Report, new UnlinkedQuery("a", null, null, null, null, false, 1)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void A_page_past_the_end_shows_the_last_page()
    {
        var view = new DashboardView(Report, null, [], SignedIn: false);

        var html = UnlinkedPage.Render(view, new UnlinkedQuery(null, null, null, null, null, false, Page: 9));

        Assert.Contains("Page 3 of 3", html, StringComparison.Ordinal);
        Assert.Equal(20, Keys(html).Count);
    }

    [Fact]
    public void Each_row_shows_the_report_s_suggestions_with_their_evidence_escaped_and_links_to_the_item_page()
    {
        var report = StoredReports.Week47() with
        {
            UnlinkedItems =
            [
                new UnlinkedItem("gh", "acme/web#12", "Docs", null, "web", "issue", "open", 2, Suggestions:
                [
                    new KrSuggestion("O1-KR1", 0.94, ["3 of 3 siblings under acme/web#1 serve O1-KR1", "title shares \"<b>\" (1 item) with O1-KR1"]),
                    new KrSuggestion("O1-KR2", 0.4, ["1 of 1 linked item of team web updated in the last 4 weeks serves O1-KR2"]),
                ]),
                new UnlinkedItem("jira", "PAY-9", "Alone", null, "web", "Story", "Open", 1, Suggestions: []),
                new UnlinkedItem("jira", "PAY-10", "Past the cap", null, "web", "Story", "Open", null),
            ],
        };
        var view = new DashboardView(report, "2026-W47", ["2026-W47"], SignedIn: false);

        var html = UnlinkedPage.Render(view, new UnlinkedQuery(null, null, null, null, null, false, 1));

        Assert.Contains(
            "<td class=\"suggestions\"><ol class=\"suggestions\"><li><a class=\"key\" href=\"/kr/O1-KR1?week=2026-W47\">O1-KR1</a> "
            + "<span class=\"score\" title=\"score from 0 to 1\">0.94</span><ul class=\"evidence small\"><li>3 of 3 siblings under acme/web#1 serve O1-KR1</li>"
            + "<li>title shares &quot;&lt;b&gt;&quot; (1 item) with O1-KR1</li></ul></li>"
            + "<li><a class=\"key\" href=\"/kr/O1-KR2?week=2026-W47\">O1-KR2</a> <span class=\"score\" title=\"score from 0 to 1\">0.40</span>"
            + "<ul class=\"evidence small\"><li>1 of 1 linked item of team web updated in the last 4 weeks serves O1-KR2</li></ul></li></ol>"
            + "<a class=\"review\" href=\"/item/gh/acme%2Fweb%2312?week=2026-W47\" aria-label=\"Review acme/web#12 and approve a KR\">Review</a></td>",
            html,
            StringComparison.Ordinal);
        Assert.Contains("<span class=\"muted\">none: nothing near it serves a KR</span><a class=\"review\" href=\"/item/jira/PAY-9?week=2026-W47\"", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"muted\">not computed</span><a class=\"review\" href=\"/item/jira/PAY-10?week=2026-W47\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    private static List<string> Keys(string html) => [.. KeyCell().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<tr><td><span class=\"key\">([^<]+)</span>")]
    private static partial Regex KeyCell();
}
