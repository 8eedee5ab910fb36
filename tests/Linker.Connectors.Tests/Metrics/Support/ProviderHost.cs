using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OkrLinker.Connectors.Http;
using OkrLinker.Connectors.Metrics;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Metrics;
using OkrLinker.Core.Store;

namespace OkrLinker.Connectors.Tests.Metrics.Support;

/// <summary>Providers built the way the worker builds them: <c>AddMetricProviders</c>, the kinds it registers, the catalog.</summary>
internal static class ProviderHost
{
    /// <summary>The provider for one entry, through its registered kind; retries back off in milliseconds.</summary>
    public static IMetricProvider Build(MetricProviderOptions options, string? configFolder = null, TimeProvider? time = null)
    {
        var services = Services(configFolder, time);
        return services.GetServices<MetricProviderKind>().Single(k => k.Kind == options.Kind).Create(services, options);
    }

    /// <summary>A catalog over <paramref name="providers"/>; its tracker has no store to read.</summary>
    public static MetricProviderCatalog Catalog(string? configFolder, params MetricProviderOptions[] providers)
    {
        var services = Services(configFolder);
        var options = Options.Create(new LinkerOptions { Metrics = new MetricsOptions { Providers = [.. providers] } });
        return new MetricProviderCatalog(services.GetServices<MetricProviderKind>(), services, options, new NoStore());
    }

    private static ServiceProvider Services(string? configFolder, TimeProvider? time = null)
    {
        var services = new ServiceCollection().AddSingleton(new ConfigLocation(configFolder ?? Path.GetTempPath()));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddMetricProviders();
        services.Configure<HttpResilienceOptions>(o =>
        {
            o.BaseDelay = TimeSpan.FromMilliseconds(10);
            o.MaxDelay = TimeSpan.FromMilliseconds(50);
            o.MaxRetries = 2;
        });
        return services.BuildServiceProvider();
    }

    private sealed class NoStore : IDbContextFactory<LinkerDbContext>
    {
        public LinkerDbContext CreateDbContext() => throw new InvalidOperationException("these tests read no store");
    }
}
