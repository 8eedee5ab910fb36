using Microsoft.AspNetCore.Http;

namespace OkrLinker.Worker.Web.Dashboard;

/// <summary>
/// The first guard of an approval (the antiforgery token is the second): a browser says where a request comes from in
/// <c>Sec-Fetch-Site</c> and <c>Origin</c>; a post another site made is refused before its form is read.
/// </summary>
internal static class CrossSiteCheck
{
    /// <summary>Why the request looks cross-site; null when it does not.</summary>
    public static string? Refusal(HttpRequest request)
    {
        // A browser that sends Sec-Fetch-Site says it all. Under the pages' Referrer-Policy: no-referrer it sends
        // "Origin: null" even on a same-origin post, so Origin is only asked when Sec-Fetch-Site is absent.
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is "same-origin" or "none" ? null : $"the browser says the request came from another site (Sec-Fetch-Site: {site})";
        }

        // Host only: behind a TLS-terminating proxy the scheme seen here differs from the browser's. "null" (an opaque
        // origin) proves nothing either way and is left to the antiforgery token.
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && origin != "null"
            && (!Uri.TryCreate(origin, UriKind.Absolute, out var from) || !string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)))
        {
            return $"the request came from {origin}, not from this site";
        }

        return null;
    }
}
