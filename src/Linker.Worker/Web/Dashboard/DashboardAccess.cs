using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using OkrLinker.Core.Configuration;

namespace OkrLinker.Worker.Web.Dashboard;

/// <summary>
/// Who may see the dashboard: anyone while <c>Web:ApiKey</c> is unset; else a request that presents the key as the API
/// takes it (<c>X-Api-Key</c>, <c>Authorization: Bearer</c>) or carries the session cookie the login form sets. The
/// cookie holds an HMAC of the key, never the key, so a copied cookie does not reveal it and a changed key ends every
/// session. Every comparison runs in constant time.
/// </summary>
internal sealed class DashboardAccess(IOptions<LinkerOptions> options)
{
    public const string CookieName = "okrlinker-session";

    private static readonly byte[] Purpose = Encoding.UTF8.GetBytes("okrlinker-dashboard-session-v1");

    private string? Key => string.IsNullOrEmpty(options.Value.Web.ApiKey) ? null : options.Value.Web.ApiKey;

    public bool KeyRequired => Key is not null;

    public bool Allows(HttpRequest request)
    {
        if (Key is not { } expected)
        {
            return true;
        }

        // Every presented credential is compared, so the time taken does not tell which one matched.
        var byHeader = ApiKeyMatcher.Presented(request).Aggregate(false, (any, key) => ApiKeyMatcher.Matches(key, expected) | any);
        var byCookie = request.Cookies.TryGetValue(CookieName, out var cookie) && ApiKeyMatcher.Matches(cookie ?? "", SessionToken(expected));
        return byHeader | byCookie;
    }

    /// <summary>True when the request presents the key in a header (a script or API client, which no other site can make a browser send).</summary>
    public bool PresentsKey(HttpRequest request) =>
        Key is { } expected && ApiKeyMatcher.Presented(request).Aggregate(false, (any, key) => ApiKeyMatcher.Matches(key, expected) | any);

    /// <summary>Who approved, as write records name it: <c>api-key</c>, <c>dashboard login</c>, or <c>open dashboard</c> while no key is set.</summary>
    public string Identity(HttpRequest request) =>
        Key is null ? "open dashboard (no Web:ApiKey)" : PresentsKey(request) ? "api-key" : "dashboard login";

    /// <summary>True when <paramref name="presented"/> is the key (or no key is set).</summary>
    public bool IsKey(string? presented) => Key is not { } expected || ApiKeyMatcher.Matches(presented ?? "", expected);

    /// <summary>Sets the session cookie: HttpOnly, SameSite=Strict, Secure over https, for the browser session only.</summary>
    public void SignIn(HttpContext context)
    {
        if (Key is not { } expected)
        {
            return;
        }

        context.Response.Cookies.Append(CookieName, SessionToken(expected), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            IsEssential = true,
        });
    }

    public static void SignOut(HttpContext context) =>
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = context.Request.IsHttps });

    private static string SessionToken(string key) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Purpose));
}
