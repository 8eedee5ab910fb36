namespace OkrLinker.Fakes.GitHub.GraphQL;

/// <summary>A resolver's failure: the field becomes null and the error is reported with its path (e.g. NOT_FOUND).</summary>
internal sealed class GraphFieldException(string message, string? type = null) : Exception(message)
{
    public string? Type { get; } = type;
}
