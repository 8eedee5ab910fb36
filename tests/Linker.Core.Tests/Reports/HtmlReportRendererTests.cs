using System.Text;
using System.Text.RegularExpressions;
using OkrLinker.Core.Reports;

namespace OkrLinker.Core.Tests.Reports;

public sealed partial class HtmlReportRendererTests
{
    [Fact]
    public async Task Is_one_self_contained_english_page_with_a_title()
    {
        var html = await RenderAsync(ReportSamples.Report());

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>OKR line-of-sight — 2026-W47</title>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_only_addresses_are_the_items_own_links()
    {
        var html = await RenderAsync(ReportSamples.Report());

        Assert.Equal(["https://acme.atlassian.net/browse/PAY-2"], Address().Matches(html).Select(m => m.Value));
        Assert.Contains("<a href=\"https://acme.atlassian.net/browse/PAY-2\" rel=\"noopener noreferrer\">PAY-2</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leads_with_the_unlinked_share_by_count_and_by_points()
    {
        var html = await RenderAsync(ReportSamples.Report());

        // 1 of 4 items = 25 %; 3 of 10 points = 30 %.
        Assert.Contains("<p class=\"hero-figure\">25%</p><p class=\"hero-text\">of this week's work serves no OKR: <strong>1 of 4</strong> items.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"hero-figure\">30%</p><p class=\"hero-text\">of the week's story points: <strong>3 of 10</strong> points.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>payments</td><td class=\"num\">4</td><td class=\"num\">2</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">25%</td><td class=\"num\">10</td><td class=\"num\">30%</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_the_week_its_bounds_and_the_period()
    {
        var sample = ReportSamples.Report();
        var berlin = TimeSpan.FromHours(1);
        var html = await RenderAsync(sample with { From = sample.From.ToOffset(berlin).AddHours(-1), To = sample.To.ToOffset(berlin).AddHours(-1) });

        Assert.Contains("<p class=\"eyebrow\">OKR line-of-sight · 2026-Q4</p>\n<h1>Week 2026-W47</h1>", html, StringComparison.Ordinal);
        // 2026-11-16 00:00 UTC on a +01:00 clock is 01:00; one hour earlier is midnight there.
        Assert.Contains("<p class=\"muted\">from 2026-11-16 00:00 to 2026-11-23 00:00 (UTC+01:00)</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_outside_ascii_stay_readable()
    {
        var sample = ReportSamples.Report();
        var html = await RenderAsync(sample with { Teams = [sample.Teams[0] with { Team = "Zürich – データ" }] });

        Assert.Contains("<tr><td>Zürich – データ</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_in_a_title_is_shown_as_text()
    {
        var html = await RenderAsync(ReportSamples.Report("<script>alert(1)</script>"));

        Assert.Contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Every_text_from_the_report_is_encoded()
    {
        const string Evil = "<b onmouseover=\"x\">'&";
        const string Encoded = "&lt;b onmouseover=&quot;x&quot;&gt;&#x27;&amp;";
        var sample = ReportSamples.Report();
        var kr = sample.Objectives[0].KeyResults[0] with
        {
            Id = Evil, Title = Evil, Unit = Evil, Teams = [Evil], Flags = [Evil], StaleReason = Evil, Status = Evil,
            Baseline = null, BaselineSource = new BaselineSource(Evil, Evil, ReportSamples.From, 1, null),
        };
        var report = sample with
        {
            Week = Evil,
            Period = Evil,
            Teams = [sample.Teams[0] with { Team = Evil }],
            Objectives = [new ObjectiveReport(Evil, Evil, [kr])],
            UnlinkedItems = [new UnlinkedItem(Evil, Evil, Evil, null, Evil, Evil, Evil, 1)],
            Findings = [new Finding(Evil, Evil, Evil, Evil)],
            Trend = [new TrendPoint(Evil, 0.5, Reconstructed: false)],
        };

        var html = await RenderAsync(report);

        Assert.DoesNotContain("<b ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onmouseover=\"", html, StringComparison.Ordinal);
        Assert.Contains($"<title>OKR line-of-sight — {Encoded}</title>", html, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"badge\">{Encoded}</span>", html, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"kr-source\">Baseline from {Encoded} ({Encoded}), the sample of 2026-11-16 00:00 UTC</span><span class=\"kr-stale\">Stale: {Encoded}</span>", html, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"status {Encoded}\">{Encoded}</span>", html, StringComparison.Ordinal);
        Assert.Contains($"aria-label=\"Samples of {Encoded}: 35 {Encoded} on 2026-10-01", html, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"badge other\">{Encoded}</span>", html, StringComparison.Ordinal);
        Assert.Contains($"aria-label=\"Unlinked share per team: {Encoded} 25%; all teams 25%\"", html, StringComparison.Ordinal);
        Assert.Contains($"<td class=\"key\">{Encoded}</td><td>{Encoded}</td><td>{Encoded}</td><td>{Encoded}</td><td>{Encoded}</td>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData(" JavaScript:alert(document.cookie)")]
    [InlineData("data:text/html,hello")]
    [InlineData("vbscript:msgbox")]
    [InlineData("ftp://files.example/PAY-2")]
    [InlineData("/browse/PAY-2")]
    [InlineData("not a url")]
    public async Task Only_http_and_https_addresses_become_links(string url)
    {
        var sample = ReportSamples.Report();
        var html = await RenderAsync(sample with { UnlinkedItems = [sample.UnlinkedItems[0] with { Url = url }] });

        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td class=\"key\">PAY-2</td><td>Refactor the card vault</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quote_in_a_link_cannot_leave_the_attribute()
    {
        var sample = ReportSamples.Report();
        var html = await RenderAsync(sample with { UnlinkedItems = [sample.UnlinkedItems[0] with { Url = "https://acme.example/a\"onmouseover=\"alert(1)" }] });

        Assert.Contains("<a href=\"https://acme.example/a&quot;onmouseover=&quot;alert(1)\" rel=\"noopener noreferrer\">PAY-2</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shows_each_kr_with_its_numbers_and_flags_as_badges()
    {
        var html = await RenderAsync(ReportSamples.Report());

        Assert.Contains("<h3><span class=\"key\">O1</span> New users find value</h3>", html, StringComparison.Ordinal);
        // Progress 0.4 → "40%" and a bar 40 % wide, 57.6% expected, at risk; the sparkline spreads 5 samples
        // 29 apart from x 2 and puts 35..41 on y 26..2: 36.5 → 26 − 1.5/6·24 = 20, 38 → 14, 40 → 6.
        Assert.Contains("<th class=\"num\">Progress</th><th class=\"num\">Expected</th><th>Status</th><th>Trend</th><th class=\"num\">Items</th>", html, StringComparison.Ordinal);
        Assert.Contains(
            "<tr><td class=\"kr\"><span class=\"key\">O1-KR1</span> <span class=\"kr-title\">Raise activation from 35% to 50%</span><span class=\"kr-teams\">payments</span><span class=\"kr-source\">Baseline from okrs.yaml</span></td><td class=\"num\">35%</td><td class=\"num\">41%</td><td class=\"num\">50%</td><td class=\"num\">40%<span class=\"progress\" aria-hidden=\"true\"><span style=\"width:40%\"></span></span></td><td class=\"num\">57.6%</td><td><span class=\"status at-risk\">at-risk</span></td><td><svg class=\"spark\" viewBox=\"0 0 120 28\" width=\"120\" height=\"28\" role=\"img\" aria-label=\"Samples of O1-KR1: 35% on 2026-10-01 to 41% on 2026-11-22, 5 in all\"><polyline points=\"2,26 31,20 60,14 89,6 118,2\"/><circle cx=\"118\" cy=\"2\" r=\"2\"/></svg></td><td class=\"num\">2</td><td class=\"num\">0</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">5</td><td></td></tr>\n",
            html,
            StringComparison.Ordinal);
        Assert.Contains(
            "<tr><td class=\"kr\"><span class=\"key\">O1-KR2</span> <span class=\"kr-title\">Cut time to value from 9 to 4 min</span><span class=\"kr-source\">No baseline yet</span><span class=\"kr-stale\">Stale: sheets: no file &#x27;ttv.csv&#x27; in samples/metrics</span></td><td class=\"num\">–</td><td class=\"num\">–</td><td class=\"num\">4 min</td><td class=\"num\">–</td><td class=\"num\">57.6%</td><td>–</td><td>–</td><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">0</td><td class=\"num\">0</td><td><span class=\"badge\">no-work</span><span class=\"badge\">no-baseline</span><span class=\"badge\">stale-metric</span></td></tr>\n",
            html,
            StringComparison.Ordinal);
        Assert.Contains(
            "<tr><td class=\"kr\"><span class=\"key\">O1-KR3</span> <span class=\"kr-title\">Cut lead time from 4 to 1 days</span><span class=\"kr-teams\">web</span><span class=\"kr-source\">Baseline from sheets (lead-time.csv), the sample of 2026-10-01 00:00 UTC</span></td><td class=\"num\">4.2 days</td><td class=\"num\">2.4 days</td><td class=\"num\">1 days</td><td class=\"num\">56.3%<span class=\"progress\" aria-hidden=\"true\"><span style=\"width:56.3%\"></span></span></td><td class=\"num\">57.6%</td><td><span class=\"status on-track\">on-track</span></td><td><svg class=\"spark\" viewBox=\"0 0 120 28\" width=\"120\" height=\"28\" role=\"img\" aria-label=\"Samples of O1-KR3: 4.2 days on 2026-10-01 to 2.4 days on 2026-11-22, 3 in all\"><polyline points=\"2,2 60,16.67 118,26\"/><circle cx=\"118\" cy=\"26\" r=\"2\"/></svg></td><td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">3</td><td></td></tr>\n",
            html,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_findings_and_the_generated_time()
    {
        var html = await RenderAsync(ReportSamples.Report());

        Assert.Contains(
            "<tr><td><span class=\"badge warning\">warning</span></td><td><code>unknown-kr-tag</code></td><td class=\"key\">PAY-9</td>"
            + "<td>PAY-9 names &#x27;O1-KR7&#x27;, which is no KR of 2026-Q4; did you mean O1-KR1?</td></tr>",
            html, StringComparison.Ordinal);
        Assert.Contains("<footer>Generated 2026-11-22 12:00 UTC by OkrLinker · report schema 1</footer>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_week_without_points_or_unlinked_work_says_so()
    {
        var sample = ReportSamples.Report();
        var html = await RenderAsync(sample with
        {
            Totals = new Totals(2, 2, 0, 0, 0, new PointTotals(0, 0, 0, 0, 0)),
            UnlinkedItems = [],
            Findings = [],
        });

        Assert.Contains("No story points were recorded on this week's items.", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"unlinked-title\">Work that serves no OKR (0)</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Every in-scope item of the week is linked to a key result or marked BAU.", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"findings-title\">Findings (0)</h2>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_character_of_an_unlinked_row_is_encoded_as_HtmlText_encodes_it()
    {
        // Each ASCII character alone and inside plain text, and text beyond ASCII, in every cell of a row.
        var texts = Enumerable.Range(0, 128).Select(c => ((char)c).ToString())
            .Concat(Enumerable.Range(0, 128).Select(c => "a" + (char)c + "b"))
            .Concat(["Zürich café", "emoji 😀", "lone \ud800 high", "line\u2028sep", ""])
            .ToList();
        var items = texts.Select((t, k) => new UnlinkedItem("jira", t, "title " + t, k % 2 == 0 ? "https://x.example/" + t : t, t, t, t, k / 4.0)).ToList();

        var html = await RenderAsync(ReportSamples.Report() with { UnlinkedItems = items });

        foreach (var item in items)
        {
            var key = HtmlText.SafeUrl(item.Url) is { } url
                ? $"<a href=\"{HtmlText.Encode(url)}\" rel=\"noopener noreferrer\">{HtmlText.Encode(item.Key)}</a>"
                : HtmlText.Encode(item.Key);
            var row = $"<tr><td class=\"key\">{key}</td><td>{HtmlText.Encode(item.Title)}</td><td>{HtmlText.Encode(item.Team)}</td>"
                + $"<td>{HtmlText.Encode(item.Type)}</td><td>{HtmlText.Encode(item.State)}</td><td class=\"num\">{HtmlText.Num(item.Points!.Value)}</td></tr>\n";
            Assert.Contains(row, html, StringComparison.Ordinal);
        }
    }

    internal static async Task<string> RenderAsync(WeeklyReport report)
    {
        using var stream = new MemoryStream();
        await new HtmlReportRenderer().RenderAsync(report, stream, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [GeneratedRegex(@"(https?:)?//[^""<\s]+")]
    private static partial Regex Address();
}
