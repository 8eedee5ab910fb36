using System.Net.Http.Headers;
using System.Text;

namespace OkrLinker.Connectors.Http;

/// <summary>What <see cref="SourceHttpClientFactory"/> needs to build one source's client.</summary>
/// <param name="SourceName">The source's configured name; it labels metrics, logs and error messages.</param>
/// <param name="Vendor">Decides which headers mean what.</param>
/// <param name="BaseAddress">The API root; a missing trailing '/' is added so relative paths append to it.</param>
/// <param name="TokenVariable">Where the token came from (an environment variable or file), named in auth errors; never the token.</param>
public sealed record SourceHttpSettings(string SourceName, SourceVendor Vendor, Uri BaseAddress, string TokenVariable)
{
    /// <summary>Sent on every request that has no Authorization of its own. Never logged nor printed.</summary>
    public AuthenticationHeaderValue? Authorization { get; init; }

    /// <summary>What the client serves, as error messages name it: <c>Source</c>, or <c>Metric provider</c>.</summary>
    public string Role { get; init; } = "Source";

    /// <summary>GitHub refuses requests without a User-Agent.</summary>
    public string UserAgent { get; init; } = "OkrLinker";

    /// <summary>Extra headers for every request (e.g. <c>Accept</c>, <c>X-GitHub-Api-Version</c>).</summary>
    public IReadOnlyDictionary<string, string> DefaultHeaders { get; init; } = new Dictionary<string, string>();

    // The compiler-written ToString would print the credential; records end up in logs.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"SourceName = {SourceName}, Vendor = {Vendor}, BaseAddress = {BaseAddress}, TokenVariable = {TokenVariable}, ");
        builder.Append($"Authorization = {(Authorization is null ? "none" : Authorization.Scheme + " ***")}, UserAgent = {UserAgent}");
        return true;
    }
}
