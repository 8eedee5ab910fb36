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
        var items = await ReadItemsAsync(request.KrId, cancellationToken);

        var samples = new List<MetricSample>();
        foreach (var at in MetricDays.Between(request.From, request.To))
        {
            if (TrackerMoment.Measure(items, where, measure, at) is { } value)
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

    private async Task<List<Items.WorkItem>> ReadItemsAsync(string krId, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await store.CreateDbContextAsync(cancellationToken);
            var rows = await db.WorkItems.AsNoTracking().ToListAsync(cancellationToken);
            return [.. rows.Select(r => r.ToItem())];
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            throw MetricProviderException.Because(Name, krId, $"the store cannot be read ({e.Message})", e);
        }
    }
}
