namespace OkrLinker.Fakes.GitHub.GraphQL.Nodes;

/// <summary>The Key Result field's configuration (<c>ProjectV2SingleSelectField</c> or <c>ProjectV2Field</c>).</summary>
internal sealed class FieldConfigNode(GraphContext context) : IGraphNode
{
    public string TypeName => context.Data.KeyResultIsSingleSelect ? "ProjectV2SingleSelectField" : "ProjectV2Field";

    public object? Resolve(string field, GraphArguments arguments) => field switch
    {
        "id" => "PVTSSF_lADOFkKeyResult",
        "name" => context.Data.KeyResultField,
        "dataType" => context.Data.KeyResultIsSingleSelect ? "SINGLE_SELECT" : "TEXT",
        _ => null,
    };
}
