using System.Text.Json;

namespace OkrLinker.Connectors.Http;

/// <summary>
/// A live source's cursor as the store keeps it: a small JSON record. An unreadable cursor (an older format,
/// a hand edit) reads as the empty one, which costs one full read of the scope, never a wrong skip.
/// </summary>
internal static class CursorJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static T Parse<T>(string? text, T empty)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return empty;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text, Json) ?? empty;
        }
        catch (JsonException)
        {
            return empty;
        }
    }

    public static string Write<T>(T cursor) => JsonSerializer.Serialize(cursor, Json);
}
