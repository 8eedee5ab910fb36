using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OkrLinker.Connectors.Http;

/// <summary>How the shared HTTP layer of the live sources enters the host.</summary>
public static class SourceHttpRegistration
{
    /// <summary>
    /// Registers <see cref="SourceRequestMetrics"/> and <see cref="SourceHttpClientFactory"/> as singletons, the
    /// <see cref="HttpResilienceOptions"/> (defaults unless configured) and their validation at start, and
    /// <see cref="TimeProvider.System"/> unless a clock is registered already.
    /// </summary>
    public static IServiceCollection AddSourceHttp(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<SourceRequestMetrics>();
        services.AddOptions<HttpResilienceOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HttpResilienceOptions>, HttpResilienceOptionsValidator>());
        services.TryAddSingleton(sp => new SourceHttpClientFactory(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>(),
            sp.GetRequiredService<SourceRequestMetrics>(),
            sp.GetRequiredService<IOptions<HttpResilienceOptions>>()));
        return services;
    }

    /// <summary>As <see cref="AddSourceHttp(IServiceCollection)"/>, binding the options from the <c>Http</c> section of <paramref name="configuration"/>.</summary>
    public static IServiceCollection AddSourceHttp(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSourceHttp();
        services.AddOptions<HttpResilienceOptions>().Bind(configuration.GetSection(HttpResilienceOptions.Section));
        return services;
    }
}
