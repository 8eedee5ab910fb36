using System.Text.Json;

namespace OkrLinker.Worker.Web;

/// <summary>The JSON shape of the endpoints' own bodies: camelCase, nulls written so every field is always there.</summary>
internal static class WebJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
