using System.Text;
using static OkrLinker.Core.Reports.HtmlText;

namespace OkrLinker.Core.Reports;

/// <summary>
/// The unlinked share per team as horizontal bars (inline SVG, <c>#team-bars</c>): a 600-unit track
/// stands for 100 %, so a bar is share × 600 wide; a dashed line marks the share of all teams.
/// </summary>
public static class HtmlTeamBars
{
    public const double TrackX = 210;
    public const double TrackWidth = 600;
    private const double Width = 960;
    private const double Top = 8;
    private const double RowHeight = 30;
    private const double BarHeight = 18;
    private const int LabelChars = 24;

    public static double BarWidth(double share) => Math.Clamp(share, 0, 1) * TrackWidth;

    public static void Append(StringBuilder html, IReadOnlyList<TeamFigures> teams, Totals totals)
    {
        var rowsBottom = Top + teams.Count * RowHeight;
        var height = rowsBottom + 22;
        var label = "Unlinked share per team: " + string.Join("; ", teams.Select(t => $"{t.Team} {Pct(t.UnlinkedShare)}"))
            + $"; all teams {Pct(totals.UnlinkedShare)}";
        html.Append("<div class=\"chart-wrap\">");
        html.Append(Inv, $"<svg id=\"team-bars\" class=\"chart bars\" viewBox=\"0 0 {Coord(Width)} {Coord(height)}\" role=\"img\" aria-label=\"{Encode(label)}\">\n");

        for (var i = 0; i < teams.Count; i++)
        {
            var team = teams[i];
            var y = Top + i * RowHeight;
            var middle = y + BarHeight / 2;
            html.Append(Inv, $"<text class=\"bar-label\" x=\"{Coord(TrackX - 10)}\" y=\"{Coord(middle)}\" dy=\"0.35em\" text-anchor=\"end\">{Encode(Shorten(team.Team, LabelChars))}<title>{Encode(team.Team)}</title></text>\n");
            html.Append(Inv, $"<rect class=\"track\" x=\"{Coord(TrackX)}\" y=\"{Coord(y)}\" width=\"{Coord(TrackWidth)}\" height=\"{Coord(BarHeight)}\" rx=\"3\"/>\n");
            html.Append(Inv, $"<rect class=\"bar\" x=\"{Coord(TrackX)}\" y=\"{Coord(y)}\" width=\"{Coord(BarWidth(team.UnlinkedShare))}\" height=\"{Coord(BarHeight)}\" rx=\"3\">");
            html.Append(Inv, $"<title>{Encode(team.Team)}: {Pct(team.UnlinkedShare)} unlinked ({team.Unlinked} of {team.Items} items)</title></rect>\n");
            html.Append(Inv, $"<text class=\"bar-value\" x=\"{Coord(TrackX + TrackWidth + 10)}\" y=\"{Coord(middle)}\" dy=\"0.35em\">{Pct(team.UnlinkedShare)} · {team.Unlinked} of {team.Items}</text>\n");
        }

        var overall = TrackX + BarWidth(totals.UnlinkedShare);
        html.Append(Inv, $"<line class=\"overall\" x1=\"{Coord(overall)}\" y1=\"{Coord(Top - 4)}\" x2=\"{Coord(overall)}\" y2=\"{Coord(rowsBottom)}\"/>\n");
        html.Append(Inv, $"<text class=\"overall-label\" x=\"{Coord(overall)}\" y=\"{Coord(rowsBottom + 12)}\" text-anchor=\"middle\">all teams {Pct(totals.UnlinkedShare)}</text>\n");
        html.Append("</svg></div>\n");
    }
}
