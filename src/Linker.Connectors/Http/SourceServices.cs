using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.Http;

/// <summary>What every live source's <c>Create</c> takes from the host besides its HTTP client.</summary>
internal static class SourceServices
{
    /// <summary>Where relative paths (a token file) are taken from: the config file's folder, else the working folder.</summary>
    public static ConfigLocation Location(IServiceProvider services) =>
        services.GetService<ConfigLocation>() ?? new ConfigLocation(Environment.CurrentDirectory);

    /// <summary>The host's <see cref="SecretReader"/>, else one over <see cref="Location"/>.</summary>
    public static SecretReader Secrets(IServiceProvider services) =>
        services.GetService<SecretReader>() ?? new SecretReader(Location(services));

    /// <summary>The configured <c>Teams</c> map, or none.</summary>
    public static TeamResolver Teams(IServiceProvider services) =>
        services.GetService<IOptions<LinkerOptions>>()?.Value.Teams is { } map ? new TeamResolver(map) : TeamResolver.Empty;
}
