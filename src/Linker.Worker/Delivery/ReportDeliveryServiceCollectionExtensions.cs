using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OkrLinker.Core.Configuration;
using OkrLinker.Worker.Delivery.Email;
using OkrLinker.Worker.Delivery.Files;
using OkrLinker.Worker.Delivery.Slack;
using OkrLinker.Worker.Delivery.Teams;
using OkrLinker.Worker.Delivery.Webhooks;

namespace OkrLinker.Worker.Delivery;

public static class ReportDeliveryServiceCollectionExtensions
{
    /// <summary>
    /// The four deliveries (files, slack, teams, email), <see cref="ReportDeliveryRunner"/>, and the
    /// <see cref="DeliveryRetryOptions"/> (defaults unless configured). Needs what <c>AddLinkerCore</c>
    /// registers: the options, <c>ConfigLocation</c>, <c>ReportWriter</c> and the renderers.
    /// </summary>
    public static IServiceCollection AddReportDelivery(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.AddOptions<DeliveryRetryOptions>();
        services.TryAddSingleton(TimeProvider.System);

        // The factory's default handlers log every request URI, and a webhook URI is a secret.
        services.AddHttpClient(WebhookPoster.ClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .RemoveAllLoggers();

        services.TryAddSingleton(sp => new SecretReader(sp.GetRequiredService<ConfigLocation>()));
        services.TryAddSingleton<ReportText>();
        services.TryAddSingleton<WebhookAddress>();
        services.TryAddSingleton<WebhookPoster>();
        services.TryAddSingleton<ReportMail>();
        services.TryAddSingleton(new SmtpClientFactory());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReportDelivery, FilesReportDelivery>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReportDelivery, SlackReportDelivery>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReportDelivery, TeamsReportDelivery>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReportDelivery, EmailReportDelivery>());
        services.TryAddSingleton<Telemetry.DeliveryTelemetry>();
        services.TryAddSingleton<ReportDeliveryRunner>();
        return services;
    }
}
