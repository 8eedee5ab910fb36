using System.Net;
using System.Text.Json;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.Http;

/// <summary>
/// 401, a 403 that is not a rate limit, and Azure DevOps' 203 (its sign-in page, sent for a bad or missing PAT)
/// are configuration errors (DESIGN.md §6 trap 9): the source fails at once with a message naming the remedy.
/// </summary>
internal static class AuthFailureRules
{
    private const int LongestDetail = 200;

    public static bool IsAuthFailure(HttpResponseMessage response, SourceVendor vendor) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || (vendor == SourceVendor.AzureDevOps && response.StatusCode == HttpStatusCode.NonAuthoritativeInformation);

    public static SourceException ToException(HttpResponseMessage response, SourceHttpSettings settings, string body)
    {
        var status = (int)response.StatusCode;
        var detail = response.StatusCode == HttpStatusCode.NonAuthoritativeInformation ? "a sign-in page" : VendorMessage(body);
        var answered = $"{VendorName(settings.Vendor)} answered {status} {StatusName(response.StatusCode)}{(detail is null ? "" : $" ({detail})")}";
        var remedy = response.StatusCode == HttpStatusCode.Forbidden
            ? $"the token in {settings.TokenVariable} lacks access or scope"
            : $"check the token in {settings.TokenVariable}";
        return new SourceException(settings.SourceName, $"{settings.Role} '{settings.SourceName}': {answered} — {remedy}.");
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

    // GitHub and Azure DevOps: {"message": ...}; Jira: {"errorMessages": [...]} or {"message": ...}.
    private static string? VendorMessage(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
            {
                return OneLine(message.GetString());
            }

            if (root.TryGetProperty("errorMessages", out var messages) && messages.ValueKind == JsonValueKind.Array)
            {
                return OneLine(messages.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()).FirstOrDefault());
            }

            return null;
        }
        catch (JsonException)
        {
            // An HTML error page says nothing a user can act on.
            return null;
        }
    }

    private static string? OneLine(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= LongestDetail ? line : line[..LongestDetail] + "…";
    }
}
