using OkrLinker.Connectors.Tests.Metrics.Support;
using OkrLinker.Connectors.Tests.Support;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Metrics;
using OkrLinker.Testing;
using static OkrLinker.Connectors.Tests.Metrics.Support.MetricRequests;

namespace OkrLinker.Connectors.Tests.Metrics;

/// <summary>Every kind through the catalog the worker uses; a provider that fails keeps its failure to itself.</summary>
public sealed class MetricProviderCatalogTests : IDisposable
{
    private readonly TempFolder config = new();

    public void Dispose() => config.Dispose();

    [Fact]
    public async Task Failing_providers_leave_the_others_intact()
    {
        config.Write("metrics/activation.csv", "2026-10-01,35\n2026-10-02,36\n");
        config.Write("metrics/broken.csv", "2026-10-01,lots\n");
        var port = LocalTools.FreePort(); // nothing listens there
        using var catalog = ProviderHost.Catalog(
            config.Path,
            new MetricProviderOptions { Name = "sheets", Kind = "csv", Path = "metrics" },
            new MetricProviderOptions { Name = "prom", Kind = "prometheus", BaseUrl = $"http://127.0.0.1:{port}", Timeout = TimeSpan.FromSeconds(5) },
            new MetricProviderOptions { Name = "stats", Kind = "http-json", BaseUrl = $"http://127.0.0.1:{port}", HeadersEnv = { ["X-Key"] = "OKR_TEST_CATALOG_UNSET" } });

        var reads = new (string Provider, string Query, string? Path)[]
        {
            ("prom", "up", null),
            ("sheets", "broken.csv", null),
            ("stats", "x", "$.v"),
            ("sheets", "activation.csv", null),
        };
        var outcomes = new List<string>();
        foreach (var (provider, query, path) in reads)
        {
            try
            {
                var samples = await catalog.Find(provider)!.ReadAsync(For(provider, query, Utc(10, 1), Utc(10, 31), path), CancellationToken.None);
                outcomes.Add($"{provider}: {string.Join(", ", samples.Select(s => s.Value))}");
            }
            catch (MetricProviderException e)
            {
                outcomes.Add($"{e.Provider} failed");
            }
        }

        Assert.Equal(["prom failed", "sheets failed", "stats failed", "sheets: 35, 36"], outcomes);
        Assert.Equal(["sheets", "prom", "stats", "tracker"], catalog.All.Select(p => p.Name));
    }

    [Fact]
    public async Task An_unreachable_server_is_a_provider_error_that_says_so()
    {
        var port = LocalTools.FreePort();
        using var catalog = ProviderHost.Catalog(config.Path,
            new MetricProviderOptions { Name = "prom", Kind = "prometheus", BaseUrl = $"http://127.0.0.1:{port}", Timeout = TimeSpan.FromSeconds(5) });

        var error = await Assert.ThrowsAsync<MetricProviderException>(() =>
            catalog.Find("prom")!.ReadAsync(For("prom", "up", Utc(10, 1, 6), Utc(10, 1, 6)), CancellationToken.None));

        Assert.Equal($"Metric provider 'prom', KR O1-KR1: cannot reach the server (Connection refused (127.0.0.1:{port}))", error.Message);
    }
}
