using Microsoft.Extensions.DependencyInjection;
using OkrLinker.Core.Sources;

namespace OkrLinker.Connectors.Files;

/// <summary>How the files source enters the host (DESIGN.md §2).</summary>
public static class FilesSourceRegistration
{
    /// <summary>
    /// Registers the <c>files</c> <see cref="SourceKind"/>. Its sources resolve <c>Path</c> against the
    /// <see cref="Core.Configuration.ConfigLocation"/> in DI (else the current directory) and take the
    /// <c>Teams</c> map from <c>IOptions&lt;LinkerOptions&gt;</c>.
    /// </summary>
    public static IServiceCollection AddFilesSource(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddSingleton(new SourceKind(FilesSource.Kind, FilesSource.Create));
    }
}
