using Microsoft.Extensions.Options;
using OkrLinker.Core.Configuration;

namespace OkrLinker.Core.Sources;

/// <summary>Builds the configured sources through the <see cref="SourceKind"/>s the connectors registered.</summary>
/// <remarks>
/// A source is built once per name and kept: it owns the HTTP client (and its connection pool and
/// rate-limit state) that every run of every scope of that source shares. Disposed with the container.
/// </remarks>
public sealed class SourceCatalog(IEnumerable<SourceKind> kinds, IServiceProvider services, IOptions<LinkerOptions> options) : IDisposable
{
    private readonly Dictionary<string, IWorkItemSource> built = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock gate = new();

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var source in built.Values.OfType<IDisposable>())
            {
                source.Dispose();
            }

            built.Clear();
        }
    }

    /// <summary>Every configured source, or only the one named <paramref name="only"/>.</summary>
    /// <exception cref="LinkerConfigException">An unknown kind or source name.</exception>
    public IReadOnlyList<IWorkItemSource> Create(string? only = null)
    {
        var configured = options.Value.Sources;
        if (only is not null && !configured.Any(s => string.Equals(s.Name, only, StringComparison.OrdinalIgnoreCase)))
        {
            throw new LinkerConfigException(
                "--source", $"no source is named '{only}' (configured: {string.Join(", ", configured.Select(s => s.Name))})");
        }

        var sources = new List<IWorkItemSource>();
        for (var i = 0; i < configured.Count; i++)
        {
            var entry = configured[i];
            if (only is not null && !string.Equals(entry.Name, only, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var kind = kinds.FirstOrDefault(k => string.Equals(k.Kind, entry.Kind, StringComparison.OrdinalIgnoreCase))
                ?? throw new LinkerConfigException(
                    $"Sources:{i}:Kind", $"unknown kind '{entry.Kind}' (known: {string.Join(", ", kinds.Select(k => k.Kind))})");
            lock (gate)
            {
                if (!built.TryGetValue(entry.Name, out var source))
                {
                    source = kind.Create(services, entry);
                    built[entry.Name] = source;
                }

                sources.Add(source);
            }
        }

        return sources;
    }
}
