using OkrLinker.Core.Metrics;
using OkrLinker.Core.Okrs;

namespace OkrLinker.Connectors.Tests.Metrics.Support;

/// <summary>Requests for one KR, O1-KR1, over a range.</summary>
internal static class MetricRequests
{
    public static MetricRequest For(string provider, string query, DateTimeOffset from, DateTimeOffset to, string? path = null) =>
        new("O1-KR1", new MetricSpec(provider, query, null) { Path = path }, from, to);

    public static DateTimeOffset Utc(int month, int day, int hour = 0, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);
}
