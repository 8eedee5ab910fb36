namespace OkrLinker.Fakes.GitHub.Server;

/// <summary>What a route produced before the pipeline adds ETag, rate-limit headers and faults.</summary>
internal sealed record FakeAnswer(int Status, byte[] Body)
{
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The rate-limit resource reported in the headers.</summary>
    public string Resource { get; init; } = "core";

    /// <summary>False for answers that cost nothing (<c>/rate_limit</c>, GraphQL that already charged itself).</summary>
    public bool Charge { get; init; } = true;

    public string? OperationName { get; init; }

    public bool HadGraphQLErrors { get; init; }
}
