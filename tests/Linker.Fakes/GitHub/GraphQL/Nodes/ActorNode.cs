using OkrLinker.Fakes.GitHub.Data;

namespace OkrLinker.Fakes.GitHub.GraphQL.Nodes;

/// <summary>A user (assignee, author, viewer) or, for the owner's login, the organization.</summary>
internal sealed class ActorNode(string login, string typeName = "User") : IGraphNode
{
    public string TypeName => typeName;

    public object? Resolve(string field, GraphArguments arguments) => field switch
    {
        "login" => login,
        "id" => FakeNodeIds.Owner(login),
        "name" => login,
        _ => null,
    };
}
