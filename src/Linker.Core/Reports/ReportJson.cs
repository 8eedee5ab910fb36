using System.Text.Json;
using System.Text.Json.Serialization;

namespace OkrLinker.Core.Reports;

/// <summary>The one JSON shape of the report (DESIGN.md §9): camelCase, indented, nulls written.</summary>
public static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    // The builder serializes each report once for its snapshot; the JSON renderer writes those same
    // bytes instead of serializing a million-item report a second time. Weak: gone with the report.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<WeeklyReport, byte[]> Serialized = new();

    /// <summary>The report as UTF-8 JSON in <see cref="Options"/>, serialized once per report instance.</summary>
    public static byte[] Utf8(WeeklyReport report) =>
        Serialized.GetValue(report, Serialize);

    private static byte[] Serialize(WeeklyReport report)
    {
        // Through a chunked stream rather than SerializeToUtf8Bytes's doubling buffer (ChunkedBytes says why).
        using var chunks = new ChunkedBytes();
        JsonSerializer.Serialize(chunks, report, Options);
        return chunks.ToArray();
    }

    public static WeeklyReport Read(string json) =>
        JsonSerializer.Deserialize<WeeklyReport>(json, Options)
        ?? throw new JsonException("The report file is empty.");
}
