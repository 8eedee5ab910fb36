using System.Net.Http.Headers;

namespace OkrLinker.Connectors.Http;

/// <summary>
/// A request read once into memory, so every attempt sends a fresh, identical copy: a sent message cannot be
/// sent again, and a streamed body (a GraphQL POST) would be gone after the first try.
/// </summary>
internal sealed class BufferedRequest
{
    private readonly HttpRequestMessage original;
    private readonly AuthenticationHeaderValue? authorization;
    private readonly byte[]? body;

    private BufferedRequest(HttpRequestMessage original, AuthenticationHeaderValue? authorization, byte[]? body)
    {
        this.original = original;
        this.authorization = authorization;
        this.body = body;
    }

    public static async Task<BufferedRequest> CaptureAsync(
        HttpRequestMessage request, AuthenticationHeaderValue? authorization, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        return new BufferedRequest(request, authorization, body);
    }

    public HttpRequestMessage CreateAttempt()
    {
        var attempt = new HttpRequestMessage(original.Method, original.RequestUri)
        {
            Version = original.Version,
            VersionPolicy = original.VersionPolicy,
        };
        foreach (var header in original.Headers)
        {
            attempt.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        // A request that brings its own Authorization keeps it.
        if (attempt.Headers.Authorization is null && authorization is not null)
        {
            attempt.Headers.Authorization = authorization;
        }

        IDictionary<string, object?> options = attempt.Options;
        foreach (var option in original.Options)
        {
            options[option.Key] = option.Value;
        }

        if (body is not null)
        {
            attempt.Content = new ByteArrayContent(body);
            foreach (var header in original.Content!.Headers.Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
            {
                attempt.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return attempt;
    }
}
