using Microsoft.Extensions.Logging.Testing;

namespace OkrLinker.Fakes.Logging;

/// <summary>
/// Each record a <see cref="FakeLogCollector"/> holds as one searchable line: level, category, message,
/// structured values and exception, everything a log sink would see, so a test that looks for a leaked
/// secret looks everywhere.
/// </summary>
public static class LogLines
{
    public static IReadOnlyList<string> Lines(this FakeLogCollector logs) => [.. logs.GetSnapshot().Select(Line)];

    public static string All(this FakeLogCollector logs) => string.Join('\n', logs.Lines());

    private static string Line(FakeLogRecord record)
    {
        var values = string.Join(" | ", (record.StructuredState ?? []).Select(p => $"{p.Key}={p.Value}"));
        return $"{record.Level} {record.Category}: {record.Message} [{values}] {record.Exception}";
    }
}
