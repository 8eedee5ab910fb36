using System.Text;
using static OkrLinker.Core.Reports.HtmlText;

namespace OkrLinker.Core.Reports;

/// <summary>
/// A KR's samples as a small inline SVG line (<c>svg.spark</c>, 120 × 28): x spreads the samples evenly
/// from 2 to 118, y runs from 26 (lowest value) up to 2 (highest); a flat series sits at 14, a single
/// sample in the middle (60). The last sample is marked with a dot.
/// </summary>
public static class HtmlSparkline
{
    private const double Left = 2;
    private const double Right = 118;
    private const double Top = 2;
    private const double Bottom = 26;

    public static void Append(StringBuilder html, KeyResultReport kr)
    {
        var samples = kr.Samples;
        if (samples.Count == 0)
        {
            html.Append('–');
            return;
        }

        var (min, max) = (samples.Min(s => s.Value), samples.Max(s => s.Value));
        var points = samples.Select((s, i) => (
            X: samples.Count == 1 ? (Left + Right) / 2 : Left + i * (Right - Left) / (samples.Count - 1),
            Y: max == min ? (Top + Bottom) / 2 : Bottom - (s.Value - min) / (max - min) * (Bottom - Top))).ToList();
        var first = samples[0];
        var last = samples[^1];
        var label = $"Samples of {kr.Id}: {Value(first.Value, kr.Unit)} on {first.At:yyyy-MM-dd} to {Value(last.Value, kr.Unit)} on {last.At:yyyy-MM-dd}, {samples.Count} in all";

        html.Append(Inv, $"<svg class=\"spark\" viewBox=\"0 0 120 28\" width=\"120\" height=\"28\" role=\"img\" aria-label=\"{Encode(label)}\">");
        html.Append(Inv, $"<polyline points=\"{string.Join(" ", points.Select(p => $"{Coord(p.X)},{Coord(p.Y)}"))}\"/>");
        html.Append(Inv, $"<circle cx=\"{Coord(points[^1].X)}\" cy=\"{Coord(points[^1].Y)}\" r=\"2\"/></svg>");
    }
}
