namespace OkrLinker.Fakes.GitHub.GraphQL.Nodes;

internal sealed class EdgeNode(string typeName, string cursor, IGraphNode node) : IGraphNode
{
    public string TypeName => typeName;

    public object? Resolve(string field, GraphArguments arguments) => field switch
    {
        "cursor" => cursor,
        "node" => node,
        _ => null,
    };
}
