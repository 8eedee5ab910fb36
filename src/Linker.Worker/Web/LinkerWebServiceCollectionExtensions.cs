using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OkrLinker.Connectors.Http;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Store;
using OkrLinker.Core.Sync;
using OkrLinker.Worker.Telemetry;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace OkrLinker.Worker.Web;

public static class LinkerWebServiceCollectionExtensions
{
    /// <summary>
    /// What the web endpoints need, on top of <c>AddLinkerCore</c> (options, store, <see cref="ReportArchive"/>,
    /// <see cref="SyncMetrics"/>) and <c>AddSourceHttp</c> (<see cref="SourceRequestMetrics"/>): the readiness probe, the
    /// metrics collector, OpenTelemetry with the Prometheus exporter behind /metrics, and the process start time, taken from the <see cref="TimeProvider"/> in DI when the
    /// endpoints are mapped. The clock and both metric registries are added only if missing, so the endpoints read
    /// the same instances the sync writes to.
    /// </summary>
    public static IServiceCollection AddLinkerWeb(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SyncMetrics>();
        services.TryAddSingleton<SourceRequestMetrics>();
        services.TryAddSingleton<ReportArchive>();
        services.TryAddSingleton(sp => new ProcessStartTime(sp.GetRequiredService<TimeProvider>().GetUtcNow()));
        services.TryAddSingleton<ReadinessProbe>();
        services.TryAddSingleton<MetricsCollector>();
        services.AddLinkerTelemetry();
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddPrometheusExporter(o =>
        {
            // Every scrape sees the figures just refreshed; labels and families are those OkrLinker always wrote.
            o.ScrapeResponseCacheDurationMilliseconds = 0;
            o.ScopeInfoEnabled = false;
            o.TargetInfoEnabled = false;
        }));
        services.TryAddSingleton<Dashboard.DashboardStore>();
        services.TryAddSingleton<Dashboard.DashboardAccess>();
        services.AddAntiforgery(o => o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict);

        // One key ring for every node and every restart: in the store they share, under one application name (the
        // default name is the content root's path, which differs between machines and would keep the rings apart).
        services.AddDataProtection().SetApplicationName("OkrLinker");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(
            o => o.XmlRepository = new StoreXmlRepository(sp.GetRequiredService<IDbContextFactory<LinkerDbContext>>())));
        services.TryAddSingleton<WriteBack.WriteBackService>();
        return services;
    }
}
