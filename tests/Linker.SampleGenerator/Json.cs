using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OkrLinker.Samples;

internal static class Json
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Bytes(JsonNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            node.WriteTo(writer);
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    public static string Write(string path, JsonNode node)
    {
        File.WriteAllBytes(path, Bytes(node));
        return path;
    }

    /// <summary>Empties a folder of earlier output so a shrinking export leaves no stale pages.</summary>
    public static void Reset(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".headers.txt", StringComparison.Ordinal)))
        {
            File.Delete(file);
        }
    }

    /// <summary>Jira and Azure DevOps write doubles the Java/.NET-server way: 3.0, not 3.</summary>
    public static JsonNode? JavaDouble(double? value) =>
        value is { } v ? JsonValue.Create(decimal.Round((decimal)v, 1) + 0.0m) : null;

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
