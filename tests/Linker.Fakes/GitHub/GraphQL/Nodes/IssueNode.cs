using System.Globalization;

namespace OkrLinker.Fakes.GitHub.GraphQL.Nodes;

/// <summary>An <c>Issue</c> or a <c>PullRequest</c>; <c>fullDatabaseId</c> is a BigInt, sent as a string like GitHub does.</summary>
internal sealed class IssueNode(GraphContext context, FakeGitHubItem item) : IGraphNode
{
    public string TypeName => item.IsPullRequest ? "PullRequest" : "Issue";

    public object? Resolve(string field, GraphArguments arguments) => field switch
    {
        "id" => item.NodeId,
        "databaseId" => (int)item.Id,
        "fullDatabaseId" => item.Id.ToString(CultureInfo.InvariantCulture),
        "number" => item.Number,
        "title" => item.Title,
        "body" => item.Body ?? "",
        "state" => State(),
        "stateReason" => item.IsPullRequest ? null : item.StateReason?.ToUpperInvariant(),
        "closed" => item.State == "closed",
        "closedAt" => item.ClosedAt,
        "createdAt" => item.CreatedAt,
        "updatedAt" => item.UpdatedAt,
        "merged" => item.MergedAt is not null,
        "mergedAt" => item.MergedAt,
        "url" => $"{context.HtmlRoot}{context.Data.Owner}/{item.Repo}/{(item.IsPullRequest ? "pull" : "issues")}/{item.Number}",
        "author" => new ActorNode(item.Author),
        "repository" => context.Data.RepoNamed(item.Repo) is { } repo ? new RepositoryNode(context, repo) : null,
        "labels" => new ConnectionNode("LabelConnection", "labels", Keyed(item.Labels.Select(label => (IGraphNode)new LabelNode(label))), arguments),
        "assignees" => new ConnectionNode("UserConnection", "assignees", Keyed(item.Assignees.Select(login => (IGraphNode)new ActorNode(login))), arguments),
        "parent" => item.ParentNumber is { } parent && context.Data.Find(item.Repo, parent) is { } found ? new IssueNode(context, found) : null,
        _ => null,
    };

    private string State() => item switch
    {
        { IsPullRequest: true, MergedAt: not null } => "MERGED",
        _ => item.State.ToUpperInvariant(),
    };

    private static List<(long Key, IGraphNode Node)> Keyed(IEnumerable<IGraphNode> nodes) =>
        nodes.Select((node, index) => ((long)index + 1, node)).ToList();
}
