using System.Net;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.Http;

/// <summary>
/// 401, a 403 that is not a rate limit, and Azure DevOps' 203 (its sign-in page, sent for a bad or missing PAT)
/// are configuration errors (DESIGN.md §6 trap 9): the source fails at once with a message naming the remedy.
/// </summary>
internal static class AuthFailureRules
{
    public static bool IsAuthFailure(HttpResponseMessage response, SourceVendor vendor) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || (vendor == SourceVendor.AzureDevOps && response.StatusCode == HttpStatusCode.NonAuthoritativeInformation);

    public static SourceException ToException(HttpResponseMessage response, SourceHttpSettings settings, string body)
    {
        var status = (int)response.StatusCode;
        var detail = response.StatusCode == HttpStatusCode.NonAuthoritativeInformation ? "a sign-in page" : VendorMessage.Read(body);
        var answered = $"{VendorName(settings.Vendor)} answered {status} {StatusName(response.StatusCode)}{(detail is null ? "" : $" ({detail})")}";
        var remedy = response.StatusCode == HttpStatusCode.Forbidden
            ? $"the token in {settings.TokenVariable} lacks access or scope"
            : $"check the token in {settings.TokenVariable}";
        return new SourceException(settings.SourceName, $"Source '{settings.SourceName}': {answered} — {remedy}.");
    }

    public static string VendorName(SourceVendor vendor) => vendor switch
    {
        SourceVendor.AzureDevOps => "Azure DevOps",
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
