namespace OkrLinker.Worker.Tests.Telemetry;

/// <summary>One span as an OTLP request carried it: its instrumentation scope, name, trace and span ids and attributes (values as text).</summary>
public sealed record OtlpSpan(string Scope, string Name, string TraceId, string SpanId, string ParentSpanId, IReadOnlyDictionary<string, string> Attributes);
