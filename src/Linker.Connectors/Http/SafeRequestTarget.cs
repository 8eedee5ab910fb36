namespace OkrLinker.Connectors.Http;

/// <summary>"GET /path?query" for logs: never the host's credentials, and token-bearing query parameters dropped.</summary>
internal static class SafeRequestTarget
{
    private static readonly HashSet<string> SecretParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        "token", "access_token", "client_secret", "api_key",
    };

    public static string Describe(HttpRequestMessage request)
    {
        var uri = request.RequestUri;
        if (uri is null)
        {
            return request.Method.Method;
        }

        if (!uri.IsAbsoluteUri)
        {
            return $"{request.Method.Method} {uri.OriginalString.Split('?')[0]}";
        }

        var kept = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !SecretParameters.Contains(Uri.UnescapeDataString(pair.Split('=')[0])))
            .ToList();
        return kept.Count == 0
            ? $"{request.Method.Method} {uri.AbsolutePath}"
            : $"{request.Method.Method} {uri.AbsolutePath}?{string.Join('&', kept)}";
    }
}
