namespace OkrLinker.Worker.Tests.Telemetry;

/// <summary>
/// Reads the sum and gauge points out of an OTLP <c>ExportMetricsServiceRequest</c> in protobuf: resource_metrics (1) →
/// scope_metrics (2) → scope (1, its name 1) and metrics (2); a metric's name (1) and its gauge (5) or sum (7), whose
/// data_points (1) hold attributes (7) and as_double (4) or as_int (6). Histograms are left out.
/// </summary>
public static class OtlpMetricReader
{
    public static IReadOnlyList<OtlpMetricPoint> Read(byte[] message)
    {
        var points = new List<OtlpMetricPoint>();
        foreach (var resourceMetrics in OtlpWire.Fields(message, 1))
        {
            foreach (var scopeMetrics in OtlpWire.Fields(resourceMetrics, 2))
            {
                var scope = OtlpWire.Fields(scopeMetrics, 1).Select(s => OtlpWire.Text(OtlpWire.Fields(s, 1))).FirstOrDefault() ?? "";
                foreach (var metric in OtlpWire.Fields(scopeMetrics, 2))
                {
                    var name = OtlpWire.Text(OtlpWire.Fields(metric, 1));
                    var data = OtlpWire.Fields(metric, 5).Concat(OtlpWire.Fields(metric, 7));
                    points.AddRange(data.SelectMany(d => OtlpWire.Fields(d, 1)).Select(p => new OtlpMetricPoint(
                        scope,
                        name,
                        OtlpWire.Attributes(p, 7),
                        OtlpWire.Fixed64(p, 4, asDouble: true) ?? OtlpWire.Fixed64(p, 6, asDouble: false) ?? double.NaN)));
                }
            }
        }

        return points;
    }
}
