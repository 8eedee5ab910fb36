using System.Globalization;
using OkrLinker.Fakes.GitHub.Data;

namespace OkrLinker.Fakes.GitHub.GraphQL.Nodes;

/// <summary>A <c>ProjectV2Item</c>: its content (the issue or pull request) and its field values by name.</summary>
internal sealed class ProjectItemNode(GraphContext context, FakeGitHubItem item, long position) : IGraphNode
{
    public string TypeName => "ProjectV2Item";

    public object? Resolve(string field, GraphArguments arguments) => field switch
    {
        "id" => FakeNodeIds.ProjectItem(item.Id),
        "fullDatabaseId" => (90_000_000 + position).ToString(CultureInfo.InvariantCulture),
        "databaseId" => (int)(90_000_000 + position),
        "type" => item.IsPullRequest ? "PULL_REQUEST" : "ISSUE",
        "isArchived" => false,
        "content" => new IssueNode(context, item),
        "fieldValueByName" => arguments.String("name") == context.Data.KeyResultField && item.KeyResult is not null
            ? new FieldValueNode(context, item)
            : null,
        _ => null,
    };
}
