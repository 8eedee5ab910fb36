namespace OkrLinker.Fakes;

/// <summary>One request the fake saw. The token itself is never kept, only whether one was sent.</summary>
public sealed record FakeRequest
{
    public required string Method { get; init; }

    /// <summary>The path as sent (with <c>/api/v3</c> on the GHES root).</summary>
    public required string Path { get; init; }

    /// <summary>The raw query string with its leading <c>?</c>, or empty.</summary>
    public required string Query { get; init; }

    /// <summary>The status sent; 0 when the connection was dropped before any response.</summary>
    public int Status { get; init; }

    public string? IfNoneMatch { get; init; }

    public bool HadAuthorization { get; init; }

    public bool IsGraphQL { get; init; }

    /// <summary>The GraphQL operation name, when one was sent.</summary>
    public string? OperationName { get; init; }

    /// <summary>True when a GraphQL answer carried <c>errors</c>.</summary>
    public bool HadGraphQLErrors { get; init; }

    public FakeFaultKind? Fault { get; init; }

    /// <summary>The body of a write (POST, PUT, PATCH) as sent; null for reads.</summary>
    public string? Body { get; init; }

    /// <summary>The media type of a write's body, e.g. <c>application/json</c>.</summary>
    public string? ContentType { get; init; }

    public required DateTimeOffset Timestamp { get; init; }
}
