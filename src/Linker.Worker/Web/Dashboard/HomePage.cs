using System.Text;
using OkrLinker.Core.Reports;
using static OkrLinker.Core.Reports.HtmlText;

namespace OkrLinker.Worker.Web.Dashboard;

/// <summary>The overview: the headline, the trend, the teams and their shares, the KRs with status and flags, the findings.</summary>
internal static class HomePage
{
    public static string Render(DashboardView view)
    {
        var report = view.Report;
        var html = new StringBuilder(32 * 1024);
        HtmlHeadline.Append(html, report.Totals);

        html.Append("<section aria-labelledby=\"trend-title\">\n<h2 id=\"trend-title\">Trend of the unlinked share</h2>\n");
        HtmlTrendChart.Append(html, report.Trend);
        html.Append("</section>\n");

        HtmlTeamSection.Append(html, report, team => view.Href(DashboardView.TeamPath(team)));
        AppendKeyResults(html, view);
        AppendFindings(html, view);
        return view.Page("This week's line-of-sight", "/", "/", html.ToString());
    }

    private static void AppendKeyResults(StringBuilder html, DashboardView view)
    {
        html.Append("<section class=\"long\" aria-labelledby=\"krs-title\">\n<h2 id=\"krs-title\">Key results</h2>\n");
        html.Append("<div class=\"table-wrap\"><table id=\"key-results\">\n<thead><tr><th>Key result</th><th class=\"num\">Baseline → current → target</th><th class=\"num\">Progress</th><th>Status</th><th>Trend</th><th class=\"num\">Items</th><th>Flags</th></tr></thead>\n<tbody>\n");
        foreach (var kr in view.Report.Objectives.SelectMany(o => o.KeyResults))
        {
            html.Append(Inv, $"<tr><td class=\"kr\"><a class=\"key\" href=\"{Encode(view.Href(DashboardView.KrPath(kr.Id)))}\">{Encode(kr.Id)}</a> <span class=\"kr-title\">{Encode(kr.Title)}</span></td>");
            html.Append(Inv, $"<td class=\"num\">{Encode(Value(kr.Baseline, kr.Unit))} → {Encode(Value(kr.Current, kr.Unit))} → {Encode(Value(kr.Target, kr.Unit))}</td>");
            html.Append(Inv, $"<td class=\"num\">{(kr.Progress is { } p ? Pct(p) : "–")}</td><td>{DashboardHtml.Status(kr.Status)}</td><td>");
            HtmlSparkline.Append(html, kr);
            html.Append(Inv, $"</td><td class=\"num\">{kr.Items.Total}</td><td>");
            DashboardHtml.AppendFlags(html, kr.Flags);
            html.Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void AppendFindings(StringBuilder html, DashboardView view)
    {
        var findings = view.Report.Findings;
        html.Append(Inv, $"<section aria-labelledby=\"findings-title\">\n<h2 id=\"findings-title\">Findings: <span id=\"findings-count\">{findings.Count}</span></h2>\n");
        if (findings.Count == 0)
        {
            html.Append("<p class=\"muted\">No OKR hygiene or tagging findings this week.</p>\n</section>\n");
            return;
        }

        html.Append("<p class=\"small muted\">Tag findings are listed per team on each team's page, with the KR id they most likely meant.</p>\n");
        html.Append("<div class=\"table-wrap\"><table id=\"findings\">\n<thead><tr><th>Rule</th><th>Severity</th><th class=\"num\">Count</th></tr></thead>\n<tbody>\n");
        foreach (var rule in findings.GroupBy(f => (f.Rule, f.Severity)).OrderBy(g => g.Key.Rule, StringComparer.Ordinal))
        {
            html.Append(Inv, $"<tr><td><code>{Encode(rule.Key.Rule)}</code></td><td><span class=\"badge {Encode(rule.Key.Severity)}\">{Encode(rule.Key.Severity)}</span></td><td class=\"num\">{rule.Count()}</td></tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n</section>\n");
    }
}
