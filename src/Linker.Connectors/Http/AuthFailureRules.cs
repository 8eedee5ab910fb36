using System.Net;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.Http;

/// <summary>
/// 401, a 403 that is not a rate limit, and Azure DevOps' 203 (its sign-in page, sent for a bad or missing PAT)
/// are configuration errors (DESIGN.md §6 trap 9): the source fails at once with a message naming the remedy.
/// </summary>
internal static class AuthFailureRules
{
    // Jira's login outcome header: a wrong Cloud token is served as the anonymous user (200, no issues) with
    // AUTHENTICATED_FAILED; too many failed logins lock the account behind a CAPTCHA (AUTHENTICATION_DENIED).
    private const string SeraphHeader = "X-Seraph-LoginReason";
    private const string AuthenticatedFailed = "AUTHENTICATED_FAILED";
    private const string AuthenticationDenied = "AUTHENTICATION_DENIED";

    public static bool IsAuthFailure(HttpResponseMessage response, SourceVendor vendor) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || (vendor == SourceVendor.AzureDevOps && response.StatusCode == HttpStatusCode.NonAuthoritativeInformation)
        || (vendor == SourceVendor.Jira && JiraLoginRefusal(response) is not null);

    // A 401 keeps its own message; the header alone marks a 2xx as the anonymous user's answer, or a CAPTCHA lock-out.
    private static string? JiraLoginRefusal(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues(SeraphHeader, out var values))
        {
            return null;
        }

        var reasons = values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)).ToList();
        return reasons.Contains(AuthenticationDenied) ? AuthenticationDenied
            : reasons.Contains(AuthenticatedFailed) && response.IsSuccessStatusCode ? AuthenticatedFailed
            : null;
    }

    public static SourceException ToException(HttpResponseMessage response, SourceHttpSettings settings, string body)
    {
        if (settings.Vendor == SourceVendor.Jira && JiraLoginRefusal(response) is { } refusal)
        {
            return new SourceException(settings.SourceName, refusal == AuthenticationDenied
                ? $"Source '{settings.SourceName}': Jira refused the login ({SeraphHeader}: {AuthenticationDenied}): too many failed logins put the account behind a CAPTCHA — "
                  + $"sign in once in a browser as that account and answer the CAPTCHA (an admin can also reset it), then check the token in {settings.TokenVariable}."
                : $"Source '{settings.SourceName}': Jira did not accept the credentials ({SeraphHeader}: {AuthenticatedFailed}) and answered as an anonymous user — "
                  + $"check Auth.Email and the API token in {settings.TokenVariable}.");
        }

        var status = (int)response.StatusCode;
        var detail = response.StatusCode == HttpStatusCode.NonAuthoritativeInformation ? "a sign-in page" : VendorMessage.Read(body);
        var answered = $"{VendorName(settings.Vendor)} answered {status} {StatusName(response.StatusCode)}{(detail is null ? "" : $" ({detail})")}";
        var remedy = response.StatusCode == HttpStatusCode.Forbidden
            ? $"the token in {settings.TokenVariable} lacks access or scope"
            : $"check the token in {settings.TokenVariable}";
        return new SourceException(settings.SourceName, $"{settings.Role} '{settings.SourceName}': {answered} — {remedy}.") { StatusCode = status };
    }

    public static string VendorName(SourceVendor vendor) => vendor switch
    {
        SourceVendor.AzureDevOps => "Azure DevOps",
        SourceVendor.Http => "The HTTP server",
        _ => vendor.ToString(),
    };

    private static string StatusName(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "Unauthorized",
        HttpStatusCode.Forbidden => "Forbidden",
        HttpStatusCode.NonAuthoritativeInformation => "Non-Authoritative Information",
        _ => status.ToString(),
    };
}
