using System.Globalization;
using System.Text;

namespace OkrLinker.Worker.Web;

/// <summary>
/// The Prometheus text exposition format 0.0.4: per family a <c># HELP</c> and a <c># TYPE</c> line, then its samples
/// as <c>name{label="value"} number</c>, each line ending in '\n'. Written by hand: prometheus-net is not available.
/// </summary>
internal static class PrometheusWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IEnumerable<PrometheusFamily> families)
    {
        var text = new StringBuilder();
        foreach (var family in families)
        {
            text.Append("# HELP ").Append(family.Name).Append(' ').Append(EscapeHelp(family.Help)).Append('\n');
            text.Append("# TYPE ").Append(family.Name).Append(' ').Append(family.Type == PrometheusType.Counter ? "counter" : "gauge").Append('\n');
            foreach (var sample in family.Samples)
            {
                text.Append(family.Name);
                if (sample.Labels.Count > 0)
                {
                    text.Append('{');
                    text.AppendJoin(',', sample.Labels.Select(l => $"{l.Key}=\"{EscapeLabelValue(l.Value)}\""));
                    text.Append('}');
                }

                text.Append(' ').Append(FormatValue(sample.Value)).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>Backslash, double quote and line feed are the three characters a label value escapes.</summary>
    public static string EscapeLabelValue(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Help text escapes backslash and line feed only.</summary>
    public static string EscapeHelp(string help) =>
        help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Go's float syntax: shortest round-trip digits, <c>+Inf</c>, <c>-Inf</c>, <c>NaN</c>.</summary>
    public static string FormatValue(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
