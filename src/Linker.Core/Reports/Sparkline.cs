namespace OkrLinker.Core.Reports;

/// <summary>
/// A KR's samples as eight Unicode block levels (▁▂▃▄▅▆▇█), lowest value ▁ and highest █; a flat series is
/// all ▄. More than <see cref="MaxBlocks"/> samples are thinned to the last sample of each of that many
/// equal runs, so a quarter of daily values stays one short line.
/// </summary>
internal static class Sparkline
{
    public const int MaxBlocks = 16;
    private const string Levels = "▁▂▃▄▅▆▇█";

    public static string Blocks(IReadOnlyList<MetricPoint> samples)
    {
        if (samples.Count == 0)
        {
            return "–";
        }

        var values = Thin(samples);
        var (min, max) = (values.Min(), values.Max());
        return string.Concat(values.Select(v => max == min
            ? Levels[3]
            : Levels[(int)Math.Round((v - min) / (max - min) * (Levels.Length - 1), MidpointRounding.AwayFromZero)]));
    }

    private static List<double> Thin(IReadOnlyList<MetricPoint> samples)
    {
        if (samples.Count <= MaxBlocks)
        {
            return [.. samples.Select(s => s.Value)];
        }

        return [.. Enumerable.Range(1, MaxBlocks).Select(run => samples[(run * samples.Count / MaxBlocks) - 1].Value)];
    }
}
