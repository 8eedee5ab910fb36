using System.Globalization;
using System.Text.Json;

namespace OkrLinker.Connectors.Parsing;

/// <summary>
/// Tolerant reads from tracker payloads: a missing property, a null or a value of an unexpected
/// kind reads as "absent" instead of throwing, because one odd item must not fail a whole page.
/// </summary>
internal static class JsonRead
{
    /// <summary>The property when <paramref name="element"/> is an object that has it with a non-null value.</summary>
    public static JsonElement? Prop(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
            ? value
            : null;

    /// <summary>The property as an object, or null.</summary>
    public static JsonElement? Obj(JsonElement element, string name) =>
        Prop(element, name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    /// <summary>The property as an array, or null.</summary>
    public static JsonElement? Arr(JsonElement element, string name) =>
        Prop(element, name) is { ValueKind: JsonValueKind.Array } value ? value : null;

    /// <summary>A string property; numbers are read as their JSON text (ids come both ways).</summary>
    public static string? Str(JsonElement element, string name) =>
        Prop(element, name) is { } value ? Text(value) : null;

    /// <summary>A scalar as text: strings as they are, numbers and booleans as their JSON text.</summary>
    public static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };

    /// <summary>A number property; a string holding a number counts too (custom fields vary).</summary>
    public static double? Number(JsonElement element, string name) =>
        Prop(element, name) is { } value ? Number(value) : null;

    public static double? Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String when double.TryParse(
            value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public static bool? Bool(JsonElement element, string name) => Prop(element, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    /// <summary>A timestamp property in any of the trackers' ISO 8601 spellings, as UTC.</summary>
    public static DateTimeOffset? Time(JsonElement element, string name) => TrackerDates.Parse(Str(element, name));

    /// <summary>The items of an array property; empty when absent.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        Arr(element, name) is { } array ? array.EnumerateArray() : [];

    /// <summary>The non-empty strings among <paramref name="values"/>, in order, without duplicates.</summary>
    public static IReadOnlyList<string> Distinct(IEnumerable<string?> values)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var value in values)
        {
            var trimmed = value?.Trim();
            if (!string.IsNullOrEmpty(trimmed) && seen.Add(trimmed))
            {
                result.Add(trimmed);
            }
        }

        return result;
    }
}
