using System.Globalization;
using System.Text.Json.Nodes;
using GraphQLParser;
using GraphQLParser.AST;

namespace OkrLinker.Fakes.GitHub.GraphQL;

/// <summary>
/// Executes a validated operation over an <see cref="IGraphNode"/> graph: aliases, inline fragments and
/// fragment spreads (by possible type), <c>@skip</c>/<c>@include</c>, argument defaults from the schema,
/// field errors as null plus an error with its path, and query-wide aborts (pagination limits).
/// </summary>
internal sealed class QueryExecutor(
    GitHubSchema schema, GraphQLDocument document, string source, IReadOnlyDictionary<string, object?> variables)
{
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = document.Definitions
        .OfType<GraphQLFragmentDefinition>()
        .GroupBy(fragment => fragment.FragmentName.Name.StringValue, StringComparer.Ordinal)
        .ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);

    private readonly List<FakeGraphQLError> _errors = [];

    /// <summary>The data (null when the query was aborted) and the errors.</summary>
    public (JsonObject? Data, IReadOnlyList<FakeGraphQLError> Errors) Execute(GraphQLOperationDefinition operation, IGraphNode root)
    {
        try
        {
            var data = ExecuteSelections(root, operation.SelectionSet.Selections, []);
            return (data, _errors);
        }
        catch (AbortedQuery aborted)
        {
            return (null, [aborted.Error]);
        }
    }

    private JsonObject ExecuteSelections(IGraphNode node, IEnumerable<ASTNode> selections, List<object> path)
    {
        var grouped = new OrderedDictionary<string, List<GraphQLField>>(StringComparer.Ordinal);
        CollectFields(node.TypeName, selections, grouped, new HashSet<string>(StringComparer.Ordinal));
        var result = new JsonObject();
        foreach (var (key, fields) in grouped)
        {
            path.Add(key);
            result[key] = ExecuteField(node, fields, path);
            path.RemoveAt(path.Count - 1);
        }

        return result;
    }

    private JsonNode? ExecuteField(IGraphNode node, List<GraphQLField> fields, List<object> path)
    {
        var field = fields[0];
        var name = field.Name.StringValue;
        if (name == "__typename")
        {
            return JsonValue.Create(node.TypeName);
        }

        object? value;
        try
        {
            var definition = schema.TypeNamed(node.TypeName)?.Fields.GetValueOrDefault(name);
            value = node.Resolve(name, Arguments(field, definition));
        }
        catch (GraphFieldException failure)
        {
            _errors.Add(ErrorAt(field, failure.Message, path, failure.Type));
            return null;
        }
        catch (GraphAbortException abort)
        {
            throw new AbortedQuery(ErrorAt(field, abort.Message, path, abort.Type));
        }

        return Complete(value, fields, path);
    }

    private JsonNode? Complete(object? value, List<GraphQLField> fields, List<object> path)
    {
        switch (value)
        {
            case null:
                return null;
            case IGraphNode child:
                var merged = fields.Where(f => f.SelectionSet is not null).SelectMany(f => f.SelectionSet!.Selections);
                return ExecuteSelections(child, merged, path);
            case string text:
                return JsonValue.Create(text);
            case bool flag:
                return JsonValue.Create(flag);
            case int number:
                return JsonValue.Create(number);
            case long number:
                return JsonValue.Create(number);
            case double number:
                return JsonValue.Create(number);
            case DateTimeOffset time:
                return JsonValue.Create(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            case System.Collections.IEnumerable items:
                var array = new JsonArray();
                var index = 0;
                foreach (var item in items)
                {
                    path.Add(index++);
                    array.Add(Complete(item, fields, path));
                    path.RemoveAt(path.Count - 1);
                }

                return array;
            default:
                return JsonValue.Create(value.ToString());
        }
    }

    private void CollectFields(string typeName, IEnumerable<ASTNode> selections, OrderedDictionary<string, List<GraphQLField>> grouped, HashSet<string> visited)
    {
        foreach (var selection in selections)
        {
            switch (selection)
            {
                case GraphQLField field when Included(field.Directives):
                    var key = field.Alias?.Name.StringValue ?? field.Name.StringValue;
                    if (!grouped.TryGetValue(key, out var list))
                    {
                        grouped[key] = list = [];
                    }

                    list.Add(field);
                    break;
                case GraphQLInlineFragment inline when Included(inline.Directives)
                    && (inline.TypeCondition is null || Applies(inline.TypeCondition.Type.Name.StringValue, typeName)):
                    CollectFields(typeName, inline.SelectionSet.Selections, grouped, visited);
                    break;
                case GraphQLFragmentSpread spread when Included(spread.Directives):
                    var name = spread.FragmentName.Name.StringValue;
                    if (visited.Add(name) && _fragments.TryGetValue(name, out var fragment)
                        && Applies(fragment.TypeCondition.Type.Name.StringValue, typeName))
                    {
                        CollectFields(typeName, fragment.SelectionSet.Selections, grouped, visited);
                    }

                    break;
            }
        }
    }

    private bool Applies(string condition, string typeName) =>
        condition == typeName || (schema.TypeNamed(condition)?.PossibleTypes.Contains(typeName) ?? false);

    private bool Included(GraphQLDirectives? directives)
    {
        foreach (var directive in directives?.Items ?? [])
        {
            var condition = directive.Arguments?.Items.FirstOrDefault(argument => argument.Name.StringValue == "if") is { } argument
                && Value(argument.Value) is true;
            if ((directive.Name.StringValue == "skip" && condition) || (directive.Name.StringValue == "include" && !condition))
            {
                return false;
            }
        }

        return true;
    }

    private GraphArguments Arguments(GraphQLField field, SchemaField? definition)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var argument in definition?.Arguments.Values ?? [])
        {
            if (argument.DefaultValue is not null)
            {
                values[argument.Name] = Value(argument.DefaultValue);
            }
        }

        foreach (var argument in field.Arguments?.Items ?? [])
        {
            values[argument.Name.StringValue] = Value(argument.Value);
        }

        return new GraphArguments(values);
    }

    private object? Value(GraphQLValue value) => value switch
    {
        GraphQLVariable variable => variables.GetValueOrDefault(variable.Name.StringValue),
        GraphQLIntValue number => long.Parse(number.Value.Span, CultureInfo.InvariantCulture),
        GraphQLFloatValue number => double.Parse(number.Value.Span, CultureInfo.InvariantCulture),
        GraphQLStringValue text => (string)text.Value,
        GraphQLBooleanValue flag => flag.BoolValue,
        GraphQLEnumValue enumValue => enumValue.Name.StringValue,
        GraphQLListValue list => (list.Values ?? []).Select(Value).ToList(),
        GraphQLObjectValue obj => (obj.Fields ?? []).ToDictionary(f => f.Name.StringValue, f => Value(f.Value), StringComparer.Ordinal),
        _ => null,
    };

    private FakeGraphQLError ErrorAt(ASTNode node, string message, List<object> path, string? type)
    {
        var location = Location.FromLinearPosition(source, node.Location.Start);
        return new FakeGraphQLError(message, [new FakeGraphQLLocation(location.Line, location.Column)], [.. path], Type: type);
    }

    private sealed class AbortedQuery(FakeGraphQLError error) : Exception(error.Message)
    {
        public FakeGraphQLError Error { get; } = error;
    }
}
