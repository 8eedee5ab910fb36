using System.Net;
using System.Text.Json;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.Http;

/// <summary>
/// What every live source does with its <see cref="HttpClient"/>: send a request (retries, rate limits and
/// 401/403 are the resilience handler's), follow a redirect with the credentials kept, turn a 404 into a
/// <see cref="SourceException"/> naming the token variable and any other failure into an error carrying the
/// tracker's own message, and read JSON bodies. Built by <see cref="SourceHttpClientFactory.CreateSourceClient"/>.
/// </summary>
internal sealed class SourceClient(HttpClient http, SourceHttpSettings settings) : IDisposable
{
    private const int MaxRedirects = 3;

    public string SourceName => settings.SourceName;

    /// <summary>The vendor's name as users know it ("GitHub", "Jira", "Azure DevOps").</summary>
    public string VendorName => AuthFailureRules.VendorName(settings.Vendor);

    /// <summary>Where the token came from, for messages; never the token.</summary>
    public string TokenVariable => settings.TokenVariable;

    public Uri BaseAddress => http.BaseAddress!;

    public void Dispose() => http.Dispose();

    /// <summary>
    /// Sends <paramref name="request"/> (disposing it) and returns a successful or 304 response.
    /// <paramref name="what"/> names the thing read in error messages ("the repos of acme", "PAY").
    /// </summary>
    /// <exception cref="SourceException">404 (<see cref="SourceException.WholeSource"/> false), 401 or 403.</exception>
    /// <exception cref="HttpRequestException">Any other failure, with the tracker's message and status code.</exception>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string what, CancellationToken cancellationToken)
    {
        var response = await SendFollowingAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.NotModified)
        {
            await EnsureSuccessAsync(response, what, cancellationToken);
        }

        return response;
    }

    /// <summary>
    /// Sends <paramref name="request"/> (disposing it), following a GET's 301/302/307/308 up to three times with the
    /// same headers, and returns whatever was answered, unchecked. The client itself never follows redirects: it
    /// would drop the credentials on the way (and GitHub's transfers must be seen, DESIGN.md §6 trap 10).
    /// </summary>
    public async Task<HttpResponseMessage> SendFollowingAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            for (var hops = 0; hops < MaxRedirects && request.Method == HttpMethod.Get && IsRedirect(response) && response.Headers.Location is { } moved; hops++)
            {
                var target = moved.IsAbsoluteUri ? moved : new Uri(http.BaseAddress!, moved);
                response.Dispose();
                using var again = new HttpRequestMessage(HttpMethod.Get, target);
                foreach (var header in request.Headers)
                {
                    again.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                response = await http.SendAsync(again, HttpCompletionOption.ResponseContentRead, cancellationToken);
            }

            return response;
        }
    }

    /// <summary>GETs <paramref name="path"/> (relative to the base address) and parses the body.</summary>
    public async Task<JsonDocument> GetJsonAsync(string path, string what, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), what, cancellationToken);
        return await ReadJsonAsync(response, cancellationToken);
    }

    /// <summary>The body of <paramref name="response"/> as JSON (the caller disposes both).</summary>
    public static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
    }

    /// <summary>Returns for a 2xx; otherwise disposes <paramref name="response"/> and throws (see <see cref="SendAsync"/>).</summary>
    public async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var message = await VendorMessage.ReadAsync(response, cancellationToken) ?? "";
        response.Dispose();
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new SourceException(SourceName, $"Source '{SourceName}': {what} was not found or is not visible to the token in {TokenVariable} ({VendorName}: {message}).")
            {
                WholeSource = false,
            };
        }

        throw new HttpRequestException($"{VendorName} answered {(int)response.StatusCode} {response.ReasonPhrase} for {what}: {message}", null, response.StatusCode);
    }

    private static bool IsRedirect(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;
}
