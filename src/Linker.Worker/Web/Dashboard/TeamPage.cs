using System.Text;
using OkrLinker.Core.Reports;
using static OkrLinker.Core.Reports.HtmlText;

namespace OkrLinker.Worker.Web.Dashboard;

/// <summary><c>/teams/{team}</c>: the team's figures, its unlinked items and its tag findings — the list its PM works through.</summary>
internal static class TeamPage
{
    public static string Render(DashboardView view, string team, TeamFigures? figures, IReadOnlyList<UnlinkedItem> unlinked, IReadOnlyList<TagFinding> findings)
    {
        var html = new StringBuilder(32 * 1024);
        html.Append("<section aria-labelledby=\"team-figures-title\">\n<h2 id=\"team-figures-title\">Figures</h2>\n");
        if (figures is null)
        {
            html.Append("<p class=\"muted\">The team had no in-scope work this week.</p>\n");
        }
        else
        {
            html.Append("<dl class=\"figures\" id=\"team-figures\">");
            Figure(html, "items", "In scope", figures.Items.ToString(Inv));
            Figure(html, "linked", "Linked to a KR", figures.Linked.ToString(Inv));
            Figure(html, "bau", "BAU", figures.Bau.ToString(Inv));
            Figure(html, "unlinked", "Unlinked", figures.Unlinked.ToString(Inv));
            Figure(html, "share", "Unlinked share", Pct(figures.UnlinkedShare));
            Figure(html, "points-share", "Unlinked share of points", figures.Points.Total > 0 ? Pct(figures.Points.UnlinkedShare) : "–");
            html.Append("</dl>\n");
        }

        html.Append("</section>\n");
        AppendFindings(html, view, findings);
        AppendUnlinked(html, view, team, unlinked);
        return view.Page($"Team {team}", "", DashboardView.TeamPath(team), html.ToString());
    }

    private static void Figure(StringBuilder html, string id, string label, string value) =>
        html.Append(Inv, $"<div><dt>{label}</dt><dd id=\"team-{id}\">{Encode(value)}</dd></div>");

    private static void AppendFindings(StringBuilder html, DashboardView view, IReadOnlyList<TagFinding> findings)
    {
        html.Append(Inv, $"<section aria-labelledby=\"tag-findings-title\">\n<h2 id=\"tag-findings-title\">KR tags to fix ({findings.Count})</h2>\n");
        if (findings.Count == 0)
        {
            html.Append("<p class=\"muted\">Every KR tag on the team's items names a KR of this period.</p>\n</section>\n");
            return;
        }

        html.Append("<div class=\"table-wrap\"><table id=\"tag-findings\">\n<thead><tr><th>Item</th><th>Problem</th><th>Names</th><th>Suggested KR</th><th>Message</th></tr></thead>\n<tbody>\n");
        foreach (var f in findings)
        {
            var suggested = f.Suggested is { } id
                ? $"<a class=\"key\" href=\"{Encode(view.Href(DashboardView.KrPath(id)))}\">{Encode(id)}</a>"
                : "–";
            html.Append(Inv, $"<tr><td class=\"key\">{Encode(f.Finding.Subject)}</td><td><code>{Encode(f.Finding.Rule)}</code></td><td class=\"key\">{Encode(f.Named ?? "")}</td>");
            html.Append(Inv, $"<td class=\"suggested\">{suggested}</td><td>{Encode(f.Finding.Message)}</td></tr>\n");
        }

        html.Append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void AppendUnlinked(StringBuilder html, DashboardView view, string team, IReadOnlyList<UnlinkedItem> unlinked)
    {
        html.Append(Inv, $"<section class=\"long\" aria-labelledby=\"team-unlinked-title\">\n<h2 id=\"team-unlinked-title\">Unlinked work ({unlinked.Count})</h2>\n");
        html.Append(Inv, $"<p class=\"small\"><a href=\"{Encode(view.Href("/unlinked", ("team", team)))}\">Sort, filter or download these on the unlinked work page</a></p>\n");
        if (unlinked.Count == 0)
        {
            html.Append("<p class=\"muted\">Every in-scope item of the team is linked to a key result or marked BAU.</p>\n</section>\n");
            return;
        }

        UnlinkedTable.Append(html, view, unlinked, header: null);
        html.Append("</section>\n");
    }
}
