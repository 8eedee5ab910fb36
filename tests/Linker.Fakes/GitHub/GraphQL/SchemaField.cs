using GraphQLParser.AST;

namespace OkrLinker.Fakes.GitHub.GraphQL;

internal sealed record SchemaField(string Name, GraphQLType Type, IReadOnlyDictionary<string, SchemaArgument> Arguments)
{
    public string TypeName => GraphQLTypes.NamedOf(Type);
}
