using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Metrics;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Metrics;

/// <summary>The catalog builds each configured provider once through its kind, adds tracker, and keeps a broken entry to itself.</summary>
public sealed class MetricProviderCatalogTests : IDisposable
{
    private readonly List<string> created = [];
    private readonly TempStoreHolder store = new();

    public void Dispose() => store.Dispose();

    [Fact]
    public void Finds_configured_providers_by_name_whatever_the_case_and_builds_each_once()
    {
        using var catalog = Catalog(Entry("prom", "fake"), Entry("dwh", "fake"));

        var first = catalog.Find("PROM");
        var again = catalog.Find("prom");

        Assert.Same(first, again);
        Assert.Equal("prom", first!.Name);
        Assert.Equal(["prom"], created);
    }

    [Fact]
    public void Tracker_is_built_in_and_listed_last()
    {
        using var catalog = Catalog(Entry("prom", "fake"));

        Assert.Equal(["prom", "tracker"], catalog.All.Select(p => p.Name));
        Assert.Equal("tracker", catalog.Find("Tracker")!.Name);
    }

    [Fact]
    public void An_unconfigured_name_is_not_found() =>
        Assert.Null(Catalog(Entry("prom", "fake")).Find("dwh"));

    [Fact]
    public void An_entry_that_cannot_be_built_keeps_the_others_usable()
    {
        using var catalog = Catalog(Entry("broken", "failing"), Entry("prom", "fake"));

        var error = Assert.Throws<LinkerConfigException>(() => catalog.Find("broken"));

        Assert.Equal("Metrics:Providers:0: cannot build", error.Message);
        Assert.Equal("prom", catalog.Find("prom")!.Name);
    }

    [Fact]
    public void An_unknown_kind_names_the_key_and_the_known_kinds()
    {
        using var catalog = Catalog(Entry("prom", "fake"), Entry("x", "graphite"));

        var error = Assert.Throws<LinkerConfigException>(() => catalog.Find("x"));

        Assert.Equal("Metrics:Providers:1:Kind: unknown kind 'graphite' (known: fake, failing)", error.Message);
    }

    private MetricProviderCatalog Catalog(params MetricProviderOptions[] entries)
    {
        var kinds = new[]
        {
            new MetricProviderKind("fake", (_, o) => { created.Add(o.Name); return new NamedProvider(o.Name); }),
            new MetricProviderKind("failing", (_, _) => throw new LinkerConfigException("Metrics:Providers:0", "cannot build")),
        };
        var options = Options.Create(new LinkerOptions { Metrics = new MetricsOptions { Providers = [.. entries] } });
        return new MetricProviderCatalog(kinds, new ServiceCollection().BuildServiceProvider(), options, store.Factory);
    }

    private static MetricProviderOptions Entry(string name, string kind) => new() { Name = name, Kind = kind };

    private sealed class NamedProvider(string name) : IMetricProvider
    {
        public string Name => name;

        public Task<IReadOnlyList<MetricSample>> ReadAsync(MetricRequest request, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<MetricSample>>([]);
    }

    // The tracker is built from the store's factory; these tests never read through it.
    private sealed class TempStoreHolder : IDisposable
    {
        private readonly Lazy<TempStore> store = new(() => TempStore.CreateAsync().GetAwaiter().GetResult());

        public Microsoft.EntityFrameworkCore.IDbContextFactory<Store.LinkerDbContext> Factory => store.Value;

        public void Dispose()
        {
            if (store.IsValueCreated)
            {
                store.Value.Dispose();
            }
        }
    }
}
