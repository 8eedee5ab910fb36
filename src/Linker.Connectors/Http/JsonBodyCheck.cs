using System.Text.Json;

namespace OkrLinker.Connectors.Http;

/// <summary>
/// A success that says it is JSON but is not (cut short, or garbled on the way by a proxy) is a failed attempt
/// like a dropped connection (as is an empty 200 where JSON was asked for), so it is retried instead of failing the scope in the connector's parser.
/// </summary>
internal static class JsonBodyCheck
{
    public static async Task ThrowIfGarbledAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var saysJson = response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
        var askedJson = request.Headers.Accept.Any(a => a.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true);
        if (response.StatusCode != System.Net.HttpStatusCode.OK || !(saysJson || askedJson))
        {
            return;
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (body.Length == 0)
        {
            // A 200 with nothing in it, where JSON was asked for, is an answer that broke off.
            throw new HttpIOException(HttpRequestError.ResponseEnded, "The answer had no body where JSON was expected.");
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            while (reader.Read())
            {
            }
        }
        catch (JsonException ex)
        {
            throw new HttpIOException(HttpRequestError.InvalidResponse, $"The answer said JSON but was not: {ex.Message}", ex);
        }
    }
}
