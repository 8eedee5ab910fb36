using Microsoft.Extensions.Time.Testing;
using OkrLinker.Connectors.Tests.Metrics.Support;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Metrics;
using OkrLinker.Fakes;
using static OkrLinker.Connectors.Tests.Metrics.Support.MetricRequests;

namespace OkrLinker.Connectors.Tests.Metrics.Sql;

/// <summary>The sql provider on a real PostgreSQL (see <see cref="PostgresServer"/> for its rows).</summary>
public sealed class PostgresMetricProviderTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static readonly DateTimeOffset Now = Utc(10, 20, 6);

    [Fact]
    public async Task One_number_is_the_value_now()
    {
        var samples = await ReadAsync("SELECT count(*) FROM signups");

        Assert.Equal((Now, 7.0), (samples.Single().At, samples.Single().Value));
    }

    [Fact]
    public async Task Rows_of_date_and_value_are_the_history_in_the_range()
    {
        // 09-30 is before the range; 10-04's NULL is no value that day.
        var samples = await ReadAsync("SELECT day, value FROM daily_activation ORDER BY day DESC", Utc(10, 1), Utc(10, 10));

        Assert.Equal([(Utc(10, 1), 36.5), (Utc(10, 2), 37.25), (Utc(10, 3), 38.0)], samples.Select(s => (s.At, s.Value)));
    }

    [Fact]
    public async Task Timestamps_with_a_zone_come_back_in_utc()
    {
        var samples = await ReadAsync("WITH s AS (SELECT at, minutes FROM lag_samples) SELECT at, minutes FROM s;", Utc(9, 1), Utc(12, 31));

        Assert.Equal([(Utc(10, 1, 4), 12.0), (Utc(10, 2, 4), 9.0)], samples.Select(s => (s.At, s.Value)));
    }

    [Fact]
    public async Task A_write_is_refused_before_it_runs()
    {
        var error = await FailsAsync("DELETE FROM signups");

        Assert.Equal("Metric provider 'dwh', KR O1-KR1: refused before it ran: only a SELECT (or WITH … SELECT) may run; this statement starts with DELETE", error.Message);
        Assert.Equal(7, await server.CountSignupsAsync());
    }

    [Fact]
    public async Task A_write_hidden_in_a_with_is_refused_before_it_runs()
    {
        var error = await FailsAsync("WITH gone AS (DELETE FROM signups RETURNING id) SELECT count(*) FROM gone");

        Assert.Equal("Metric provider 'dwh', KR O1-KR1: refused before it ran: only a SELECT (or WITH … SELECT) that writes nothing may run; this one has DELETE", error.Message);
        Assert.Equal(7, await server.CountSignupsAsync());
    }

    [Fact]
    public async Task A_second_statement_is_refused_before_it_runs()
    {
        var error = await FailsAsync("SELECT 1; DROP TABLE signups");

        Assert.Equal("Metric provider 'dwh', KR O1-KR1: refused before it ran: only one statement may run; this query holds several", error.Message);
        Assert.Equal(7, await server.CountSignupsAsync());
    }

    [Fact]
    public async Task A_select_that_would_write_is_stopped_by_the_read_only_session()
    {
        var error = await FailsAsync("SELECT nextval('ids')");

        Assert.Equal("Metric provider 'dwh', KR O1-KR1: refused by the read-only session: cannot execute nextval() in a read-only transaction", error.Message);
    }

    [Fact]
    public async Task A_slow_query_times_out_with_a_clear_message()
    {
        var error = await FailsAsync("SELECT 1 FROM pg_sleep(30)", TimeSpan.FromSeconds(1));

        Assert.Equal("Metric provider 'dwh', KR O1-KR1: no answer within 1 s (Metrics:Providers Timeout)", error.Message);
    }

    [Fact]
    public async Task A_query_postgres_rejects_carries_its_words()
    {
        var error = await FailsAsync("SELECT value FROM no_such_table");

        Assert.Equal("Metric provider 'dwh', KR O1-KR1: PostgreSQL refused the query: 42P01: relation \"no_such_table\" does not exist", error.Message);
    }

    [Fact]
    public async Task A_value_that_is_not_a_number_is_an_error()
    {
        var error = await FailsAsync("SELECT 'many'");

        Assert.Equal("Metric provider 'dwh', KR O1-KR1: the value, 'many', is not a number", error.Message);
    }

    [Fact]
    public async Task A_column_too_many_is_an_error()
    {
        var error = await FailsAsync("SELECT day, value, 1 FROM daily_activation");

        Assert.Equal("Metric provider 'dwh', KR O1-KR1: the query returned 3 columns; return one number, or rows of (timestamp, value)", error.Message);
    }

    private async Task<IReadOnlyList<MetricSample>> ReadAsync(string sql, DateTimeOffset? from = null, DateTimeOffset? to = null, TimeSpan? timeout = null)
    {
        Environment.SetEnvironmentVariable("OKR_TEST_PG_CONNECTION", server.ConnectionString);
        var provider = ProviderHost.Build(
            new MetricProviderOptions { Name = "dwh", Kind = "sql", Dialect = "Postgres", ConnectionStringEnv = "OKR_TEST_PG_CONNECTION", Timeout = timeout ?? TimeSpan.FromSeconds(30) },
            time: new FakeTimeProvider(Now));
        return await provider.ReadAsync(For("dwh", sql, from ?? Utc(10, 1), to ?? Now), CancellationToken.None);
    }

    private Task<MetricProviderException> FailsAsync(string sql, TimeSpan? timeout = null) =>
        Assert.ThrowsAsync<MetricProviderException>(() => ReadAsync(sql, timeout: timeout));
}
