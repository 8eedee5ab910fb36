using System.Text.RegularExpressions;
using OkrLinker.Core.Reports;

namespace OkrLinker.Core.Tests.Reports;

public sealed partial class HtmlChartTests
{
    [Fact]
    public async Task The_trend_has_one_point_per_week_and_reconstructed_ones_are_hollow()
    {
        var html = await HtmlReportRendererTests.RenderAsync(ReportSamples.Report());

        // y = 220 − 200·share: 0.3333 → 220 − 66.66 = 153.34; 0.25 → 220 − 50 = 170.
        // Two points sit at the ends of x 80…912.
        Assert.Equal(
            [("point reconstructed", "80", "153.34"), ("point", "912", "170")],
            Circles(html));
        Assert.Contains("<polyline class=\"line\" points=\"80,153.34 912,170\"/>", html, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"trend-chart\" class=\"chart\" viewBox=\"0 0 960 256\" role=\"img\" aria-label=\"Unlinked share trend: 2026-W46 33.3% (reconstructed); 2026-W47 25%\">", html, StringComparison.Ordinal);
        Assert.Contains("Hollow points were worked out afterwards from the store: no report was made that week.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_trend_axis_runs_from_0_to_100_percent()
    {
        var html = await HtmlReportRendererTests.RenderAsync(ReportSamples.Report());

        // 0 % at y 220, 50 % at 120, 100 % at 20.
        Assert.Contains("<line class=\"axis\" x1=\"48\" y1=\"220\" x2=\"944\" y2=\"220\"/><text class=\"tick\" x=\"40\" y=\"220\" dy=\"0.35em\" text-anchor=\"end\">0%</text>", html, StringComparison.Ordinal);
        Assert.Contains("<text class=\"tick\" x=\"40\" y=\"120\" dy=\"0.35em\" text-anchor=\"end\">50%</text>", html, StringComparison.Ordinal);
        Assert.Contains("<text class=\"tick\" x=\"40\" y=\"20\" dy=\"0.35em\" text-anchor=\"end\">100%</text>", html, StringComparison.Ordinal);
        Assert.Contains("<text class=\"week\" x=\"80\" y=\"242\" text-anchor=\"middle\">2026-W46</text>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eight_weeks_are_spread_evenly()
    {
        var trend = Enumerable.Range(40, 8).Select(w => new TrendPoint($"2026-W{w}", 0.5, Reconstructed: false)).ToList();
        var html = await HtmlReportRendererTests.RenderAsync(ReportSamples.Report() with { Trend = trend });

        // 832 / 7 = 118.857142… apart from x 80; y = 220 − 100 = 120.
        Assert.Equal(
            ["80", "198.86", "317.71", "436.57", "555.43", "674.29", "793.14", "912"],
            Circles(html).Select(c => c.X));
        Assert.All(Circles(html), c => Assert.Equal("120", c.Y));
    }

    [Fact]
    public async Task A_single_week_is_one_point_in_the_middle_without_a_line()
    {
        var html = await HtmlReportRendererTests.RenderAsync(ReportSamples.Report() with { Trend = [new TrendPoint("2026-W47", 1, Reconstructed: false)] });

        // (48 + 944) / 2 = 496; 100 % → y 20.
        Assert.Equal([("point", "496", "20")], Circles(html));
        Assert.DoesNotContain("<polyline class=\"line\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Hollow points", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_weeks_still_draw_the_axes_and_say_so()
    {
        var html = await HtmlReportRendererTests.RenderAsync(ReportSamples.Report() with { Trend = [] });

        Assert.Empty(Circles(html));
        Assert.Contains("aria-label=\"Unlinked share trend: no weeks to show yet\"", html, StringComparison.Ordinal);
        Assert.Contains(">No weeks to show yet</text>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Team_bars_are_as_long_as_their_share()
    {
        var sample = ReportSamples.Report();
        var points = new PointTotals(0, 0, 0, 0, 0);
        var report = sample with
        {
            Totals = new Totals(10, 5, 1, 4, 0.4, points),
            Teams = [new TeamFigures("payments", 4, 2, 1, 1, 0.25, points), new TeamFigures("web", 5, 2, 0, 3, 0.6, points), new TeamFigures("ops", 1, 1, 0, 0, 0, points)],
        };

        var html = await HtmlReportRendererTests.RenderAsync(report);

        // The track is 600 wide from x 210: 0.25 → 150, 0.6 → 360, 0 → 0; all teams 0.4 → x 210 + 240 = 450.
        // Three rows of 30 from y 8 end at 98; the marker starts 4 above the first row.
        Assert.Equal(["150", "360", "0"], Bars().Matches(html).Select(m => m.Groups["w"].Value));
        Assert.Contains("<line class=\"overall\" x1=\"450\" y1=\"4\" x2=\"450\" y2=\"98\"/>", html, StringComparison.Ordinal);
        Assert.Contains(">60% · 3 of 5</text>", html, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"team-bars\" class=\"chart bars\" viewBox=\"0 0 960 120\" role=\"img\" aria-label=\"Unlinked share per team: payments 25%; web 60%; ops 0%; all teams 40%\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_team_name_is_shortened_on_the_bar_and_kept_whole_in_its_title()
    {
        var sample = ReportSamples.Report();
        var name = "platform-and-developer-experience";
        var html = await HtmlReportRendererTests.RenderAsync(sample with { Teams = [sample.Teams[0] with { Team = name }] });

        // 24 characters at most: 23 of the name and an ellipsis.
        Assert.Contains("text-anchor=\"end\">platform-and-developer-…<title>platform-and-developer-experience</title></text>", html, StringComparison.Ordinal);
    }

    private static List<(string Class, string X, string Y)> Circles(string html) =>
        Circle().Matches(html).Select(m => (m.Groups["c"].Value, m.Groups["x"].Value, m.Groups["y"].Value)).ToList();

    [GeneratedRegex("<circle class=\"(?<c>[^\"]+)\" cx=\"(?<x>[^\"]+)\" cy=\"(?<y>[^\"]+)\"")]
    private static partial Regex Circle();

    [GeneratedRegex("<rect class=\"bar\" x=\"210\" y=\"[^\"]+\" width=\"(?<w>[^\"]+)\"")]
    private static partial Regex Bars();
}
