using GraphQLParser.AST;

namespace OkrLinker.Fakes.GitHub.GraphQL;

/// <summary>An argument of a schema field: required when its type is non-null and it has no default.</summary>
internal sealed record SchemaArgument(string Name, GraphQLType Type, GraphQLValue? DefaultValue)
{
    public bool IsRequired => Type is GraphQLNonNullType && DefaultValue is null;
}
