namespace OkrLinker.Fakes.GitHub.GraphQL;

/// <summary>A failure of the whole query (pagination limits, bad cursors): the answer has errors and no data.</summary>
internal sealed class GraphAbortException(string message, string? type = null) : Exception(message)
{
    public string? Type { get; } = type;
}
