using System.Text.Encodings.Web;
using System.Text.Json;

namespace OkrLinker.Worker.Web;

/// <summary>The JSON shape of the endpoints' own bodies: camelCase, nulls written so every field is always there.</summary>
internal static class WebJson
{
    // These bodies are never embedded in HTML, so quotes in reasons ('csv') stay readable instead of \u0027.
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
