namespace OkrLinker.Worker.Tests.Telemetry;

/// <summary>One log record as an OTLP request carried it: its logger category, severity text, body and attributes.</summary>
public sealed record OtlpLogRecord(string Category, string Severity, string Body, IReadOnlyDictionary<string, string> Attributes);
