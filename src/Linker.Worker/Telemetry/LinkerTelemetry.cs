using System.Collections;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.Metrics;
using OkrLinker.Connectors.Http;
using OkrLinker.Core.Sync;
using OkrLinker.Worker.Web;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OkrLinker.Worker.Telemetry;

/// <summary>
/// OpenTelemetry for every verb and the worker: OkrLinker's meters and activity sources, the HTTP client and
/// ASP.NET Core instrumentation, and OTLP (metrics, traces and logs) when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class LinkerTelemetry
{
    /// <summary>The service name the resource carries (<c>service.name</c>); <c>OTEL_SERVICE_NAME</c> overrides it.</summary>
    public const string ServiceName = "okrlinker";

    /// <summary>The setting that turns OTLP export on; the exporter reads the other <c>OTEL_*</c> settings itself.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The meters of the sync engine, the HTTP layer, the report figures, delivery, the scheduler and the webhook receivers.</summary>
    public static readonly IReadOnlyList<string> MeterNames =
        [SyncMetrics.MeterName, SourceRequestMetrics.MeterName, MetricsCollector.MeterName, DeliveryTelemetry.Name, JobRunTelemetry.Name, WebhookTelemetry.Name];

    /// <summary>The spans: scope syncs and pages, deliveries.</summary>
    public static readonly IReadOnlyList<string> ActivitySourceNames = [SyncMetrics.MeterName, DeliveryTelemetry.Name];

    /// <summary>
    /// Registers OpenTelemetry once (later calls do nothing). <paramref name="configuration"/> decides whether OTLP
    /// is exported; the exporter takes endpoint, protocol, headers and intervals from the <c>OTEL_*</c> keys of
    /// the host's configuration (see <see cref="EnvironmentSettings"/>).
    /// </summary>
    /// <param name="neverStarted">
    /// The host is never started (the CLI verbs). OpenTelemetry's hosted service is what builds the meter and tracer
    /// providers, so in such a host only OTLP's log export does anything; without OTLP, OpenTelemetry is not registered
    /// at all (its registration alone cost a verb ~70 ms of CPU at start). Our meters are enabled either way.
    /// </param>
    public static IServiceCollection AddLinkerTelemetry(this IServiceCollection services, IConfiguration? configuration = null, bool neverStarted = false)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(s => s.ServiceType == typeof(TelemetryRegistered)))
        {
            return services;
        }

        services.AddSingleton<TelemetryRegistered>();
        services.TryAddSingleton<DeliveryTelemetry>();
        services.TryAddSingleton<JobRunTelemetry>();
        services.TryAddSingleton<WebhookTelemetry>();

        // Our meters are enabled for this container's meter factory only (MeterScope.Local): two hosts in one
        // process (the tests) then never count each other's syncs, while the meters keep their one name.
        services.AddMetrics(metrics =>
        {
            foreach (var name in MeterNames)
            {
                metrics.EnableMetrics(name, instrumentName: null, listenerName: null, scopes: MeterScope.Local);
            }
        });

        var export = !string.IsNullOrWhiteSpace(configuration?[OtlpEndpointKey]);
        if (neverStarted && !export)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: typeof(LinkerTelemetry).Assembly.GetName().Version?.ToString()))
            .WithMetrics(metrics => metrics.AddHttpClientInstrumentation().AddAspNetCoreInstrumentation())
            .WithTracing(tracing => tracing.AddSource([.. ActivitySourceNames]).AddHttpClientInstrumentation().AddAspNetCoreInstrumentation());
        if (export)
        {
            telemetry.UseOtlpExporter();
        }

        return services;
    }

    /// <summary>
    /// The process's <c>OTEL_*</c> environment variables, unprefixed, for the configuration: the hosts read only
    /// <c>OKRLINKER_</c> variables, and the OTLP exporter reads its settings from the configuration.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string?>> EnvironmentSettings() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Select(e => KeyValuePair.Create((string)e.Key, (string?)e.Value))
            .Where(e => e.Key.StartsWith("OTEL_", StringComparison.OrdinalIgnoreCase));

    private sealed class TelemetryRegistered;
}
