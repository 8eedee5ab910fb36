using OkrLinker.Fakes.GitHub.Data;

namespace OkrLinker.Fakes.GitHub.GraphQL.Nodes;

/// <summary>The Key Result value of one item: single-select (<c>name</c>) or text (<c>text</c>), as the data set says.</summary>
internal sealed class FieldValueNode(GraphContext context, FakeGitHubItem item) : IGraphNode
{
    public string TypeName => context.Data.KeyResultIsSingleSelect ? "ProjectV2ItemFieldSingleSelectValue" : "ProjectV2ItemFieldTextValue";

    public object? Resolve(string field, GraphArguments arguments) => (field, context.Data.KeyResultIsSingleSelect) switch
    {
        ("id", _) => $"PVTFSV_lQDOFk{item.Id}",
        ("name", true) => item.KeyResult,
        ("optionId", true) => FakeLabels.IdOf("kr-option:" + item.KeyResult).ToString("x8", System.Globalization.CultureInfo.InvariantCulture),
        ("text", false) => item.KeyResult,
        ("field", _) => new FieldConfigNode(context),
        ("item", _) => new ProjectItemNode(context, item, 0),
        _ => null,
    };
}
