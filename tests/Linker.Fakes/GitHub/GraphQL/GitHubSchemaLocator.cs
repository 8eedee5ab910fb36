namespace OkrLinker.Fakes.GitHub.GraphQL;

/// <summary>
/// Finds <c>../shared/conformance/github/graphql-schema.graphql</c> the way the tests find the conformance
/// payloads: walk up from the assembly's folder to the one holding <c>OkrLinker.sln</c>, then <c>../shared</c>.
/// </summary>
internal static class GitHubSchemaLocator
{
    public static string DefaultPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OkrLinker.sln")))
            {
                var schema = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance", "github", "graphql-schema.graphql"));
                return File.Exists(schema)
                    ? schema
                    : throw new FileNotFoundException(
                        $"GitHub's GraphQL schema is missing: expected '{schema}' (../shared/conformance beside the clone).", schema);
            }
        }

        throw new FileNotFoundException(
            $"No OkrLinker.sln above '{AppContext.BaseDirectory}'; cannot find ../shared/conformance/github/graphql-schema.graphql. "
            + "Pass FakeGitHubOptions.SchemaPath.");
    }
}
