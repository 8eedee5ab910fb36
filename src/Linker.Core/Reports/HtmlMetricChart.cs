using System.Text;
using static OkrLinker.Core.Reports.HtmlText;

namespace OkrLinker.Core.Reports;

/// <summary>
/// A KR's metric history as a line chart (inline SVG, <c>#metric-chart</c>), with its baseline and target as dashed
/// lines. The value axis spans the samples, the baseline and the target (so the target is always in view): the
/// lowest of them sits at y = 220, the highest at y = 20; samples are placed by time from x = 150 to x = 912.
/// </summary>
public static class HtmlMetricChart
{
    private const double Width = 960;
    private const double Height = 256;
    private const double PlotLeft = 150;
    private const double PlotRight = 912;
    private const double PlotTop = 20;
    private const double PlotBottom = 220;

    public static void Append(StringBuilder html, KeyResultReport kr)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(kr);
        var samples = kr.Samples;
        var label = samples.Count == 0
            ? $"Metric of {kr.Id}: no samples yet"
            : $"Metric of {kr.Id}: " + string.Join("; ", samples.Select(s => $"{s.At:yyyy-MM-dd} {Value(s.Value, kr.Unit)}"));
        html.Append("<figure class=\"metric\">\n<div class=\"chart-wrap\">");
        html.Append(Inv, $"<svg id=\"metric-chart\" class=\"chart\" viewBox=\"0 0 {Coord(Width)} {Coord(Height)}\" role=\"img\" aria-label=\"{Encode(label)}\">\n");
        html.Append(Inv, $"<line class=\"axis\" x1=\"{Coord(PlotLeft)}\" y1=\"{Coord(PlotBottom)}\" x2=\"{Coord(PlotRight)}\" y2=\"{Coord(PlotBottom)}\"/>\n");

        var values = samples.Select(s => s.Value).Append(kr.Target).Concat(kr.Baseline is { } b ? [b] : []).ToList();
        var (min, max) = (values.Min(), values.Max());
        double Y(double v) => max == min ? (PlotTop + PlotBottom) / 2 : PlotBottom - (v - min) / (max - min) * (PlotBottom - PlotTop);

        AppendLevel(html, "target", $"target {Value(kr.Target, kr.Unit)}", Y(kr.Target));
        if (kr.Baseline is { } baseline)
        {
            AppendLevel(html, "baseline", $"baseline {Value(baseline, kr.Unit)}", Y(baseline));
        }

        if (samples.Count == 0)
        {
            html.Append(Inv, $"<text class=\"empty\" x=\"{Coord((PlotLeft + PlotRight) / 2)}\" y=\"{Coord((PlotTop + PlotBottom) / 2)}\" text-anchor=\"middle\">No samples yet</text>\n");
        }
        else
        {
            var (first, last) = (samples[0].At, samples[^1].At);
            var span = (last - first).TotalSeconds;
            double X(DateTimeOffset at) => span <= 0 ? (PlotLeft + PlotRight) / 2 : PlotLeft + (at - first).TotalSeconds / span * (PlotRight - PlotLeft);
            var points = string.Join(" ", samples.Select(s => $"{Coord(X(s.At))},{Coord(Y(s.Value))}"));
            if (samples.Count > 1)
            {
                html.Append(Inv, $"<polyline class=\"line metric-line\" points=\"{points}\"/>\n");
            }

            foreach (var sample in samples)
            {
                html.Append(Inv, $"<circle class=\"point metric-point\" cx=\"{Coord(X(sample.At))}\" cy=\"{Coord(Y(sample.Value))}\" r=\"3.5\"><title>{sample.At:yyyy-MM-dd HH:mm}: {Encode(Value(sample.Value, kr.Unit))}</title></circle>");
            }

            html.Append(Inv, $"\n<text class=\"week\" x=\"{Coord(PlotLeft)}\" y=\"{Coord(PlotBottom + 22)}\">{first:yyyy-MM-dd}</text>");
            html.Append(Inv, $"<text class=\"week\" x=\"{Coord(PlotRight)}\" y=\"{Coord(PlotBottom + 22)}\" text-anchor=\"end\">{last:yyyy-MM-dd}</text>\n");
        }

        html.Append("</svg></div>\n<figcaption>The metric's samples of the period up to the week's end; dashed lines mark the baseline and the target.</figcaption>\n</figure>\n");
    }

    private static void AppendLevel(StringBuilder html, string kind, string text, double y) =>
        html.Append(Inv, $"<line class=\"level {kind}\" x1=\"{Coord(PlotLeft)}\" y1=\"{Coord(y)}\" x2=\"{Coord(PlotRight)}\" y2=\"{Coord(y)}\"/><text class=\"tick\" x=\"{Coord(PlotLeft - 8)}\" y=\"{Coord(y)}\" dy=\"0.35em\" text-anchor=\"end\">{Encode(text)}</text>\n");
}
