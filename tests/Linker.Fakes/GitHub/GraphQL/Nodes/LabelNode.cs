using OkrLinker.Fakes.GitHub.Data;

namespace OkrLinker.Fakes.GitHub.GraphQL.Nodes;

internal sealed class LabelNode(string name) : IGraphNode
{
    public string TypeName => "Label";

    public object? Resolve(string field, GraphArguments arguments) => field switch
    {
        "name" => name,
        "id" => FakeNodeIds.Label(name),
        "color" => FakeLabels.ColorOf(name),
        _ => null,
    };
}
