using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace OkrLinker.Worker.Web;

/// <summary>Finds the key a request presents (<c>X-Api-Key</c> or <c>Authorization: Bearer</c>) and compares it in constant time.</summary>
internal static class ApiKeyMatcher
{
    public const string HeaderName = "X-Api-Key";
    private const string BearerPrefix = "Bearer ";

    /// <summary>Every key the request presents, in either header; empty when it presents none.</summary>
    public static IEnumerable<string> Presented(HttpRequest request)
    {
        foreach (var value in request.Headers[HeaderName])
        {
            if (!string.IsNullOrEmpty(value))
            {
                yield return value.Trim();
            }
        }

        foreach (var value in request.Headers[HeaderNames.Authorization])
        {
            if (value is not null && value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            {
                yield return value[BearerPrefix.Length..].Trim();
            }
        }
    }

    /// <summary>
    /// Compares SHA-256 digests, so neither the content nor the length of the expected key shows in the time taken.
    /// </summary>
    public static bool Matches(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
