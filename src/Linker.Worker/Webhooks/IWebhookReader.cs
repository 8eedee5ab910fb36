using Microsoft.AspNetCore.Http;

namespace OkrLinker.Worker.Webhooks;

/// <summary>One tracker's webhook dialect: how a delivery proves it knows the secret, and what it says.</summary>
internal interface IWebhookReader
{
    /// <summary>The source <c>Kind</c> whose receiver this is, also the path segment: <c>/hooks/{kind}/{source}</c>.</summary>
    string Kind { get; }

    /// <summary>True when the request proves it knows <paramref name="secret"/>; compared in constant time.</summary>
    bool Verify(HttpRequest request, ReadOnlySpan<byte> body, string secret);

    /// <summary>The event's name from the headers alone, for counting; null when there is none.</summary>
    string? EventOf(HttpRequest request);

    /// <summary>What a verified delivery says; null when the body is not the tracker's JSON.</summary>
    WebhookDelivery? Read(HttpRequest request, ReadOnlyMemory<byte> body);
}
