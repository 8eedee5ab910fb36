namespace OkrLinker.Fakes.GitHub.GraphQL;

/// <summary>
/// A named schema type. <see cref="PossibleTypes"/> are the object types a value of this type can be:
/// itself for an object, the members of a union, the implementers of an interface.
/// </summary>
internal sealed class SchemaType(string name, SchemaTypeKind kind)
{
    public string Name { get; } = name;

    public SchemaTypeKind Kind { get; } = kind;

    public Dictionary<string, SchemaField> Fields { get; } = new(StringComparer.Ordinal);

    public HashSet<string> PossibleTypes { get; } = new(StringComparer.Ordinal);

    public bool IsComposite => Kind is SchemaTypeKind.Object or SchemaTypeKind.Interface or SchemaTypeKind.Union;

    public bool IsLeaf => Kind is SchemaTypeKind.Scalar or SchemaTypeKind.Enum;

    public bool IsInput => Kind is SchemaTypeKind.Scalar or SchemaTypeKind.Enum or SchemaTypeKind.InputObject;
}
