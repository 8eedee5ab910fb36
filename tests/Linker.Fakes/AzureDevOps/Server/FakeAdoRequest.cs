namespace OkrLinker.Fakes;

/// <summary>What one request to the fake Azure DevOps was and how it was answered; the PAT is never kept.</summary>
public sealed record FakeAdoRequest
{
    /// <summary>
    /// <c>wiql</c>, <c>batch</c>, <c>states</c>, <c>types</c>, <c>projects</c>, <c>project</c>, <c>connectionData</c>,
    /// <c>recyclebin</c>, <c>workitem</c>, or <c>other</c>.
    /// </summary>
    public required string Kind { get; init; }

    public required string Method { get; init; }

    public required string Path { get; init; }

    public required string Query { get; init; }

    public int Status { get; init; }

    public FakeFaultKind? Fault { get; init; }

    /// <summary>The body of a PATCH (the JSON Patch document) as sent; null otherwise.</summary>
    public string? Body { get; init; }

    /// <summary>The media type of a PATCH's body (<c>application/json-patch+json</c>).</summary>
    public string? ContentType { get; init; }

    /// <summary>The WIQL text of a <c>wiql</c> request.</summary>
    public string? Wiql { get; init; }

    /// <summary>Ids asked for (<c>batch</c>) or returned (<c>wiql</c>).</summary>
    public int Count { get; init; }

    public required DateTimeOffset Timestamp { get; init; }
}
