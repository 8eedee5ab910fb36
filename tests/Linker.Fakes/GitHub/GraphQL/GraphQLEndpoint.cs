using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using OkrLinker.Fakes.GitHub.GraphQL.Nodes;
using OkrLinker.Fakes.GitHub.Server;

namespace OkrLinker.Fakes.GitHub.GraphQL;

/// <summary>
/// <c>POST /graphql</c>: parse, validate against GitHub's schema (errors answer 200 with <c>errors</c> and cost
/// nothing), charge the graphql budget (exhausted → 200 with a <c>RATE_LIMIT</c> error), then execute.
/// </summary>
internal sealed class GraphQLEndpoint(FakeGitHubData data, string schemaPath, FakeRateBudget budget, string viewerLogin)
{
    public FakeAnswer Answer(JsonElement? body, string htmlRoot)
    {
        if (body is not { ValueKind: JsonValueKind.Object } request
            || !request.TryGetProperty("query", out var queryElement) || queryElement.ValueKind != JsonValueKind.String)
        {
            return Errors([new FakeGraphQLError("A query attribute must be specified and must be a string.", [])]);
        }

        var query = queryElement.GetString()!;
        var operationName = request.TryGetProperty("operationName", out var nameElement) && nameElement.ValueKind == JsonValueKind.String
            ? nameElement.GetString()
            : null;
        var schema = GitHubSchema.Load(schemaPath);
        var (document, errors) = FakeGitHubGraphQL.ParseAndValidate(query, schema);
        if (errors.Count > 0 || document is null)
        {
            return Errors(errors, operationName);
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(candidate => candidate.Name?.StringValue == operationName);
        if (operation is null)
        {
            var message = operationName is null ? "An operation name is required" : $"No operation named \"{operationName}\"";
            return Errors([new FakeGraphQLError(message, [])], operationName);
        }

        operationName ??= operation.Name?.StringValue;
        var variables = Variables(request);
        if (MissingVariable(operation, variables, query) is { } missing)
        {
            return Errors([missing], operationName);
        }

        if (!budget.TryConsume(1))
        {
            return Errors([new FakeGraphQLError("API rate limit already exceeded for user ID 1.", [], Code: "graphql_rate_limit", Type: "RATE_LIMIT")], operationName);
        }

        var (limit, remaining, used, resetAt) = budget.Peek();
        var context = new GraphContext(data, htmlRoot, viewerLogin, new RateLimitView(limit, remaining, used, resetAt, 1));
        var (result, fieldErrors) = new QueryExecutor(schema, document, query, variables).Execute(operation, new QueryNode(context));
        var answer = new JsonObject();
        if (result is not null)
        {
            answer["data"] = result;
        }

        if (fieldErrors.Count > 0)
        {
            answer["errors"] = ErrorsJson(fieldErrors);
        }

        return new FakeAnswer(200, JsonSerializer.SerializeToUtf8Bytes(answer))
        {
            Resource = "graphql", Charge = false, OperationName = operationName, HadGraphQLErrors = fieldErrors.Count > 0,
        };
    }

    private static FakeAnswer Errors(IReadOnlyList<FakeGraphQLError> errors, string? operationName = null) =>
        new(200, JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["errors"] = ErrorsJson(errors) }))
        {
            Resource = "graphql", Charge = false, OperationName = operationName, HadGraphQLErrors = true,
        };

    internal static JsonArray ErrorsJson(IEnumerable<FakeGraphQLError> errors)
    {
        var array = new JsonArray();
        foreach (var error in errors)
        {
            var json = new JsonObject();
            if (error.Type is not null)
            {
                json["type"] = error.Type;
            }

            if (error.Code is not null && error.Type is not null)
            {
                json["code"] = error.Code;
            }

            if (error.Path is { } path)
            {
                json["path"] = new JsonArray([.. path.Select(step => step is int index ? JsonValue.Create(index) : (JsonNode)JsonValue.Create(step.ToString()!))]);
            }

            if (error.Code is not null && error.Type is null)
            {
                json["extensions"] = new JsonObject { ["code"] = error.Code };
            }

            if (error.Locations.Count > 0)
            {
                json["locations"] = new JsonArray([.. error.Locations.Select(at => (JsonNode)new JsonObject { ["line"] = at.Line, ["column"] = at.Column })]);
            }

            json["message"] = error.Message;
            array.Add(json);
        }

        return array;
    }

    private static Dictionary<string, object?> Variables(JsonElement request) =>
        request.TryGetProperty("variables", out var variables) && variables.ValueKind == JsonValueKind.Object
            ? variables.EnumerateObject().ToDictionary(property => property.Name, property => Plain(property.Value), StringComparer.Ordinal)
            : new Dictionary<string, object?>(StringComparer.Ordinal);

    private static object? Plain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var whole) ? whole : value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => value.EnumerateArray().Select(Plain).ToList(),
        JsonValueKind.Object => value.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value), StringComparer.Ordinal),
        _ => null,
    };

    // A non-null variable without a default must come with a value (graphql-ruby's wording).
    private static FakeGraphQLError? MissingVariable(GraphQLOperationDefinition operation, Dictionary<string, object?> variables, string query)
    {
        foreach (var definition in operation.Variables?.Items ?? [])
        {
            var name = definition.Variable.Name.StringValue;
            if (definition.Type is GraphQLNonNullType && definition.DefaultValue is null && variables.GetValueOrDefault(name) is null)
            {
                var location = Location.FromLinearPosition(query, definition.Location.Start);
                return new FakeGraphQLError(
                    $"Variable ${name} of type {GraphQLTypes.Print(definition.Type)} was provided invalid value",
                    [new FakeGraphQLLocation(location.Line, location.Column)],
                    Code: "variableMismatch");
            }
        }

        return null;
    }
}
