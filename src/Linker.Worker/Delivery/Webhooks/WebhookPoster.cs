using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Reports;

namespace OkrLinker.Worker.Delivery.Webhooks;

/// <summary>
/// Posts a JSON payload to an entry's webhook; any 2xx is success. The HTTP client has the factory's
/// request logging removed (it would log the full URL), and failures are worded with the redacted
/// address only.
/// </summary>
internal sealed class WebhookPoster(IHttpClientFactory httpClients, WebhookAddress addresses, ILogger<WebhookPoster> logger)
{
    public const string ClientName = "okrlinker-delivery-webhook";

    private const int BodyExcerpt = 200;

    public async Task PostAsync(WeeklyReport report, string kind, DeliveryOptions options, JsonObject payload, CancellationToken cancellationToken)
    {
        var address = addresses.Resolve(options);
        var target = WebhookAddress.Redacted(address);
        using var content = new StringContent(payload.ToJsonString(JsonSerializerOptions.Default), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

        var client = httpClients.CreateClient(ClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsync(address, content, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new DeliveryException($"webhook at {target} unreachable ({Describe(ex)})", innerException: ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DeliveryException($"webhook at {target} did not answer within {client.Timeout.TotalSeconds:0} s", innerException: ex);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                logger.Posted(report.Week, kind, target, status);
                return;
            }

            var body = await ReadExcerptAsync(response, cancellationToken);
            var problem = body.Length == 0 ? $"webhook answered {status}" : $"webhook answered {status} ({body})";
            throw new DeliveryException(problem, permanent: IsPermanent(response.StatusCode));
        }
    }

    // A refused payload or a revoked hook (400, 403, 404, 410) stays refused; 408, 429 and 5xx may pass later.
    private static bool IsPermanent(HttpStatusCode status) =>
        (int)status is >= 400 and < 500 && status is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);

    // Slack and Teams answer short reasons ("invalid_payload", "no_service"); a page of HTML is cut short.
    private static async Task<string> ReadExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return ReportDigest.OneLine(text, BodyExcerpt);
        }
        catch (HttpRequestException)
        {
            return "";
        }
    }

    // The socket error says what went wrong (connection refused, name not resolved) without the URL.
    private static string Describe(HttpRequestException ex) =>
        ex.HttpRequestError != HttpRequestError.Unknown ? ex.HttpRequestError.ToString() : ex.GetType().Name;
}
