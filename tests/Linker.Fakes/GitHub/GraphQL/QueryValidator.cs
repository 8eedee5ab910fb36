using GraphQLParser;
using GraphQLParser.AST;

namespace OkrLinker.Fakes.GitHub.GraphQL;

/// <summary>
/// Validates a query document against the schema, with graphql-ruby's messages (what GitHub answers):
/// operation types, fields on their parent type, argument names and required arguments, fragment type
/// conditions that exist and can apply, selections on composites only, and declared, used, well-typed variables.
/// </summary>
internal sealed class QueryValidator
{
    private readonly GitHubSchema _schema;
    private readonly GraphQLDocument _document;
    private readonly string _source;
    private readonly List<FakeGraphQLError> _errors = [];
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = new(StringComparer.Ordinal);
    private readonly List<object> _path = [];

    public QueryValidator(GitHubSchema schema, GraphQLDocument document, string source)
    {
        _schema = schema;
        _document = document;
        _source = source;
    }

    public IReadOnlyList<FakeGraphQLError> Validate()
    {
        foreach (var fragment in _document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            if (!_fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment))
            {
                Error(fragment, $"Fragment name \"{fragment.FragmentName.Name.StringValue}\" must be unique", "fragmentNamesAreUnique");
            }
        }

        var operations = _document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (operations.Count == 0)
        {
            Error(_document, "No operations in query document", "noOperations");
        }

