using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OkrLinker.Core.Metrics;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Sources;
using OkrLinker.Core.Store;

namespace OkrLinker.Worker.Cli;

/// <summary>The <c>check</c> rows for metrics: each KR's query run once, from the period start to now, and its latest value or the provider's own error.</summary>
internal static class MetricCheck
{
    public static async Task<IReadOnlyList<CheckLine>> LinesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var okrs = services.GetRequiredService<OkrSetSource>().Load();
        var measured = okrs.KeyResults.Where(kr => kr.Metric is not null).ToList();
        if (measured.Any(kr => kr.Metric!.IsTracker))
        {
            await services.GetRequiredService<StoreInitializer>().MigrateAsync(cancellationToken);
        }

        var catalog = services.GetRequiredService<MetricProviderCatalog>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var periodStart = new DateTimeOffset(okrs.Period.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var from = periodStart < now ? periodStart : now;
        var lines = new List<CheckLine>();
        foreach (var kr in measured)
        {
            var metric = kr.Metric!;
            var provider = catalog.Find(metric.Provider)!;
            try
            {
                var samples = await provider.ReadAsync(new MetricRequest(kr.Id, metric, from, now), cancellationToken);
                lines.Add(samples.Count == 0
                    ? new CheckLine(provider.Name, kr.Id, false, $"no value from {from:yyyy-MM-dd} to now")
                    : new CheckLine(provider.Name, kr.Id, true, Describe(samples, metric.Unit)));
            }
            catch (MetricProviderException e)
            {
                lines.Add(new CheckLine(provider.Name, kr.Id, false, e.Message));
            }
        }

        return lines;
    }

    private static string Describe(IReadOnlyList<MetricSample> samples, string? unit)
    {
        var latest = samples[^1];
        var value = latest.Value.ToString("0.####", CultureInfo.InvariantCulture) + (unit is null ? "" : $" {unit}");
        var count = samples.Count == 1 ? "1 sample" : $"{samples.Count} samples";
        return $"{value} at {latest.At.UtcDateTime:yyyy-MM-dd HH:mm}Z ({count})";
    }
}
