using OkrLinker.Connectors.Tests.Metrics.Support;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Metrics;
using static OkrLinker.Connectors.Tests.Metrics.Support.MetricRequests;

namespace OkrLinker.Connectors.Tests.Metrics.Prometheus;

/// <summary>
/// Against a real Prometheus holding <c>okr_hours{team="growth"}</c> = hours since 2026-09-28 00:00, hourly to 10-10
/// 00:00 (see <see cref="PrometheusServer"/>): <c>okr_hours / 24</c> is the number of days since then, so every value is
/// worked out by counting days.
/// </summary>
public sealed class PrometheusMetricProviderTests(PrometheusServer server) : IClassFixture<PrometheusServer>
{
    private const string Days = "okr_hours / 24";

    [Fact]
    public async Task A_range_gives_each_midnight_and_the_instant_at_its_end()
    {
        // 10-01 00:00 is 3 days after 09-28, 10-02 is 4, 10-03 is 5; the end, 10-03 12:00, is 5.5.
        var samples = await ReadAsync(Days, Utc(10, 1), Utc(10, 3, 12));

        Assert.Equal(
            [(Utc(10, 1), 3.0), (Utc(10, 2), 4.0), (Utc(10, 3), 5.0), (Utc(10, 3, 12), 5.5)],
            samples.Select(s => (s.At, s.Value)));
        Assert.All(samples, s => Assert.Equal("O1-KR1", s.KrId));
    }

    [Fact]
    public async Task The_period_start_value_is_the_first_sample_of_a_range_from_it()
    {
        // From 10-01 00:00 (the period start) to 10-08 06:00: the first sample is the start itself, 3 days; then
        // the midnights 10-02 to 10-08 and the end, 246 hours = 10.25 days.
        var samples = await ReadAsync(Days, Utc(10, 1), Utc(10, 8, 6));

        Assert.Equal((Utc(10, 1), 3.0), (samples[0].At, samples[0].Value));
        Assert.Equal([3.0, 4, 5, 6, 7, 8, 9, 10, 10.25], samples.Select(s => s.Value));
    }

    [Fact]
    public async Task An_instant_reads_the_latest_sample_within_five_minutes()
    {
        // 10-05 12:04: the 12:00 sample, 7.5 days after 09-28.
        var samples = await ReadAsync(Days, Utc(10, 5, 12, 4), Utc(10, 5, 12, 4));

        Assert.Equal((Utc(10, 5, 12, 4), 7.5), (samples.Single().At, samples.Single().Value));
    }

    [Fact]
    public async Task A_range_past_the_series_end_keeps_what_there_is()
    {
        // The series stops at 10-10 00:00 (12 days): 10-09 is 11, 10-10 is 12, later days and the end are empty.
        var samples = await ReadAsync(Days, Utc(10, 9), Utc(10, 12, 9));

        Assert.Equal([(Utc(10, 9), 11.0), (Utc(10, 10), 12.0)], samples.Select(s => (s.At, s.Value)));
    }

    [Fact]
    public async Task A_missing_series_is_an_error()
    {
        var error = await FailsAsync("okr_no_such_metric", Utc(10, 1), Utc(10, 3, 12));

        Assert.Equal(
            "Metric provider 'prom', KR O1-KR1: no series: 'okr_no_such_metric' returns no data from 2026-10-01 00:00Z to 2026-10-03 12:00Z",
            error.Message);
    }

    [Fact]
    public async Task A_query_prometheus_rejects_carries_its_error_type_and_message()
    {
        var error = await FailsAsync("sum(okr_hours", Utc(10, 3, 12), Utc(10, 3, 12));

        Assert.StartsWith("Metric provider 'prom', KR O1-KR1: Prometheus answered 400: bad_data: invalid parameter \"query\": ", error.Message, StringComparison.Ordinal);
        Assert.Contains("parse error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_series_must_be_aggregated()
    {
        var error = await FailsAsync("okr_teams_up", Utc(10, 3, 12), Utc(10, 3, 12));

        Assert.Equal(
            "Metric provider 'prom', KR O1-KR1: the query returns 2 series ({\"__name__\":\"okr_teams_up\",\"team\":\"a\"}, {\"__name__\":\"okr_teams_up\",\"team\":\"b\"}); aggregate it to one with sum, avg or max",
            error.Message);
    }

    [Fact]
    public async Task An_aggregated_query_is_one_series()
    {
        var samples = await ReadAsync("sum(okr_teams_up)", Utc(10, 3, 12), Utc(10, 3, 12));

        Assert.Equal(2.0, samples.Single().Value);
    }

    [Fact]
    public async Task A_scalar_query_is_a_value_too()
    {
        var samples = await ReadAsync("scalar(okr_hours) * 2", Utc(10, 1, 6), Utc(10, 1, 6));

        Assert.Equal(156.0, samples.Single().Value); // 78 hours after 09-28 00:00, doubled
    }

    private async Task<IReadOnlyList<MetricSample>> ReadAsync(string query, DateTimeOffset from, DateTimeOffset to)
    {
        using var provider = (IDisposable)Provider();
        return await ((IMetricProvider)provider).ReadAsync(For("prom", query, from, to), CancellationToken.None);
    }

    private async Task<MetricProviderException> FailsAsync(string query, DateTimeOffset from, DateTimeOffset to) =>
        await Assert.ThrowsAsync<MetricProviderException>(() => ReadAsync(query, from, to));

    private IMetricProvider Provider() =>
        ProviderHost.Build(new MetricProviderOptions { Name = "prom", Kind = "prometheus", BaseUrl = server.BaseAddress.ToString() });
}
