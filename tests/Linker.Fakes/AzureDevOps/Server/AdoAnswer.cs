using System.Text.Json.Nodes;

namespace OkrLinker.Fakes.AzureDevOps.Server;

/// <summary>What the routes decided: a status, a JSON (or HTML) body, extra headers, and what the journal records.</summary>
internal sealed record AdoAnswer(int Status, JsonNode? Json, string Kind)
{
    public string? Html { get; init; }

    public Dictionary<string, string> Headers { get; init; } = [];

    public string? Wiql { get; init; }

    public int Count { get; init; }
}
