using System.Globalization;
using OkrLinker.Fakes.GitHub.Data;

namespace OkrLinker.Fakes.GitHub.GraphQL.Nodes;

/// <summary>The data set's owner as an <c>Organization</c> or a <c>User</c>: its project and its repos.</summary>
internal sealed class OwnerNode(GraphContext context) : IGraphNode
{
    public string TypeName => context.Data.OwnerIsOrganization ? "Organization" : "User";

    public object? Resolve(string field, GraphArguments arguments) => field switch
    {
        "id" => FakeNodeIds.Owner(context.Data.Owner),
        "login" => context.Data.Owner,
        "name" => context.Data.Owner,
        "url" => $"{context.HtmlRoot}{context.Data.Owner}",
        "projectV2" => Project(arguments.Int("number")),
        "repository" => Repository(arguments.String("name")),
        _ => null,
    };

    private ProjectNode Project(int? number) =>
        number == context.Data.ProjectNumber
            ? new ProjectNode(context)
            : throw new GraphFieldException(
                $"Could not resolve to a ProjectV2 with the number {number?.ToString(CultureInfo.InvariantCulture)}.", "NOT_FOUND");

    private RepositoryNode? Repository(string? name) =>
        name is not null && context.Data.RepoNamed(name) is { } repo ? new RepositoryNode(context, repo) : null;
}
