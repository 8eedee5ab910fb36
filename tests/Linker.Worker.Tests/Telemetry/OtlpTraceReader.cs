namespace OkrLinker.Worker.Tests.Telemetry;

/// <summary>
/// Reads the spans out of an OTLP <c>ExportTraceServiceRequest</c> in protobuf, from the wire format alone:
/// resource_spans (1) → scope_spans (2) → scope (1, its name 1) and spans (2); a span's trace_id (1), span_id (2),
/// parent_span_id (4), name (5) and attributes (9), read by <see cref="OtlpWire"/>.
/// </summary>
public static class OtlpTraceReader
{
    public static IReadOnlyList<OtlpSpan> Read(byte[] message)
    {
        var spans = new List<OtlpSpan>();
        foreach (var resourceSpans in OtlpWire.Fields(message, 1))
        {
            foreach (var scopeSpans in OtlpWire.Fields(resourceSpans, 2))
            {
                var scope = OtlpWire.Fields(scopeSpans, 1).Select(s => OtlpWire.Text(OtlpWire.Fields(s, 1))).FirstOrDefault() ?? "";
                spans.AddRange(OtlpWire.Fields(scopeSpans, 2).Select(span => Span(scope, span)));
            }
        }

        return spans;
    }

    private static OtlpSpan Span(string scope, byte[] span) => new(
        scope,
        OtlpWire.Text(OtlpWire.Fields(span, 5)),
        OtlpWire.Hex(OtlpWire.Fields(span, 1)),
        OtlpWire.Hex(OtlpWire.Fields(span, 2)),
        OtlpWire.Hex(OtlpWire.Fields(span, 4)),
        OtlpWire.Attributes(span, 9));
}
