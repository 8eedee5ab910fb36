using System.Text;
using static OkrLinker.Core.Reports.HtmlText;

namespace OkrLinker.Core.Reports;

/// <summary>
/// The report for leaders as one self-contained page (DESIGN.md §9): inline styles and SVG, no
/// scripts, nothing fetched; the only addresses in it are the items' own http(s) links. Every text
/// from the report is HTML-encoded, and a Content-Security-Policy forbids scripts should one slip in.
/// </summary>
internal sealed class HtmlReportRenderer : IReportRenderer
{
    private const string Policy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    public string Format => "html";

    public async Task RenderAsync(WeeklyReport report, Stream output, CancellationToken cancellationToken)
    {
        // Written out as it grows (HtmlSpill): the page of a million-item week is 30 MB, and a builder of all of it
        // was twice that in UTF-16 before a byte reached the file.
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        var html = new StringBuilder(HtmlSpill.At + (16 * 1024));
        var spill = new HtmlSpill(html, writer);
        AppendHead(html, report);
        html.Append("<body>\n<main>\n");
        AppendHeader(html, report);
        HtmlHeadline.Append(html, report.Totals);
        HtmlTeamSection.Append(html, report);
        AppendTrend(html, report.Trend);
        HtmlKeyResultSection.Append(html, report.Objectives);
        spill.WhenFull();
        HtmlUnlinkedSection.Append(html, report.UnlinkedItems, spill);
        HtmlFindingSection.Append(html, report.Findings, spill);
        html.Append(Inv, $"<footer>Generated {Time(report.GeneratedAt)} by OkrLinker · report schema {report.SchemaVersion}</footer>\n");
        html.Append("</main>\n</body>\n</html>\n");
        await writer.WriteAsync(html, cancellationToken);
        await writer.FlushAsync(cancellationToken);
    }

    private static void AppendHead(StringBuilder html, WeeklyReport report)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append(Inv, $"<meta http-equiv=\"Content-Security-Policy\" content=\"{Policy}\">\n");
        html.Append(Inv, $"<title>OKR line-of-sight — {Encode(report.Week)}</title>\n");
        html.Append("<style>\n").Append(HtmlStyles.Css).Append("\n</style>\n</head>\n");
    }

    private static void AppendHeader(StringBuilder html, WeeklyReport report)
    {
        html.Append(Inv, $"<header class=\"page\">\n<p class=\"eyebrow\">OKR line-of-sight · {Encode(report.Period)}</p>\n");
        html.Append(Inv, $"<h1>Week {Encode(report.Week)}</h1>\n");
        html.Append(Inv, $"<p class=\"muted\">{Span(report.From, report.To)}</p>\n</header>\n");
    }

    // "from 2026-11-16 00:00 to 2026-11-23 00:00 (UTC+01:00)": the end is exclusive, as in the figures.
    private static string Span(DateTimeOffset from, DateTimeOffset to) =>
        from.Offset == to.Offset
            ? string.Create(Inv, $"from {from:yyyy-MM-dd HH:mm} to {to:yyyy-MM-dd HH:mm} ({Zone(from)})")
            : $"from {Time(from)} to {Time(to)}";

    private static string Zone(DateTimeOffset at) => at.Offset == TimeSpan.Zero ? "UTC" : "UTC" + at.ToString("zzz", Inv);

    private static void AppendTrend(StringBuilder html, IReadOnlyList<TrendPoint> trend)
    {
        html.Append("<section aria-labelledby=\"trend-title\">\n<h2 id=\"trend-title\">Trend of the unlinked share</h2>\n");
        HtmlTrendChart.Append(html, trend);
        html.Append("</section>\n");
    }
}
