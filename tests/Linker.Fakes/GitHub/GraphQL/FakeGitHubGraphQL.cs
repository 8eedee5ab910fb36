using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using OkrLinker.Fakes.GitHub.GraphQL;

namespace OkrLinker.Fakes;

/// <summary>
/// The fake's GraphQL validation, usable without a server: a connector test can check that every query it
/// sends validates against GitHub's published schema (DESIGN.md §6).
/// </summary>
public static class FakeGitHubGraphQL
{
    /// <summary><c>../shared/conformance/github/graphql-schema.graphql</c> beside the clone (throws when missing).</summary>
    public static string DefaultSchemaPath => GitHubSchemaLocator.DefaultPath();

    /// <summary>The errors GitHub would answer for <paramref name="query"/>; empty when it is valid.</summary>
    public static IReadOnlyList<FakeGraphQLError> Validate(string query, string? schemaPath = null) =>
        ParseAndValidate(query, GitHubSchema.Load(schemaPath ?? DefaultSchemaPath)).Errors;

    /// <summary>Parses the schema now (once per process and file), so later validations do not pay for it.</summary>
    public static void Preload(string? schemaPath = null) => GitHubSchema.Load(schemaPath ?? DefaultSchemaPath);

    internal static (GraphQLDocument? Document, IReadOnlyList<FakeGraphQLError> Errors) ParseAndValidate(string query, GitHubSchema schema)
    {
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query);
        }
        catch (GraphQLParserException syntax)
        {
            return (null, [new FakeGraphQLError(
                $"Parse error: {syntax.Description}", [new FakeGraphQLLocation(syntax.Location.Line, syntax.Location.Column)], Code: "parseError")]);
        }

        return (document, new QueryValidator(schema, document, query).Validate());
    }
}
