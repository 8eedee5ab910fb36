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
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<WeeklyReport, SerializedReport> Serialized = new();

    /// <summary>The report as UTF-8 JSON in <see cref="Options"/>, serialized once per report instance.</summary>
    public static byte[] Utf8(WeeklyReport report) => Serialize(report).ToArray();

    /// <summary>The report's JSON bytes and their gzip, serialized once per report instance.</summary>
    internal static SerializedReport Serialize(WeeklyReport report) =>
        Serialized.GetValue(report, r => SerializedReport.Of(r, Options));

    public static WeeklyReport Read(string json) =>
        JsonSerializer.Deserialize<WeeklyReport>(json, Options)
        ?? throw new JsonException("The report file is empty.");

    /// <summary>A report from its UTF-8 JSON, as <see cref="Read(string)"/>.</summary>
    public static async Task<WeeklyReport> ReadAsync(Stream json, CancellationToken cancellationToken) =>
        await JsonSerializer.DeserializeAsync<WeeklyReport>(json, Options, cancellationToken)
        ?? throw new JsonException("The report file is empty.");
}
