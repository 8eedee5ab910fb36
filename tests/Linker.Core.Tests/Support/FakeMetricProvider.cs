using OkrLinker.Core.Metrics;

namespace OkrLinker.Core.Tests.Support;

/// <summary>
/// A metric provider with a series per KR held in memory: answers the samples inside the asked range,
/// oldest first, remembers every request, and fails a KR with the given reason when told to.
/// </summary>
public sealed class FakeMetricProvider(string name = "fake") : IMetricProvider
{
    private readonly Dictionary<string, List<MetricSample>> series = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> failures = new(StringComparer.OrdinalIgnoreCase);

    public string Name => name;

    public List<MetricRequest> Requests { get; } = [];

    /// <summary>Daily values at 00:00 UTC from <paramref name="firstDay"/> on.</summary>
    public FakeMetricProvider WithDaily(string krId, DateOnly firstDay, params double[] values)
    {
        var list = Series(krId);
        list.AddRange(values.Select((v, i) => new MetricSample(krId, new DateTimeOffset(firstDay.AddDays(i).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), v)));
        return this;
    }

    public FakeMetricProvider With(string krId, DateTimeOffset at, double value)
    {
        Series(krId).Add(new MetricSample(krId, at, value));
        return this;
    }

    public FakeMetricProvider Failing(string krId, string reason)
    {
        failures[krId] = reason;
        return this;
    }

    public Task<IReadOnlyList<MetricSample>> ReadAsync(MetricRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        if (failures.TryGetValue(request.KrId, out var reason))
        {
            throw new MetricProviderException(name, request.KrId, $"{name}: {reason}");
        }

        IReadOnlyList<MetricSample> inRange = [.. Series(request.KrId).Where(s => s.At >= request.From && s.At <= request.To).OrderBy(s => s.At)];
        return Task.FromResult(inRange);
    }

    private List<MetricSample> Series(string krId)
    {
        if (!series.TryGetValue(krId, out var list))
        {
            series.Add(krId, list = []);
        }

        return list;
    }
}
