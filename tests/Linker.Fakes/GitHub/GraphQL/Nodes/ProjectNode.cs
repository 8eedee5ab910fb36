using OkrLinker.Fakes.GitHub.Data;

namespace OkrLinker.Fakes.GitHub.GraphQL.Nodes;

/// <summary>The data set's <c>ProjectV2</c>: its items in project order, and the Key Result field.</summary>
internal sealed class ProjectNode(GraphContext context) : IGraphNode
{
    public string TypeName => "ProjectV2";

    public object? Resolve(string field, GraphArguments arguments) => field switch
    {
        "id" => FakeNodeIds.Project(context.Data.ProjectNumber),
        "number" => context.Data.ProjectNumber,
        "title" => context.Data.ProjectTitle,
        "closed" => false,
        "url" => $"{context.HtmlRoot}orgs/{context.Data.Owner}/projects/{context.Data.ProjectNumber}",
        "items" => Items(arguments),
        "field" => arguments.String("name") == context.Data.KeyResultField ? new FieldConfigNode(context) : null,
        _ => null,
    };

    private ConnectionNode Items(GraphArguments arguments)
    {
        var items = context.Data.ProjectItems()
            .Select(entry => (entry.Position, (IGraphNode)new ProjectItemNode(context, entry.Item, entry.Position)))
            .ToList();
        return new ConnectionNode("ProjectV2ItemConnection", "items", items, arguments);
    }
}
