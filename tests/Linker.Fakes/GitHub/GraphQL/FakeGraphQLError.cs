namespace OkrLinker.Fakes;

/// <summary>One GraphQL error as GitHub reports it: message, locations, path, and a <c>code</c> or <c>type</c>.</summary>
public sealed record FakeGraphQLError(
    string Message,
    IReadOnlyList<FakeGraphQLLocation> Locations,
    IReadOnlyList<object>? Path = null,
    string? Code = null,
    string? Type = null);
