namespace OkrLinker.Worker.Tests.Telemetry;

/// <summary>One data point of a sum or gauge as an OTLP request carried it: its meter, instrument, attributes and value.</summary>
public sealed record OtlpMetricPoint(string Scope, string Name, IReadOnlyDictionary<string, string> Attributes, double Value);
