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

    public static WeeklyReport Read(string json) =>
        JsonSerializer.Deserialize<WeeklyReport>(json, Options)
        ?? throw new JsonException("The report file is empty.");
}
