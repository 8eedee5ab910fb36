namespace OkrLinker.Fakes;

/// <summary>The GHES shape (<c>/api/v3/...</c> for REST, <c>/api/graphql</c>) maps onto the github.com routes.</summary>
internal static class FakeGitHubPaths
{
    public const string EnterprisePrefix = "/api/v3";
    public const string EnterpriseGraphQL = "/api/graphql";

    public static bool IsEnterprise(string path) =>
        path.Equals(EnterpriseGraphQL, StringComparison.OrdinalIgnoreCase)
        || path.Equals(EnterprisePrefix, StringComparison.OrdinalIgnoreCase)
        || path.StartsWith(EnterprisePrefix + "/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The route path without the GHES prefix.</summary>
    public static string Normalize(string path)
    {
        if (path.Equals(EnterpriseGraphQL, StringComparison.OrdinalIgnoreCase))
        {
            return "/graphql";
        }

        if (IsEnterprise(path))
        {
            var rest = path[EnterprisePrefix.Length..];
            return rest.Length == 0 ? "/" : rest;
        }

        return path;
    }
}
