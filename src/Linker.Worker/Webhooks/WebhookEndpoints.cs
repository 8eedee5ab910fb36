using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OkrLinker.Core.Configuration;

namespace OkrLinker.Worker.Webhooks;

/// <summary>
/// The trackers' webhook receivers on <c>Web.Urls</c>: <c>POST /hooks/github/{source}</c>, <c>/hooks/jira/{source}</c>
/// and <c>/hooks/azure-devops/{source}</c>. Not behind the API key: each delivery proves the source's webhook secret.
/// </summary>
internal static class WebhookEndpoints
{
    public static IServiceCollection AddWebhookReceivers(this IServiceCollection services)
    {
        services.TryAddSingleton<WebhookDeliveryStore>();
        services.TryAddSingleton<WebhookIntake>();
        return services;
    }

    public static IEndpointRouteBuilder MapWebhookReceivers(this IEndpointRouteBuilder endpoints)
    {
        foreach (var reader in new IWebhookReader[] { new GitHubWebhookReader(), new JiraWebhookReader(), new AzureDevOpsWebhookReader() })
        {
            endpoints.MapPost($"/hooks/{reader.Kind}/{{source}}", (HttpContext http, string source, WebhookIntake intake) => intake.ReceiveAsync(http, reader, source));
        }

        return endpoints;
    }

    /// <summary>The config errors of the sources' <c>Webhook</c> sections, each naming its key.</summary>
    public static IEnumerable<string> Validate(IReadOnlyList<SourceOptions> sources)
    {
        for (var i = 0; i < sources.Count; i++)
        {
            var webhook = sources[i].Webhook;
            if (webhook.Debounce < TimeSpan.Zero || webhook.Debounce > WebhookReceiverOptions.MaxDebounce)
            {
                yield return $"Sources:{i}:Webhook:Debounce: '{webhook.Debounce}' must be from 00:00:00 to {WebhookReceiverOptions.MaxDebounce}";
            }

            if (webhook.IsOn && sources[i].Kind is not ("github" or "jira" or "azure-devops"))
            {
                yield return $"Sources:{i}:Webhook: a '{sources[i].Kind}' source has no webhooks (github, jira and azure-devops do)";
            }
        }
    }
}
