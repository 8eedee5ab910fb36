using System.Text;
using OkrLinker.Core.Reports;

namespace OkrLinker.Core.Tests.Reports;

public sealed class MarkdownReportRendererTests
{
    [Fact]
    public async Task Leads_with_the_unlinked_share_and_a_row_per_team()
    {
        var md = await RenderAsync(ReportSamples.Report());

        Assert.StartsWith("# OKR line-of-sight — 2026-W47\n", md, StringComparison.Ordinal);
        Assert.Contains("**25% of this week's work serves no OKR** (1 of 4 items; 30% of 10 points).", md, StringComparison.Ordinal);
        Assert.Contains("| payments | 4 | 2 | 1 | 1 | 25% | 30% |", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shows_each_kr_from_baseline_to_target_with_progress_expected_status_sparkline_and_where_the_baseline_came_from()
    {
        var md = await RenderAsync(ReportSamples.Report());

        // O1-KR1: 35 → 41 of 15 = 40% against 57.6% expected (17.6 behind: at risk); blocks over 35..41 = 0, 1.75, 3.5, 5.83, 7 → ▁▃▅▇█.
        // O1-KR3 falls 4.2 → 2.4 toward 1: 1.8 / 3.2 = 56.3%; its samples read high to low: █▄▁.
        Assert.Contains(
            "| KR | baseline → current → target | progress | expected | status | trend | baseline from | items (todo / doing / done) | points | flags |\n"
            + "|---|---|---:|---:|---|---|---|---|---:|---|\n"
            + "| **O1-KR1** Raise activation from 35% to 50% | 35% → 41% → 50% | 40% | 57.6% | at-risk | ▁▃▅▇█ | okrs.yaml | 2 (0 / 1 / 1) | 5 | |\n"
            + "| **O1-KR2** Cut time to value from 9 to 4 min | – → – → 4 min | – | 57.6% | – | – | – | 0 (0 / 0 / 0) | 0 | `no-work`, `no-baseline`, `stale-metric` |\n"
            + "| **O1-KR3** Cut lead time from 4 to 1 days | 4.2 days → 2.4 days → 1 days | 56.3% | 57.6% | on-track | █▄▁ | sheets, 2026-10-01 | 1 (0 / 1 / 0) | 3 | |\n"
            + "\n"
            + "- O1-KR2: stale metric — sheets: no file 'ttv.csv' in samples/metrics.\n"
            + "- O1-KR3: baseline 4.2 days from sheets (lead-time.csv), the sample of 2026-10-01 00:00 UTC, captured 2026-10-02 06:00 UTC.\n"
            + "\n",
            md,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new double[] { 5, 5, 5 }, "▄▄▄")]
    [InlineData(new double[] { 7 }, "▄")]
    [InlineData(new double[] { 0, 1, 2, 3, 4, 5, 6, 7 }, "▁▂▃▄▅▆▇█")]
    [InlineData(new double[] { }, "–")]
    public void A_sparkline_spreads_the_samples_over_eight_blocks(double[] values, string blocks)
    {
        var samples = values.Select((v, i) => new MetricPoint(ReportSamples.From.AddDays(i), v)).ToList();

        Assert.Equal(blocks, Sparkline.Blocks(samples));
    }

    [Fact]
    public void A_long_series_is_thinned_to_16_blocks_of_the_last_sample_of_each_run()
    {
        // 53 daily values 0..52: run k (1..16) ends at index k·53/16 − 1 = 2, 5, 8, 12, 15, 18, 22, 25, 28, 32, 35, 38, 42, 45, 48, 52.
        // Over 2..52 (50 apart) × 7: 0, 0.42, 0.84, 1.4, 1.82, 2.24, 2.8, 3.22, 3.64, 4.2, 4.62, 5.04, 5.6, 6.02, 6.44, 7.
        var samples = Enumerable.Range(0, 53).Select(i => new MetricPoint(ReportSamples.From.AddDays(i), i)).ToList();

        Assert.Equal("▁▁▂▂▃▃▄▄▅▅▆▆▇▇▇█", Sparkline.Blocks(samples));
    }

    [Fact]
    public async Task Lists_unlinked_items_with_links_findings_and_the_trend()
    {
        var md = await RenderAsync(ReportSamples.Report());

        Assert.Contains("| [PAY-2](https://acme.atlassian.net/browse/PAY-2) | Refactor the card vault | payments | Story | In Progress | 3 |", md, StringComparison.Ordinal);
        Assert.Contains("- **warning** `unknown-kr-tag` PAY-9: PAY-9 names 'O1-KR7', which is no KR of 2026-Q4; did you mean O1-KR1?", md, StringComparison.Ordinal);
        Assert.Contains("| 2026-W46 * | 33.3% |", md, StringComparison.Ordinal);
        Assert.Contains("| 2026-W47 | 25% |", md, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tracker_text_cannot_open_html_links_or_new_cells()
    {
        var md = await RenderAsync(ReportSamples.Report("<script>alert(1)</script> | [x](javascript:y) *bold*"));

        Assert.Contains(@"| &lt;script&gt;alert(1)&lt;/script&gt; \| \[x\](javascript:y) \*bold\* |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", md, StringComparison.Ordinal);
    }

    private static async Task<string> RenderAsync(WeeklyReport report)
    {
        using var stream = new MemoryStream();
        await new MarkdownReportRenderer().RenderAsync(report, stream, CancellationToken.None);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
