using System.Net.Http.Headers;
using System.Text;
using OkrLinker.Core.Sources;
using OkrLinker.Core.WriteBack;

namespace OkrLinker.Connectors.Http;

/// <summary>
/// One write-back's conversation with a tracker through the source's HTTP layer (retries, rate limits, 401/403 as
/// <see cref="SourceException"/>): every request is noted (method, path, body; the credential is a header and never
/// noted), and whatever goes wrong becomes a failed <see cref="TagWriteResult"/> that says why.
/// </summary>
internal sealed class TagWriteExchange(SourceClient http)
{
    private readonly List<string> sent = [];

    public int? LastStatus { get; private set; }

    public string VendorName => http.VendorName;

    /// <summary>Runs <paramref name="write"/>; a refusal, a dropped connection or a timeout ends it as a failure.</summary>
    public static async Task<TagWriteResult> RunAsync(SourceClient http, Func<TagWriteExchange, Task<TagWriteResult>> write, CancellationToken cancellationToken)
    {
        var exchange = new TagWriteExchange(http);
        try
        {
            return await write(exchange);
        }
        catch (SourceException ex)
        {
            // 401 and 403 (a read-only token) come here from the resilience handler, the remedy named.
            exchange.LastStatus = ex.StatusCode ?? exchange.LastStatus;
            return exchange.Failed(ex.Message);
        }
        catch (HttpRequestException ex)
        {
            exchange.LastStatus = ex.StatusCode is { } status ? (int)status : exchange.LastStatus;
            return exchange.Failed($"{http.VendorName} could not be reached or failed: {ex.Message}");
        }
        catch (System.Text.Json.JsonException ex)
        {
            return exchange.Failed($"{http.VendorName} answered with a body that is not the JSON expected: {ex.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return exchange.Failed($"{http.VendorName} did not answer in time.");
        }
    }

    /// <summary>Sends one request (relative to the source's base address) and returns its status and body, unchecked.</summary>
    public async Task<(int Status, string Body)> SendAsync(
        HttpMethod method, string path, string? json, CancellationToken cancellationToken, string mediaType = "application/json")
    {
        var uri = new Uri(http.BaseAddress, path);
        sent.Add(json is null ? $"{method} {uri.PathAndQuery}" : $"{method} {uri.PathAndQuery} {json}");
        var request = new HttpRequestMessage(method, uri);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        }

        using var response = await http.SendFollowingAsync(request, cancellationToken);
        LastStatus = (int)response.StatusCode;
        return (LastStatus.Value, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    public TagWriteResult Done(string answer) => new(true, LastStatus, string.Join('\n', sent), answer);

    public TagWriteResult Failed(string answer) => new(false, LastStatus, string.Join('\n', sent), answer);

    /// <summary>"GitHub answered 422 for the label: Validation Failed".</summary>
    public TagWriteResult Refused(int status, string what, string body) =>
        Failed($"{http.VendorName} answered {status} for {what}: {VendorMessage.Read(body) ?? "no message"}. Nothing was changed here.");

    /// <summary>True for a stale-revision answer, which is read again and retried once.</summary>
    public static bool IsStale(int status) => status is 409 or 412;
}
