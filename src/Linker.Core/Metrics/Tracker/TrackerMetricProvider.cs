using Microsoft.EntityFrameworkCore;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Store;

namespace OkrLinker.Core.Metrics.Tracker;

/// <summary>
/// The built-in <c>tracker</c> provider: count, points or median cycle days of the stored items that match the
/// metric's <c>where</c>, once a day over the range (see <see cref="TrackerMoment"/> for what "at a moment" means).
/// </summary>
internal sealed class TrackerMetricProvider(IDbContextFactory<LinkerDbContext> store) : IMetricProvider
{
    public string Name => MetricSpec.Tracker;

    public async Task<IReadOnlyList<MetricSample>> ReadAsync(MetricRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var metric = request.Metric;
        var measure = metric.Measure
            ?? throw MetricProviderException.Because(Name, request.KrId, "the metric has no measure (count, points or median-cycle-days)");
        var where = Compile(metric, request.KrId);
        var items = await ReadItemsAsync(request.KrId, where, cancellationToken);

        var samples = new List<MetricSample>();
        foreach (var at in MetricDays.Between(request.From, request.To))
        {
            if (TrackerMoment.Measure(items, measure, at) is { } value)
            {
                samples.Add(new MetricSample(request.KrId, at, value));
            }
        }

        return samples;
    }

    private List<LinkRule> Compile(MetricSpec metric, string krId)
    {
        try
        {
            return [.. metric.Where.Select((rule, i) => LinkRule.Compile(rule, $"where[{i}]", catalog: null))];
        }
        catch (LinkingConfigException e)
        {
            throw MetricProviderException.Because(Name, krId, e.Message, e);
        }
    }

    // Row by row, keeping only what the measure needs: a million stored items were read whole into a list of rows and
    // a list of items beside it, then matched against the rules once per day of the range (minutes and 2 GB at a
    // million, docs/benchmarks.md). The rows come in the store's order, as before, so a sum of points adds up alike.
    private async Task<List<TrackedItem>> ReadItemsAsync(string krId, List<LinkRule> where, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await store.CreateDbContextAsync(cancellationToken);
            var items = new List<TrackedItem>();
            await foreach (var row in db.WorkItems.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                items.Add(TrackerMoment.Track(row.ToItem(), where));
            }

            return items;
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            throw MetricProviderException.Because(Name, krId, $"the store cannot be read ({e.Message})", e);
        }
    }
}
