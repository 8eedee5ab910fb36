using Microsoft.Extensions.DependencyInjection;
using OkrLinker.Connectors.Http;
using OkrLinker.Connectors.Metrics.Csv;
using OkrLinker.Connectors.Metrics.HttpJson;
using OkrLinker.Connectors.Metrics.Prometheus;
using OkrLinker.Connectors.Metrics.Sql;
using OkrLinker.Core.Metrics;

namespace OkrLinker.Connectors.Metrics;

/// <summary>How the metric provider kinds enter the host (DESIGN.md §2); <c>tracker</c> is built into Core.</summary>
public static class MetricProviderRegistration
{
    /// <summary>Registers the <see cref="MetricProviderKind"/>s csv, prometheus, sql and http-json, and the shared HTTP layer.</summary>
    public static IServiceCollection AddMetricProviders(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSourceHttp();
        services.AddSingleton(CsvMetricProvider.Registration);
        services.AddSingleton(PrometheusMetricProvider.Registration);
        services.AddSingleton(SqlMetricProvider.Registration);
        services.AddSingleton(HttpJsonMetricProvider.Registration);
        return services;
    }
}
