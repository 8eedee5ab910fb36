namespace OkrLinker.Fakes.GitHub.GraphQL;

/// <summary>
/// An object in the executor's graph. <see cref="Resolve"/> returns null, a scalar (string, bool, int, long,
/// double, DateTimeOffset), another node, or a sequence of those; unknown fields resolve to null.
/// </summary>
internal interface IGraphNode
{
    string TypeName { get; }

    object? Resolve(string field, GraphArguments arguments);
}
