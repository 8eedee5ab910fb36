namespace OkrLinker.Worker.Tests.Telemetry;

/// <summary>
/// Reads the log records out of an OTLP <c>ExportLogsServiceRequest</c> in protobuf: resource_logs (1) → scope_logs (2)
/// → scope (1, its name 1: the logger's category) and log_records (2); a record's severity_text (3), body (5) and
/// attributes (6).
/// </summary>
public static class OtlpLogReader
{
    public static IReadOnlyList<OtlpLogRecord> Read(byte[] message)
    {
        var records = new List<OtlpLogRecord>();
        foreach (var resourceLogs in OtlpWire.Fields(message, 1))
        {
            foreach (var scopeLogs in OtlpWire.Fields(resourceLogs, 2))
            {
                var category = OtlpWire.Fields(scopeLogs, 1).Select(s => OtlpWire.Text(OtlpWire.Fields(s, 1))).FirstOrDefault() ?? "";
                records.AddRange(OtlpWire.Fields(scopeLogs, 2).Select(r => new OtlpLogRecord(
                    category,
                    OtlpWire.Text(OtlpWire.Fields(r, 3)),
                    OtlpWire.Fields(r, 5).Select(OtlpWire.Value).FirstOrDefault() ?? "",
                    OtlpWire.Attributes(r, 6))));
            }
        }

        return records;
    }
}
