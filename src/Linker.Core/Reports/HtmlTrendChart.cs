using System.Text;
using static OkrLinker.Core.Reports.HtmlText;

namespace OkrLinker.Core.Reports;

/// <summary>
/// The unlinked share of the last weeks as a line chart (inline SVG, <c>#trend-chart</c>).
/// The plot runs from y = 220 (0 %) up to y = 20 (100 %), so a share s sits at 220 − 200·s;
/// points are spread evenly between x = 80 and x = 912, a single point sits in the middle (496).
/// Reconstructed weeks are drawn hollow and explained in the caption.
/// </summary>
public static class HtmlTrendChart
{
    private const double Width = 960;
    private const double Height = 256;
    private const double PlotLeft = 48;
    private const double PlotRight = 944;
    private const double PlotTop = 20;
    private const double PlotBottom = 220;
    private const double Inset = 32;

    public static double X(int index, int count) =>
        count <= 1
            ? (PlotLeft + PlotRight) / 2
            : PlotLeft + Inset + index * (PlotRight - PlotLeft - 2 * Inset) / (count - 1);

    public static double Y(double share) => PlotBottom - Math.Clamp(share, 0, 1) * (PlotBottom - PlotTop);

    public static void Append(StringBuilder html, IReadOnlyList<TrendPoint> trend)
    {
        html.Append("<figure class=\"trend\">\n");
        var label = trend.Count == 0
            ? "Unlinked share trend: no weeks to show yet"
            : "Unlinked share trend: " + string.Join("; ", trend.Select(p => $"{p.Week} {Pct(p.UnlinkedShare)}{(p.Reconstructed ? " (reconstructed)" : "")}"));
        html.Append("<div class=\"chart-wrap\">");
        html.Append(Inv, $"<svg id=\"trend-chart\" class=\"chart\" viewBox=\"0 0 {Coord(Width)} {Coord(Height)}\" role=\"img\" aria-label=\"{Encode(label)}\">\n");
        AppendGrid(html);

        if (trend.Count == 0)
        {
            html.Append(Inv, $"<text class=\"empty\" x=\"{Coord((PlotLeft + PlotRight) / 2)}\" y=\"{Coord((PlotTop + PlotBottom) / 2)}\" text-anchor=\"middle\">No weeks to show yet</text>\n");
        }
        else
        {
            AppendLine(html, trend);
            AppendPoints(html, trend);
        }

        html.Append("</svg></div>\n<figcaption>Share of each week's in-scope items that serve no OKR, oldest week first.");
        if (trend.Any(p => p.Reconstructed))
        {
            html.Append(" <span class=\"legend-hollow\" aria-hidden=\"true\"></span> Hollow points were worked out afterwards from the store: no report was made that week.");
        }

        html.Append("</figcaption>\n</figure>\n");
    }

    private static void AppendGrid(StringBuilder html)
    {
        foreach (var share in new[] { 0, 0.25, 0.5, 0.75, 1 })
        {
            var y = Coord(Y(share));
            html.Append(Inv, $"<line class=\"{(share == 0 ? "axis" : "grid")}\" x1=\"{Coord(PlotLeft)}\" y1=\"{y}\" x2=\"{Coord(PlotRight)}\" y2=\"{y}\"/>");
            html.Append(Inv, $"<text class=\"tick\" x=\"{Coord(PlotLeft - 8)}\" y=\"{y}\" dy=\"0.35em\" text-anchor=\"end\">{Pct(share)}</text>\n");
        }
    }

    private static void AppendLine(StringBuilder html, IReadOnlyList<TrendPoint> trend)
    {
        if (trend.Count < 2)
        {
            return;
        }

        var points = string.Join(" ", trend.Select((p, i) => $"{Coord(X(i, trend.Count))},{Coord(Y(p.UnlinkedShare))}"));
        var first = Coord(X(0, trend.Count));
        var last = Coord(X(trend.Count - 1, trend.Count));
        html.Append(Inv, $"<polygon class=\"area\" points=\"{first},{Coord(PlotBottom)} {points} {last},{Coord(PlotBottom)}\"/>\n");
        html.Append(Inv, $"<polyline class=\"line\" points=\"{points}\"/>\n");
    }

    private static void AppendPoints(StringBuilder html, IReadOnlyList<TrendPoint> trend)
    {
        for (var i = 0; i < trend.Count; i++)
        {
            var point = trend[i];
            var x = Coord(X(i, trend.Count));
            var y = Y(point.UnlinkedShare);
            var kind = point.Reconstructed ? "point reconstructed" : "point";
            var note = point.Reconstructed ? " (reconstructed)" : "";
            html.Append(Inv, $"<circle class=\"{kind}\" cx=\"{x}\" cy=\"{Coord(y)}\" r=\"5\"><title>{Encode(point.Week)}: {Pct(point.UnlinkedShare)}{note}</title></circle>");
            html.Append(Inv, $"<text class=\"point-value\" x=\"{x}\" y=\"{Coord(y - 11)}\" text-anchor=\"middle\">{Pct(point.UnlinkedShare)}</text>");
            html.Append(Inv, $"<text class=\"week\" x=\"{x}\" y=\"{Coord(PlotBottom + 22)}\" text-anchor=\"middle\">{Encode(point.Week)}</text>\n");
        }
    }
}
