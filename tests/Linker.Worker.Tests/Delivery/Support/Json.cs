using System.Text.Json.Nodes;

namespace OkrLinker.Worker.Tests.Delivery.Support;

/// <summary>Short reads of a posted payload.</summary>
internal static class Json
{
    public static JsonObject Parse(string body) => JsonNode.Parse(body)!.AsObject();

    public static string Str(JsonNode? node) => node!.GetValue<string>();

    public static IReadOnlyList<JsonNode> Items(JsonNode? node) => [.. node!.AsArray().Select(n => n!)];
}
