using System.Security.Cryptography;
using System.Text;

namespace OkrLinker.Worker.Webhooks;

/// <summary>The <c>sha256=&lt;hex&gt;</c> HMAC of a body that Jira (and GitHub) put in a header, checked in constant time.</summary>
internal static class HmacSignature
{
    private const string Prefix = "sha256=";

    public static bool Matches(string? header, string secret, ReadOnlySpan<byte> body)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        byte[] claimed;
        try
        {
            claimed = Convert.FromHexString(header.AsSpan(Prefix.Length).Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, actual);
        return CryptographicOperations.FixedTimeEquals(actual, claimed);
    }

    /// <summary>The header value for <paramref name="body"/> under <paramref name="secret"/>.</summary>
    public static string Of(string secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
