using OkrLinker.Core.Metrics;

namespace OkrLinker.Worker.Tests.Support;

/// <summary>A metric provider that answers every KR with one value a day at 00:00 UTC and counts its reads.</summary>
public sealed class FakeMetricProvider(string name, double value) : IMetricProvider
{
    private int reads;

    public string Name => name;

    public int Reads => Volatile.Read(ref reads);

    public Task<IReadOnlyList<MetricSample>> ReadAsync(MetricRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Interlocked.Increment(ref reads);
        var days = new List<MetricSample>();
        for (var day = request.From.UtcDateTime.Date; day <= request.To.UtcDateTime; day = day.AddDays(1))
        {
            if (day >= request.From.UtcDateTime)
            {
                days.Add(new MetricSample(request.KrId, new DateTimeOffset(day, TimeSpan.Zero), value));
            }
        }

        return Task.FromResult<IReadOnlyList<MetricSample>>(days);
    }
}
