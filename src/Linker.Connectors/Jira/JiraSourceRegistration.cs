using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OkrLinker.Connectors.Auth;
using OkrLinker.Connectors.Http;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Sources;
using OkrLinker.Core.WriteBack;

namespace OkrLinker.Connectors.Jira;

/// <summary>How the Jira source enters the host (DESIGN.md §2).</summary>
public static class JiraSourceRegistration
{
    /// <summary>Registers the <c>jira</c> <see cref="SourceKind"/> and the shared HTTP layer it sends through.</summary>
    public static IServiceCollection AddJiraSource(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSourceHttp();
        services.AddSingleton(new TagWriterKind(JiraSource.Kind, CreateWriter));
        return services.AddSingleton(new SourceKind(JiraSource.Kind, Create));
    }

    private static JiraTagWriter CreateWriter(IServiceProvider services, SourceOptions options, string writeToken)
    {
        var site = Site(options);
        var settings = Settings(options, site, writeToken, SecretReader.Describe(options.Auth.WriteTokenEnv, options.Auth.WriteTokenFile));
        return new JiraTagWriter(services.GetRequiredService<SourceHttpClientFactory>().CreateSourceClient(settings), ParseFlavor(options));
    }

    private static Uri Site(SourceOptions options) =>
        string.IsNullOrWhiteSpace(options.BaseUrl) || !Uri.TryCreate(options.BaseUrl.Trim(), UriKind.Absolute, out var site)
            ? throw new SourceException(options.Name, $"Source '{options.Name}': set Sources[].BaseUrl to the Jira site (https://acme.atlassian.net, or the Data Center address with its context path).")
            : site;

    // Cloud: e-mail and API token in Basic auth; Data Center: a personal access token as Bearer.
    private static SourceHttpSettings Settings(SourceOptions options, Uri site, string? token, string tokenVariable) =>
        new(options.Name, SourceVendor.Jira, site, tokenVariable)
        {
            Authorization = token is null ? null
                : string.IsNullOrWhiteSpace(options.Auth.Email) ? new AuthenticationHeaderValue("Bearer", token)
                : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Auth.Email.Trim()}:{token}"))),
            DefaultHeaders = new Dictionary<string, string> { ["Accept"] = "application/json" },
        };

    private static JiraSource Create(IServiceProvider services, SourceOptions options)
    {
        var site = Site(options);

        if (options.Projects.Count == 0 && string.IsNullOrWhiteSpace(options.Jql))
        {
            throw new SourceException(options.Name, $"Source '{options.Name}': set Sources[].Projects (project keys, one scope each) or Sources[].Jql.");
        }

        var flavor = ParseFlavor(options);
        if (flavor == JiraFlavor.Cloud && string.IsNullOrWhiteSpace(options.Auth.Email) && HasToken(options))
        {
            throw new SourceException(options.Name, $"Source '{options.Name}': Jira Cloud signs in with the account's e-mail and an API token — set Auth.Email (or Flavor \"DataCenter\" for a personal access token).");
        }

        var token = SourceToken.Read(options, SourceServices.Location(services));
        var settings = Settings(options, site, token, SourceToken.Describe(options));
        var http = services.GetRequiredService<SourceHttpClientFactory>().CreateSourceClient(settings);
        return new JiraSource(options, http, SourceServices.Teams(services), services.GetService<TimeProvider>() ?? TimeProvider.System, flavor,
            services.GetRequiredService<IOptions<HttpResilienceOptions>>().Value.MaxConcurrentRequests);
    }

    /// <returns>The configured flavour; null for <c>Auto</c> (read from the site).</returns>
    private static JiraFlavor? ParseFlavor(SourceOptions options) => options.Flavor?.Trim().ToUpperInvariant() switch
    {
        null or "" or "CLOUD" => JiraFlavor.Cloud,
        "DATACENTER" or "DATA CENTER" or "DC" or "SERVER" => JiraFlavor.DataCenter,
        "AUTO" => null,
        _ => throw new SourceException(options.Name, $"Source '{options.Name}': Flavor '{options.Flavor}' is not one of Cloud, DataCenter, Auto."),
    };

    private static bool HasToken(SourceOptions options) =>
        !string.IsNullOrWhiteSpace(options.Auth.TokenEnv) || !string.IsNullOrWhiteSpace(options.Auth.TokenFile);
}
