using Microsoft.Extensions.Options;
using OkrLinker.Core.Configuration;

namespace OkrLinker.Core.Okrs;

/// <summary>Loads the okrs.yaml the config names, relative to the config file.</summary>
public sealed class OkrSetSource(IOptions<LinkerOptions> options, ConfigLocation location)
{
    public string Path => location.Resolve(options.Value.Okrs.Path);

    /// <exception cref="OkrLoadException">The file is missing or broken; the message names file, line, column and key.</exception>
    /// <remarks>Each <c>metric.provider</c> must name a configured <c>Metrics.Providers</c> entry or <c>tracker</c>.</remarks>
    public OkrSet Load() => OkrLoader.Load(Path, options.Value.Metrics.Providers);
}
