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
    public async Task Shows_each_kr_with_its_numbers_and_flags()
    {
        var md = await RenderAsync(ReportSamples.Report());

        Assert.Contains("| **O1-KR1** Raise activation from 35% to 50% | 35% | 41% | 50% | 40% | 2 (0 / 1 / 1) | 5 | |", md, StringComparison.Ordinal);
        Assert.Contains("| **O1-KR2** Cut time to value from 9 to 4 min | – | – | 4 min | – | 0 (0 / 0 / 0) | 0 | `no-work`, `no-baseline`, `stale-metric` |", md, StringComparison.Ordinal);
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
