using System.Globalization;
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
            // Each event type's converter picks the model of its action, and refuses a payload that lacks what
            // GitHub always sends; the base type has no converter, so each is read as itself.
            WebhookEvent? read = name switch
            {
                "issues" => JsonSerializer.Deserialize<IssuesEvent>(body.Span),
                "pull_request" => JsonSerializer.Deserialize<PullRequestEvent>(body.Span),
                "sub_issues" => JsonSerializer.Deserialize<SubIssuesEvent>(body.Span),
                "label" => JsonSerializer.Deserialize<LabelEvent>(body.Span),
                "projects_v2_item" => JsonSerializer.Deserialize<ProjectsV2ItemEvent>(body.Span),
                _ => null,
            };
            if (read is null)
            {
                // ping, and events this receiver does not act on (a webhook subscribed to more than it needs).
                return new WebhookDelivery(id, name, DeliveryPlace.Unknown, []) { Ignored = true };
            }

            var named = read.Action is null ? name : $"{name}.{read.Action}";
            if (read is ProjectsV2ItemEvent)
            {
                return new WebhookDelivery(id, named, new DeliveryPlace(null, ProjectFields: true), []);
            }

            if (read.Repository?.FullName is not { } repo)
            {
                return null;
            }

            var deleted = read is IssuesEvent { Action: "deleted", Issue: { } issue }
                ? [issue.Id.ToString(CultureInfo.InvariantCulture)]
                : Array.Empty<string>();
            return new WebhookDelivery(id, named, new DeliveryPlace(repo), deleted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers[name].ToString() is { Length: > 0 } value ? value.Trim() : null;
}
