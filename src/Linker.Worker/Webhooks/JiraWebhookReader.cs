using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OkrLinker.Connectors.Parsing;

namespace OkrLinker.Worker.Webhooks;

/// <summary>
/// Jira's webhooks (<c>jira:issue_created|updated|deleted</c>), signed when the webhook has a secret: <c>X-Hub-Signature:
/// sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of the body. The issue's project key picks the scope; the delivery id is
/// <c>X-Atlassian-Webhook-Identifier</c>, the same on every retry of one delivery.
/// </summary>
internal sealed class JiraWebhookReader : IWebhookReader
{
    public const string SignatureHeader = "X-Hub-Signature";
    public const string DeliveryHeader = "X-Atlassian-Webhook-Identifier";

    public string Kind => "jira";

    public bool Verify(HttpRequest request, ReadOnlySpan<byte> body, string secret) =>
        HmacSignature.Matches(request.Headers[SignatureHeader].ToString(), secret, body);

    // Jira names the event in the body only.
    public string? EventOf(HttpRequest request) => null;

    public WebhookDelivery? Read(HttpRequest request, ReadOnlyMemory<byte> body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || JsonRead.Str(root, "webhookEvent") is not { } name)
            {
                return null;
            }

            var id = request.Headers[DeliveryHeader].ToString() is { Length: > 0 } header ? header.Trim() : null;
            if (!name.StartsWith("jira:issue_", StringComparison.Ordinal) || JsonRead.Obj(root, "issue") is not { } issue)
            {
                return new WebhookDelivery(id, name, DeliveryPlace.Unknown, []) { Ignored = true };
            }

            var key = JsonRead.Str(issue, "key");
            var project = JsonRead.Obj(issue, "fields") is { } fields && JsonRead.Obj(fields, "project") is { } p ? JsonRead.Str(p, "key") : null;
            project ??= key?.Split('-')[0];
            var deleted = name == "jira:issue_deleted" && JsonRead.Str(issue, "id") is { } issueId ? [issueId] : Array.Empty<string>();
            return new WebhookDelivery(id, name, new DeliveryPlace(project), deleted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

}
