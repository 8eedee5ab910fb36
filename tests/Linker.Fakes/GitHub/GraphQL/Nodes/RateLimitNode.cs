namespace OkrLinker.Fakes.GitHub.GraphQL.Nodes;

internal sealed class RateLimitNode(RateLimitView view) : IGraphNode
{
    public string TypeName => "RateLimit";

    public object? Resolve(string field, GraphArguments arguments) => field switch
    {
        "limit" => view.Limit,
        "remaining" => view.Remaining,
        "used" => view.Used,
        "resetAt" => view.ResetAt,
        "cost" => view.Cost,
        "nodeCount" => 0,
        _ => null,
    };
}
