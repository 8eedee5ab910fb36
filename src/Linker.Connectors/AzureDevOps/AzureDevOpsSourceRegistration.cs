using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OkrLinker.Connectors.Auth;
using OkrLinker.Connectors.Http;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Sources;
using OkrLinker.Core.WriteBack;

namespace OkrLinker.Connectors.AzureDevOps;

/// <summary>How the Azure DevOps source enters the host (DESIGN.md §2).</summary>
public static class AzureDevOpsSourceRegistration
{
    /// <summary>Registers the <c>azure-devops</c> <see cref="SourceKind"/> and the shared HTTP layer it sends through.</summary>
    public static IServiceCollection AddAzureDevOpsSource(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSourceHttp();
        services.AddSingleton(new TagWriterKind(AzureDevOpsSource.Kind, CreateWriter));
        return services.AddSingleton(new SourceKind(AzureDevOpsSource.Kind, Create));
    }

    private static AzureDevOpsTagWriter CreateWriter(IServiceProvider services, SourceOptions options, string writeToken) =>
        new(services.GetRequiredService<SourceHttpClientFactory>().CreateSourceClient(
            Settings(options, BaseUrl(options), writeToken, SecretReader.Describe(options.Auth.WriteTokenEnv, options.Auth.WriteTokenFile))));

    private static Uri BaseUrl(SourceOptions options) =>
        string.IsNullOrWhiteSpace(options.BaseUrl) || !Uri.TryCreate(options.BaseUrl.Trim(), UriKind.Absolute, out var baseUrl)
            ? throw new SourceException(options.Name, $"Source '{options.Name}': set Sources[].BaseUrl to the organization URL (https://dev.azure.com/acme) or the Azure DevOps Server collection URL (https://tfs.acme.local/DefaultCollection).")
            : baseUrl;

    // A PAT goes in Basic auth with an empty user name.
    private static SourceHttpSettings Settings(SourceOptions options, Uri baseUrl, string token, string tokenVariable) =>
        new(options.Name, SourceVendor.AzureDevOps, baseUrl, tokenVariable)
        {
            Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(":" + token))),
            DefaultHeaders = new Dictionary<string, string> { ["Accept"] = "application/json" },
        };

    private static AzureDevOpsSource Create(IServiceProvider services, SourceOptions options)
    {
        var baseUrl = BaseUrl(options);

        if (options.Projects.Count == 0 || options.Projects.Any(string.IsNullOrWhiteSpace))
        {
            throw new SourceException(options.Name, $"Source '{options.Name}': list the team projects to sync in Sources[].Projects.");
        }

        if (options.Wiql is { } wiql && (wiql.Contains("ORDER BY", StringComparison.OrdinalIgnoreCase) || wiql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)))
        {
            throw new SourceException(options.Name, $"Source '{options.Name}': Sources[].Wiql is a condition ANDed to every query (e.g. [System.WorkItemType] <> 'Test Case'), without SELECT or ORDER BY.");
        }

        var token = SourceToken.Read(options, SourceServices.Location(services))
            ?? throw new SourceException(options.Name, $"Source '{options.Name}': set Auth.TokenEnv (or Auth.TokenFile) to where the personal access token (scope Work Items: Read) is kept.");
        var settings = Settings(options, baseUrl, token, SourceToken.Describe(options));
        var loggers = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var logger = loggers.CreateLogger("OkrLinker.Connectors.AzureDevOps");
        var api = new AzureDevOpsApi(services.GetRequiredService<SourceHttpClientFactory>().CreateSourceClient(settings), logger);
        return new AzureDevOpsSource(options, api, new AzureDevOpsWorkItemParser(options, SourceServices.Teams(services)), services.GetService<TimeProvider>() ?? TimeProvider.System, logger,
            services.GetRequiredService<IOptions<HttpResilienceOptions>>().Value.MaxConcurrentRequests);
    }
}
