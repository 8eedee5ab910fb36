namespace OkrLinker.Fakes.GitHub.GraphQL;

internal enum SchemaTypeKind
{
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
}
