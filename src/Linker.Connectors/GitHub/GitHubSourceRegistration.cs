using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OkrLinker.Connectors.Auth;
using OkrLinker.Connectors.Http;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Sources;
using OkrLinker.Core.WriteBack;

namespace OkrLinker.Connectors.GitHub;

/// <summary>How the GitHub source enters the host (DESIGN.md §2).</summary>
public static class GitHubSourceRegistration
{
    /// <summary>Registers the <c>github</c> <see cref="SourceKind"/> and the shared HTTP layer it sends through.</summary>
    public static IServiceCollection AddGitHubSource(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSourceHttp();
        services.AddSingleton(new TagWriterKind(GitHubSource.Kind, CreateWriter));
        return services.AddSingleton(new SourceKind(GitHubSource.Kind, Create));
    }

    // The write token gets a client of its own: its own credential, the same retries and rate-limit pause.
    private static GitHubTagWriter CreateWriter(IServiceProvider services, SourceOptions options, string writeToken) =>
        new(services.GetRequiredService<SourceHttpClientFactory>().CreateSourceClient(
            Settings(options, writeToken, SecretReader.Describe(options.Auth.WriteTokenEnv, options.Auth.WriteTokenFile))));

    private static SourceHttpSettings Settings(SourceOptions options, string? token, string tokenVariable) =>
        new(options.Name, SourceVendor.GitHub, GitHubEndpoints.RestRoot(options.BaseUrl), tokenVariable)
        {
            Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token),
            DefaultHeaders = new Dictionary<string, string>
            {
                ["Accept"] = "application/vnd.github+json",
                ["X-GitHub-Api-Version"] = "2022-11-28",
            },
        };

    private static GitHubSource Create(IServiceProvider services, SourceOptions options)
    {
        var hasFullNames = options.Repos.Count > 0 && options.Repos.All(r => r.Contains('/', StringComparison.Ordinal));
        if (string.IsNullOrWhiteSpace(options.Owner) && !hasFullNames)
        {
            throw new SourceException(options.Name, $"Source '{options.Name}': set Sources[].Owner to the GitHub organization or user (or list Repos as owner/repo).");
        }

        if (options.ProjectNumbers.Count > 0 && string.IsNullOrWhiteSpace(options.Owner))
        {
            throw new SourceException(options.Name, $"Source '{options.Name}': ProjectNumbers need Sources[].Owner, the owner of the projects.");
        }

        var token = SourceToken.Read(options, SourceServices.Location(services));
        var root = GitHubEndpoints.RestRoot(options.BaseUrl);
        var settings = Settings(options, token, SourceToken.Describe(options));
        var http = services.GetRequiredService<SourceHttpClientFactory>().CreateSourceClient(settings);
        var concurrency = services.GetRequiredService<IOptions<HttpResilienceOptions>>().Value.MaxConcurrentRequests;
        return new GitHubSource(options, http, new GitHubIssueParser(options, SourceServices.Teams(services)), GitHubEndpoints.GraphQl(root), concurrency);
    }
}
