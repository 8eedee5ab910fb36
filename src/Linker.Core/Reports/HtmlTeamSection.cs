using System.Text;
using static OkrLinker.Core.Reports.HtmlText;

namespace OkrLinker.Core.Reports;

/// <summary>Teams: the bars first (what a leader looks at), the table with the counts under them.</summary>
public static class HtmlTeamSection
{
    /// <param name="teamHref">Where a team's name links to (the dashboard's team page); null for plain names (the report file).</param>
    public static void Append(StringBuilder html, WeeklyReport report, Func<string, string>? teamHref = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(report);
        html.Append("<section aria-labelledby=\"teams-title\">\n<h2 id=\"teams-title\">Unlinked share per team</h2>\n");
        if (report.Teams.Count == 0)
        {
            html.Append("<p class=\"muted\">No team had in-scope work this week.</p>\n</section>\n");
            return;
        }

        HtmlTeamBars.Append(html, report.Teams, report.Totals);
        html.Append("<div class=\"table-wrap\"><table>\n<thead><tr><th>Team</th><th class=\"num\">Items</th><th class=\"num\">Linked</th><th class=\"num\">BAU</th>");
        html.Append("<th class=\"num\">Unlinked</th><th class=\"num\">Unlinked share</th><th class=\"num\">Points</th><th class=\"num\">Unlinked share of points</th></tr></thead>\n<tbody>\n");
        foreach (var team in report.Teams)
        {
            var name = teamHref is null ? Encode(team.Team) : $"<a href=\"{Encode(teamHref(team.Team))}\">{Encode(team.Team)}</a>";
            AppendRow(html, "", name, team.Items, team.Linked, team.Bau, team.Unlinked, team.UnlinkedShare, team.Points);
        }

        var t = report.Totals;
        AppendRow(html, " class=\"all\"", "All teams", t.Items, t.Linked, t.Bau, t.Unlinked, t.UnlinkedShare, t.Points);
        html.Append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void AppendRow(StringBuilder html, string rowClass, string encodedName, int items, int linked, int bau, int unlinked, double share, PointTotals points)
    {
        html.Append(Inv, $"<tr{rowClass}><td>{encodedName}</td><td class=\"num\">{items}</td><td class=\"num\">{linked}</td><td class=\"num\">{bau}</td>");
        html.Append(Inv, $"<td class=\"num\">{unlinked}</td><td class=\"num\">{Pct(share)}</td><td class=\"num\">{Num(points.Total)}</td>");
        html.Append(Inv, $"<td class=\"num\">{(points.Total > 0 ? Pct(points.UnlinkedShare) : "–")}</td></tr>\n");
    }
}
