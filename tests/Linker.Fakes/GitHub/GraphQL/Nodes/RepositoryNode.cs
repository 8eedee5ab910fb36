using OkrLinker.Fakes.GitHub.Data;

namespace OkrLinker.Fakes.GitHub.GraphQL.Nodes;

/// <summary>A <c>Repository</c>: <c>issues</c> and <c>pullRequests</c> connections ordered by number, filtered by <c>states</c>.</summary>
internal sealed class RepositoryNode(GraphContext context, FakeGitHubRepo repo) : IGraphNode
{
    public string TypeName => "Repository";

    public object? Resolve(string field, GraphArguments arguments) => field switch
    {
        "id" => FakeNodeIds.Repo(repo.Id),
        "databaseId" => (int)repo.Id,
        "name" => repo.Name,
        "nameWithOwner" => $"{context.Data.Owner}/{repo.Name}",
        "owner" => new ActorNode(context.Data.Owner, context.Data.OwnerIsOrganization ? "Organization" : "User"),
        "isArchived" => repo.Archived,
        "isPrivate" => repo.Private,
        "url" => $"{context.HtmlRoot}{context.Data.Owner}/{repo.Name}",
        "issues" => Items("IssueConnection", "issues", pullRequests: false, arguments),
        "pullRequests" => Items("PullRequestConnection", "pullRequests", pullRequests: true, arguments),
        _ => null,
    };

    private ConnectionNode Items(string typeName, string fieldName, bool pullRequests, GraphArguments arguments)
    {
        var states = arguments.Strings("states");
        var labels = arguments.Strings("labels");
        var items = (context.Data.ItemsOf(repo.Name) ?? [])
            .Where(item => item.IsPullRequest == pullRequests)
            .Where(item => states is null || states.Contains(StateOf(item), StringComparer.OrdinalIgnoreCase))
            .Where(item => labels is null || item.Labels.Any(labels.Contains))
            .OrderBy(item => item.Number)
            .Select(item => ((long)item.Number, (IGraphNode)new IssueNode(context, item)))
            .ToList();
        return new ConnectionNode(typeName, fieldName, items, arguments);
    }

    private static string StateOf(FakeGitHubItem item) =>
        item.IsPullRequest && item.MergedAt is not null ? "MERGED" : item.State.ToUpperInvariant();
}
