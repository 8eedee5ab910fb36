using System.Text.RegularExpressions;
using OkrLinker.Core.Reports;
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

    private static List<string> Keys(string html) => [.. KeyCell().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<tr><td><span class=\"key\">([^<]+)</span>")]
    private static partial Regex KeyCell();
}
