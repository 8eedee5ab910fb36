using GraphQLParser.AST;

namespace OkrLinker.Fakes.GitHub.GraphQL;

/// <summary>Helpers over type references (<c>[String!]!</c>).</summary>
internal static class GraphQLTypes
{
    public static string NamedOf(GraphQLType type) => type switch
    {
        GraphQLNamedType named => named.Name.StringValue,
        GraphQLNonNullType nonNull => NamedOf(nonNull.Type),
        GraphQLListType list => NamedOf(list.Type),
        _ => "",
    };

    public static string Print(GraphQLType type) => type switch
    {
        GraphQLNamedType named => named.Name.StringValue,
        GraphQLNonNullType nonNull => Print(nonNull.Type) + "!",
        GraphQLListType list => "[" + Print(list.Type) + "]",
        _ => "",
    };
}
