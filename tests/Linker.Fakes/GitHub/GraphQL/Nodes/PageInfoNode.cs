namespace OkrLinker.Fakes.GitHub.GraphQL.Nodes;

internal sealed class PageInfoNode(bool hasNextPage, bool hasPreviousPage, string? startCursor, string? endCursor) : IGraphNode
{
    public string TypeName => "PageInfo";

    public object? Resolve(string field, GraphArguments arguments) => field switch
    {
        "hasNextPage" => hasNextPage,
        "hasPreviousPage" => hasPreviousPage,
        "startCursor" => startCursor,
        "endCursor" => endCursor,
        _ => null,
    };
}
