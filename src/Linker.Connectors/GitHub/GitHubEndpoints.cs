namespace OkrLinker.Connectors.GitHub;

/// <summary>REST and GraphQL addresses for api.github.com and GitHub Enterprise Server (<c>https://host/api/v3</c>).</summary>
internal static class GitHubEndpoints
{
    public const string DefaultBaseUrl = "https://api.github.com/";

    /// <summary>The REST root, always with a trailing slash so relative paths append.</summary>
    public static Uri RestRoot(string? baseUrl)
    {
        var text = string.IsNullOrWhiteSpace(baseUrl) ? DefaultBaseUrl : baseUrl.Trim();
        return new Uri(text.EndsWith('/') ? text : text + "/");
    }

    /// <summary>api.github.com/graphql, or https://host/api/graphql beside a GHES /api/v3 root.</summary>
    public static Uri GraphQl(Uri restRoot)
    {
        var path = restRoot.AbsolutePath.TrimEnd('/');
        return path.EndsWith("/api/v3", StringComparison.OrdinalIgnoreCase)
            ? new Uri(restRoot, path[..^"/v3".Length] + "/graphql")
            : new Uri(restRoot, "graphql");
    }

    public static string Issues(string repo, string query) => $"repos/{repo}/issues?{query}";
}