        var usedFragments = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in operations)
        {
            ValidateOperation(operation, usedFragments);
        }

        foreach (var fragment in _fragments.Values)
        {
            ValidateFragment(fragment, usedFragments);
        }

        return _errors;
    }

    private void ValidateOperation(GraphQLOperationDefinition operation, HashSet<string> usedFragments)
    {
        var keyword = operation.Operation.ToString().ToLowerInvariant();
        var name = operation.Name?.StringValue;
        var label = name is null ? keyword : $"{keyword} {name}";
        if (!_schema.Roots.TryGetValue(operation.Operation, out var rootName) || _schema.TypeNamed(rootName) is not { } root)
        {
            Error(operation, $"Schema is not configured for {keyword}s", "missingRoot");
            return;
        }

        var declared = new Dictionary<string, GraphQLVariableDefinition>(StringComparer.Ordinal);
        foreach (var variable in operation.Variables?.Items ?? [])
        {
            var variableName = variable.Variable.Name.StringValue;
            declared.TryAdd(variableName, variable);
            var typeName = GraphQLTypes.NamedOf(variable.Type);
            switch (_schema.TypeNamed(typeName))
            {
                case null:
                    Error(variable, $"{typeName} isn't a defined input type (on ${variableName})", "variableRequiresValidType");
                    break;
                case { IsInput: false }:
                    Error(variable, $"{typeName} isn't a valid input type (on ${variableName})", "variableRequiresValidType");
                    break;
            }
        }

        _path.Add(label);
        ValidateSelections(root, operation.SelectionSet);
        _path.Clear();

        var used = new Dictionary<string, GraphQLVariable>(StringComparer.Ordinal);
        CollectVariables(operation.SelectionSet, used, usedFragments, new HashSet<string>(StringComparer.Ordinal));
        var display = name ?? "anonymous " + keyword;
        foreach (var (variableName, node) in used)
        {
            if (!declared.ContainsKey(variableName))
            {
                Error(node, $"Variable ${variableName} is used by {display} but not declared", "variableNotDefined");
            }
        }

        foreach (var (variableName, node) in declared)
        {
            if (!used.ContainsKey(variableName))
            {
                Error(node, $"Variable ${variableName} is declared by {display} but not used", "variableNotUsed");
            }
        }
    }

    private void ValidateFragment(GraphQLFragmentDefinition fragment, HashSet<string> usedFragments)
    {
        var name = fragment.FragmentName.Name.StringValue;
        var condition = fragment.TypeCondition.Type.Name.StringValue;
        _path.Add($"fragment {name}");
        if (ConditionType(fragment, condition) is { } type)
        {
            ValidateSelections(type, fragment.SelectionSet);
        }

        _path.Clear();
        if (!usedFragments.Contains(name))
        {
            Error(fragment, $"Fragment {name} was defined, but not used", "useAndDefineFragment");
        }
    }

    private void ValidateSelections(SchemaType parent, GraphQLSelectionSet set)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    ValidateField(parent, field);
                    break;
                case GraphQLInlineFragment inline:
                    ValidateDirectives(inline.Directives);
                    var target = parent;
                    if (inline.TypeCondition is { } typeCondition)
                    {
                        var conditionName = typeCondition.Type.Name.StringValue;
                        target = ConditionType(inline, conditionName);
                        if (target is not null && !CanApply(target, parent))
                        {
                            Error(inline, $"Fragment on {conditionName} can't be spread inside {parent.Name}", "cannotSpreadFragment");
                            target = null;
                        }
                    }

                    if (target is not null)
                    {
                        _path.Add($"... on {target.Name}");
                        ValidateSelections(target, inline.SelectionSet);
                        _path.RemoveAt(_path.Count - 1);
                    }

                    break;
                case GraphQLFragmentSpread spread:
                    ValidateDirectives(spread.Directives);
                    var spreadName = spread.FragmentName.Name.StringValue;
                    if (!_fragments.TryGetValue(spreadName, out var fragment))
                    {
                        Error(spread, $"Fragment {spreadName} was used, but not defined", "useAndDefineFragment");
                    }
                    else if (_schema.TypeNamed(fragment.TypeCondition.Type.Name.StringValue) is { IsComposite: true } fragmentType
                        && !CanApply(fragmentType, parent))
                    {
                        Error(spread, $"Fragment {spreadName} on {fragmentType.Name} can't be spread inside {parent.Name}", "cannotSpreadFragment");
                    }

                    break;
            }
        }
    }

    private void ValidateField(SchemaType parent, GraphQLField field)
    {
        var name = field.Name.StringValue;
        ValidateDirectives(field.Directives);
        if (name == "__typename")
        {
            if (field.SelectionSet is not null)
            {
                Error(field, $"Selections can't be made on scalars (field '__typename' returns String but has selections [{SelectionNames(field.SelectionSet)}])", "selectionMismatch");
            }

            return;
        }

        _path.Add(field.Alias?.Name.StringValue ?? name);
        try
        {
            if (parent.Kind == SchemaTypeKind.Union)
            {
                Error(field, $"Selections can't be made directly on unions (see selections on {parent.Name})", "selectionMismatch");
                return;
            }

            if (!parent.Fields.TryGetValue(name, out var definition))
            {
                Error(field, $"Field '{name}' doesn't exist on type '{parent.Name}'", "undefinedField");
                return;
            }

            ValidateArguments(field, definition);
            var returned = _schema.TypeNamed(definition.TypeName);
            if (returned is null)
            {
                return;
            }

            if (returned.IsLeaf && field.SelectionSet is not null)
            {
                var kind = returned.Kind == SchemaTypeKind.Enum ? "enums" : "scalars";
                Error(field, $"Selections can't be made on {kind} (field '{name}' returns {returned.Name} but has selections [{SelectionNames(field.SelectionSet)}])", "selectionMismatch");
            }
            else if (returned.IsComposite && field.SelectionSet is null)
            {
                Error(field, $"Field must have selections (field '{name}' returns {GraphQLTypes.Print(definition.Type)} but has no selections. Did you mean '{name} {{ ... }}'?)", "selectionMismatch");
            }
            else if (returned.IsComposite && field.SelectionSet is not null)
            {
                ValidateSelections(returned, field.SelectionSet);
            }
        }
        finally
        {
            _path.RemoveAt(_path.Count - 1);
        }
    }

    private void ValidateArguments(GraphQLField field, SchemaField definition)
    {
        var name = field.Name.StringValue;
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in field.Arguments?.Items ?? [])
        {
            var argumentName = argument.Name.StringValue;
            given.Add(argumentName);
            if (!definition.Arguments.ContainsKey(argumentName))
            {
                Error(argument, $"Field '{name}' doesn't accept argument '{argumentName}'", "argumentNotAccepted");
            }
        }

        var missing = definition.Arguments.Values.Where(argument => argument.IsRequired && !given.Contains(argument.Name)).Select(argument => argument.Name).ToList();
        if (missing.Count > 0)
        {
            Error(field, $"Field '{name}' is missing required arguments: {string.Join(", ", missing)}", "missingRequiredArguments");
        }
    }

    private void ValidateDirectives(GraphQLDirectives? directives)
    {
        foreach (var directive in directives?.Items ?? [])
        {
            if (!_schema.Directives.Contains(directive.Name.StringValue))
            {
                Error(directive, $"Directive @{directive.Name.StringValue} is not defined", "undefinedDirective");
            }
        }
    }

    private SchemaType? ConditionType(ASTNode node, string name)
    {
        switch (_schema.TypeNamed(name))
        {
            case null:
                Error(node, $"No such type {name}, so it can't be a fragment condition", "undefinedType");
                return null;
            case { IsComposite: false }:
                Error(node, $"Invalid fragment on type {name} (must be Union, Interface or Object)", "fragmentOnNonCompositeType");
                return null;
            case var type:
                return type;
        }
    }

    // A fragment on T applies inside P when some object type can be both.
    private static bool CanApply(SchemaType condition, SchemaType parent) => condition.PossibleTypes.Overlaps(parent.PossibleTypes);

    private void CollectVariables(GraphQLSelectionSet? set, Dictionary<string, GraphQLVariable> used, HashSet<string> usedFragments, HashSet<string> visiting)
    {
        foreach (var selection in set?.Selections ?? [])
        {
            switch (selection)
            {
                case GraphQLField field:
                    foreach (var argument in field.Arguments?.Items ?? [])
                    {
                        CollectVariables(argument.Value, used);
                    }

                    CollectDirectiveVariables(field.Directives, used);
                    CollectVariables(field.SelectionSet, used, usedFragments, visiting);
                    break;
                case GraphQLInlineFragment inline:
                    CollectDirectiveVariables(inline.Directives, used);
                    CollectVariables(inline.SelectionSet, used, usedFragments, visiting);
                    break;
                case GraphQLFragmentSpread spread:
                    CollectDirectiveVariables(spread.Directives, used);
                    var name = spread.FragmentName.Name.StringValue;
                    usedFragments.Add(name);
                    if (_fragments.TryGetValue(name, out var fragment) && visiting.Add(name))
                    {
                        CollectVariables(fragment.SelectionSet, used, usedFragments, visiting);
                    }

                    break;
            }
        }
    }

    private static void CollectDirectiveVariables(GraphQLDirectives? directives, Dictionary<string, GraphQLVariable> used)
    {
        foreach (var directive in directives?.Items ?? [])
        {
            foreach (var argument in directive.Arguments?.Items ?? [])
            {
                CollectVariables(argument.Value, used);
            }
        }
    }

    private static void CollectVariables(GraphQLValue value, Dictionary<string, GraphQLVariable> used)
    {
        switch (value)
        {
            case GraphQLVariable variable:
                used.TryAdd(variable.Name.StringValue, variable);
                break;
            case GraphQLListValue list:
                foreach (var item in list.Values ?? [])
                {
                    CollectVariables(item, used);
                }

                break;
            case GraphQLObjectValue objectValue:
                foreach (var field in objectValue.Fields ?? [])
                {
                    CollectVariables(field.Value, used);
                }

                break;
        }
    }

    private static string SelectionNames(GraphQLSelectionSet set) =>
        string.Join(", ", set.Selections.OfType<GraphQLField>().Select(field => field.Name.StringValue));

    private void Error(ASTNode node, string message, string code)
    {
        var location = Location.FromLinearPosition(_source, node.Location.Start);
        _errors.Add(new FakeGraphQLError(message, [new FakeGraphQLLocation(location.Line, location.Column)], _path.Count > 0 ? [.. _path] : null, code));
    }
}
