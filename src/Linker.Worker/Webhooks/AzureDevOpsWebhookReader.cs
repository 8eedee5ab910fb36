using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OkrLinker.Connectors.Parsing;

namespace OkrLinker.Worker.Webhooks;

/// <summary>
/// Azure DevOps service hooks (<c>workitem.created|updated|deleted|restored</c>). They carry no signature: the
/// subscription sends basic-auth credentials (the password is the secret, the user name is free) or a header
/// <c>X-OkrLinker-Secret</c> holding it. The work item's <c>System.TeamProject</c> picks the scope; the delivery id is
/// the subscription's notification id, the same on every retry of one notification.
/// </summary>
internal sealed class AzureDevOpsWebhookReader : IWebhookReader
{
    public const string SecretHeader = "X-OkrLinker-Secret";

    public string Kind => "azure-devops";

    public bool Verify(HttpRequest request, ReadOnlySpan<byte> body, string secret)
    {
        var expected = Encoding.UTF8.GetBytes(secret);
        if (request.Headers[SecretHeader].ToString() is { Length: > 0 } shared)
        {
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(shared.Trim()), expected);
        }

        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon >= 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(pair[(colon + 1)..]), expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public string? EventOf(HttpRequest request) => null;

    public WebhookDelivery? Read(HttpRequest request, ReadOnlyMemory<byte> body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || JsonRead.Str(root, "eventType") is not { } name)
            {
                return null;
            }

            var id = JsonRead.Str(root, "notificationId") is { } notification
                ? $"{JsonRead.Str(root, "subscriptionId")}/{notification}"
                : JsonRead.Str(root, "id");
            if (!name.StartsWith("workitem.", StringComparison.Ordinal) || JsonRead.Obj(root, "resource") is not { } resource)
            {
                return new WebhookDelivery(id, name, DeliveryPlace.Unknown, []) { Ignored = true };
            }

            // created/deleted/restored carry the work item itself; updated carries the change, with the item under "revision".
            var item = JsonRead.Obj(resource, "revision") ?? resource;
            var project = JsonRead.Obj(item, "fields") is { } fields ? JsonRead.Str(fields, "System.TeamProject") : null;
            var deleted = name == "workitem.deleted" && JsonRead.Str(resource, "id") is { } itemId ? [itemId] : Array.Empty<string>();
            return new WebhookDelivery(id, name, new DeliveryPlace(project), deleted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

}
