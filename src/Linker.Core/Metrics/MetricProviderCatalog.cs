using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Metrics.Tracker;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Store;

namespace OkrLinker.Core.Metrics;

/// <summary>
/// The metric providers okrs.yaml can name: each <c>Metrics.Providers</c> entry, built through the
/// <see cref="MetricProviderKind"/> its <c>Kind</c> names, plus the built-in <c>tracker</c>.
/// </summary>
/// <remarks>
/// A provider is built once, on first use, and kept (it owns its HTTP client or folder); one that cannot be
/// built does not keep the others from being found. Disposed with the container.
/// </remarks>
public sealed class MetricProviderCatalog(
    IEnumerable<MetricProviderKind> kinds,
    IServiceProvider services,
    IOptions<LinkerOptions> options,
    IDbContextFactory<LinkerDbContext> store) : IDisposable
{
    private readonly Dictionary<string, IMetricProvider> built = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock gate = new();

    /// <summary>Every configured provider in config order, then <c>tracker</c>.</summary>
    /// <exception cref="LinkerConfigException">An entry's kind is unknown or its settings cannot work.</exception>
    public IReadOnlyList<IMetricProvider> All =>
        [.. options.Value.Metrics.Providers.Select(p => Find(p.Name)!), Find(MetricSpec.Tracker)!];

    /// <summary>The provider okrs.yaml's <c>metric.provider</c> names (case-insensitively), or null when there is none.</summary>
    /// <exception cref="LinkerConfigException">The entry's kind is unknown or its settings cannot work.</exception>
    public IMetricProvider? Find(string name)
    {
        lock (gate)
        {
            if (built.TryGetValue(name, out var provider))
            {
                return provider;
            }

            provider = Build(name);
            if (provider is not null)
            {
                built[name] = provider;
            }

            return provider;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var provider in built.Values.OfType<IDisposable>())
            {
                provider.Dispose();
            }

            built.Clear();
        }
    }

    private IMetricProvider? Build(string name)
    {
        if (string.Equals(name, MetricSpec.Tracker, StringComparison.OrdinalIgnoreCase))
        {
            return new TrackerMetricProvider(store);
        }

        var configured = options.Value.Metrics.Providers;
        var index = configured.FindIndex(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return null;
        }

        var entry = configured[index];
        var kind = kinds.FirstOrDefault(k => string.Equals(k.Kind, entry.Kind, StringComparison.OrdinalIgnoreCase))
            ?? throw new LinkerConfigException(
                $"Metrics:Providers:{index}:Kind", $"unknown kind '{entry.Kind}' (known: {string.Join(", ", kinds.Select(k => k.Kind))})");
        return kind.Create(services, entry);
    }
}
