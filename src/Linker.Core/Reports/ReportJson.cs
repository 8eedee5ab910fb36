using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
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

    // The builder serializes each report once for its snapshot; the JSON renderer decompresses those same
    // bytes instead of serializing a million-item report a second time. Weak: gone with the report.
    private static readonly ConditionalWeakTable<WeeklyReport, SerializedReport> Serialized = new();

    // The JSON file a ReportFiles is writing for a report: its one serialization writes the file as it goes.
    private static readonly ConditionalWeakTable<WeeklyReport, ReportFiles> Files = new();

    /// <summary>The report as UTF-8 JSON in <see cref="Options"/>, serialized once per report instance.</summary>
    public static byte[] Utf8(WeeklyReport report) => Serialize(report).ToArray();

    /// <summary>
    /// The report's JSON bytes gzip-compressed, serialized once per report instance; when its JSON file is being written
    /// (<see cref="WriteFileWhenSerialized"/>), the file gets the bytes as they are made.
    /// </summary>
    internal static SerializedReport Serialize(WeeklyReport report) =>
        Serialized.GetValue(report, r => Files.TryGetValue(r, out var files) ? files.Serialize(r) : SerializedReport.Of(r, Options));

    /// <summary>Whether <paramref name="report"/> has been serialized; if so, <paramref name="serialized"/> is it.</summary>
    internal static bool TryGetSerialized(WeeklyReport report, [NotNullWhen(true)] out SerializedReport? serialized) =>
        Serialized.TryGetValue(report, out serialized);

    /// <summary>Has the one serialization of <paramref name="report"/>, when it comes, write its JSON file through <paramref name="files"/>.</summary>
    internal static void WriteFileWhenSerialized(WeeklyReport report, ReportFiles files) => Files.AddOrUpdate(report, files);

    /// <summary>Undoes <see cref="WriteFileWhenSerialized"/>: the files are done with.</summary>
    internal static void ForgetFile(WeeklyReport report) => Files.Remove(report);

    public static WeeklyReport Read(string json) =>
        JsonSerializer.Deserialize<WeeklyReport>(json, Options)
        ?? throw new JsonException("The report file is empty.");

    /// <summary>A report from its UTF-8 JSON, as <see cref="Read(string)"/>.</summary>
    public static async Task<WeeklyReport> ReadAsync(Stream json, CancellationToken cancellationToken) =>
        await JsonSerializer.DeserializeAsync<WeeklyReport>(json, Options, cancellationToken)
        ?? throw new JsonException("The report file is empty.");
}
