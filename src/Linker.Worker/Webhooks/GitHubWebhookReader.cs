using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Octokit.Webhooks;
using Octokit.Webhooks.Events;

namespace OkrLinker.Worker.Webhooks;

/// <summary>
/// GitHub's webhooks: <c>X-Hub-Signature-256</c> checked by Octokit.Webhooks' validator, the payload read into its
/// models. <c>issues</c>, <c>pull_request</c>, <c>sub_issues</c> and <c>label</c> name their repository (one scope);
/// <c>projects_v2_item</c> changes a project's fields (the field-stream scopes); <c>issues.deleted</c> names an item gone.
/// </summary>
internal sealed class GitHubWebhookReader : IWebhookReader
{
    public const string EventHeader = "X-GitHub-Event";
    public const string DeliveryHeader = "X-GitHub-Delivery";
    public const string SignatureHeader = "X-Hub-Signature-256";

    private static readonly HashSet<string> RepoEvents = new(StringComparer.Ordinal) { "issues", "pull_request", "sub_issues", "label" };

    public string Kind => "github";

    public bool Verify(HttpRequest request, ReadOnlySpan<byte> body, string secret) =>
        request.Headers[SignatureHeader].ToString() is { Length: > 0 } signature
        && WebhookSignatureValidator.Verify(signature, secret, body) == WebhookSignatureValidationResult.Valid;

    public string? EventOf(HttpRequest request) => Header(request, EventHeader);

    public WebhookDelivery? Read(HttpRequest request, ReadOnlyMemory<byte> body)
    {
        var name = EventOf(request);
        if (name is null)
        {
            return null;
        }

        var id = Header(request, DeliveryHeader);
        try
        {
            if (name == "issues")
            {
                var issues = JsonSerializer.Deserialize<IssuesEvent>(body.Span);
                if (issues?.Repository?.FullName is not { } repo)
                {
                    return null;
                }

                var deleted = issues.Action == "deleted" && issues.Issue is { } issue ? [issue.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)] : Array.Empty<string>();
                return new WebhookDelivery(id, $"{name}.{issues.Action}", new DeliveryPlace(repo), deleted);
            }

            var any = JsonSerializer.Deserialize<WebhookEvent>(body.Span);
            if (any is null)
            {
                return null;
            }

            var named = any.Action is null ? name : $"{name}.{any.Action}";
            return name switch
            {
                _ when RepoEvents.Contains(name) && any.Repository?.FullName is { } repo => new WebhookDelivery(id, named, new DeliveryPlace(repo), []),
                "projects_v2_item" => new WebhookDelivery(id, named, new DeliveryPlace(null, ProjectFields: true), []),
                _ when RepoEvents.Contains(name) => null,
                _ => new WebhookDelivery(id, named, DeliveryPlace.Unknown, []) { Ignored = true }, // ping and events not subscribed for
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers[name].ToString() is { Length: > 0 } value ? value.Trim() : null;
}
