namespace OkrLinker.Fakes.GitHub.GraphQL.Nodes;

/// <summary>The <c>Query</c> root: organization/user, viewer, rateLimit, repository, node and nodes.</summary>
internal sealed class QueryNode(GraphContext context) : IGraphNode
{
    public string TypeName => "Query";

    public object? Resolve(string field, GraphArguments arguments) => field switch
    {
        "organization" => Owner(arguments.String("login"), organization: true),
        "user" => User(arguments.String("login")),
        "viewer" => new ActorNode(context.ViewerLogin),
        "rateLimit" => new RateLimitNode(context.RateLimit),
        "repository" => Repository(arguments.String("owner"), arguments.String("name")),
        "node" => Node(arguments.String("id")),
        "nodes" => (arguments.Strings("ids") ?? []).Select(Node).ToList(),
        _ => null,
    };

    private OwnerNode Owner(string? login, bool organization) =>
        IsOwner(login) && context.Data.OwnerIsOrganization == organization
            ? new OwnerNode(context)
            : throw new GraphFieldException(
                $"Could not resolve to {(organization ? "an Organization" : "a User")} with the login of '{login}'.", "NOT_FOUND");

    private IGraphNode User(string? login) =>
        string.Equals(login, context.ViewerLogin, StringComparison.OrdinalIgnoreCase) && !IsOwner(login)
            ? new ActorNode(context.ViewerLogin)
            : Owner(login, organization: false);

    private RepositoryNode Repository(string? owner, string? name) =>
        IsOwner(owner) && name is not null && context.Data.RepoNamed(name) is { } repo
            ? new RepositoryNode(context, repo)
            : throw new GraphFieldException($"Could not resolve to a Repository with the name '{owner}/{name}'.", "NOT_FOUND");

    private IssueNode? Node(string? id) =>
        id is not null && context.Data.FindByNodeId(id) is { } item ? new IssueNode(context, item) : null;

    private bool IsOwner(string? login) => string.Equals(login, context.Data.Owner, StringComparison.OrdinalIgnoreCase);
}
