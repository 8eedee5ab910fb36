using System.Collections.Concurrent;
using GraphQLParser;
using GraphQLParser.AST;

namespace OkrLinker.Fakes.GitHub.GraphQL;

/// <summary>
/// GitHub's published GraphQL schema, indexed for validation and execution. The SDL is 1.2 MB, so each
/// file is parsed once per process and shared (<see cref="Load"/>).
/// </summary>
internal sealed class GitHubSchema
{
    private static readonly ConcurrentDictionary<string, Lazy<GitHubSchema>> Cache = new(StringComparer.Ordinal);

    private GitHubSchema(string path, Dictionary<string, SchemaType> types, HashSet<string> directives, Dictionary<OperationType, string> roots)
    {
        Path = path;
        Types = types;
        Directives = directives;
        Roots = roots;
    }

    public string Path { get; }

    public IReadOnlyDictionary<string, SchemaType> Types { get; }

    public IReadOnlySet<string> Directives { get; }

    public IReadOnlyDictionary<OperationType, string> Roots { get; }

    /// <summary>The schema in <paramref name="path"/>, parsed on first use and cached for the process.</summary>
    public static GitHubSchema Load(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        return Cache.GetOrAdd(full, key => new Lazy<GitHubSchema>(() => Parse(key))).Value;
    }

    public SchemaType? TypeNamed(string name) => Types.GetValueOrDefault(name);

    private static GitHubSchema Parse(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"GitHub's GraphQL schema is missing: '{path}'.", path);
        }

        var document = Parser.Parse(File.ReadAllText(path), new ParserOptions { Ignore = IgnoreOptions.All });
        var types = new Dictionary<string, SchemaType>(StringComparer.Ordinal);
        foreach (var scalar in new[] { "String", "Int", "Float", "Boolean", "ID" })
        {
            types[scalar] = new SchemaType(scalar, SchemaTypeKind.Scalar);
        }

        var directives = new HashSet<string>(["include", "skip", "deprecated", "specifiedBy"], StringComparer.Ordinal);
        var roots = new Dictionary<OperationType, string>
        {
            [OperationType.Query] = "Query",
            [OperationType.Mutation] = "Mutation",
        };
        var implementations = new List<(string Interface, string Object)>();

        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLObjectTypeDefinition objectType:
                    var type = Add(types, objectType.Name.StringValue, SchemaTypeKind.Object, objectType.Fields);
                    type.PossibleTypes.Add(type.Name);
                    foreach (var implemented in objectType.Interfaces?.Items ?? [])
                    {
                        implementations.Add((implemented.Name.StringValue, type.Name));
                    }

                    break;
                case GraphQLInterfaceTypeDefinition interfaceType:
                    Add(types, interfaceType.Name.StringValue, SchemaTypeKind.Interface, interfaceType.Fields);
                    break;
                case GraphQLUnionTypeDefinition union:
                    var unionType = Add(types, union.Name.StringValue, SchemaTypeKind.Union, null);
                    foreach (var member in union.Types?.Items ?? [])
                    {
                        unionType.PossibleTypes.Add(member.Name.StringValue);
                    }

                    break;
                case GraphQLEnumTypeDefinition enumType:
                    Add(types, enumType.Name.StringValue, SchemaTypeKind.Enum, null);
                    break;
                case GraphQLScalarTypeDefinition scalarType:
                    Add(types, scalarType.Name.StringValue, SchemaTypeKind.Scalar, null);
                    break;
                case GraphQLInputObjectTypeDefinition inputType:
                    Add(types, inputType.Name.StringValue, SchemaTypeKind.InputObject, null);
                    break;
                case GraphQLDirectiveDefinition directive:
                    directives.Add(directive.Name.StringValue);
                    break;
                case GraphQLSchemaDefinition schema:
                    foreach (var root in schema.OperationTypes)
                    {
                        roots[root.Operation] = root.Type!.Name.StringValue;
                    }

                    break;
            }
        }

        foreach (var (interfaceName, objectName) in implementations)
        {
            if (types.TryGetValue(interfaceName, out var interfaceType))
            {
                interfaceType.PossibleTypes.Add(objectName);
            }
        }

        return new GitHubSchema(path, types, directives, roots);
    }

    private static SchemaType Add(Dictionary<string, SchemaType> types, string name, SchemaTypeKind kind, GraphQLFieldsDefinition? fields)
    {
        var type = new SchemaType(name, kind);
        foreach (var field in fields?.Items ?? [])
        {
            var arguments = (field.Arguments?.Items ?? [])
                .ToDictionary(
                    argument => argument.Name.StringValue,
                    argument => new SchemaArgument(argument.Name.StringValue, argument.Type, argument.DefaultValue),
                    StringComparer.Ordinal);
            type.Fields[field.Name.StringValue] = new SchemaField(field.Name.StringValue, field.Type, arguments);
        }

        types[name] = type;
        return type;
    }
}
