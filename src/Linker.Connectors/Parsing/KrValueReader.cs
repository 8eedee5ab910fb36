using System.Text.Json;

namespace OkrLinker.Connectors.Parsing;

/// <summary>
/// Reads a "Key Result" field in whatever shape the tracker stores it: a string (possibly several
/// ids as "O1-KR1, O2-KR2" or "O1-KR1; O2-KR2"), a select option <c>{ "value": ... }</c>, a number,
/// or an array of those.
/// </summary>
internal static class KrValueReader
{
    private static readonly char[] Separators = [',', ';'];

    public static IReadOnlyList<string> Read(JsonElement? value) =>
        value is { } present ? JsonRead.Distinct(Values(present)) : [];

    public static IReadOnlyList<string> Split(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : JsonRead.Distinct(text.Split(Separators));

    private static IEnumerable<string?> Values(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return Split(value.GetString());
            case JsonValueKind.Number:
                return [value.GetRawText()];
            case JsonValueKind.Object:
                var option = JsonRead.Prop(value, "value") ?? JsonRead.Prop(value, "name") ?? JsonRead.Prop(value, "key");
                return option is { } inner ? Values(inner) : [];
            case JsonValueKind.Array:
                return value.EnumerateArray().SelectMany(Values);
            default:
                return [];
        }
    }
}
