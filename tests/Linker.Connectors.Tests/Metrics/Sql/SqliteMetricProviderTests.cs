using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using OkrLinker.Connectors.Tests.Metrics.Support;
using OkrLinker.Connectors.Tests.Support;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Metrics;
using OkrLinker.Fakes;
using static OkrLinker.Connectors.Tests.Metrics.Support.MetricRequests;

namespace OkrLinker.Connectors.Tests.Metrics.Sql;

/// <summary>
/// The sql provider on a SQLite file: <c>signups</c> holds 4 rows; <c>daily(day text, value real)</c> holds 41.5 on
/// 2026-10-01, 40 on 10-02 and 38.75 on 10-03.
/// </summary>
public sealed class SqliteMetricProviderTests : IDisposable
{
    private static readonly DateTimeOffset Now = Utc(10, 20, 6);

    private readonly TempFolder folder = new();
    private readonly string file;

    public SqliteMetricProviderTests()
    {
        file = Path.Combine(folder.Path, "stats.db");
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var seed = new SqliteCommand("""
            CREATE TABLE signups (id INTEGER);
            INSERT INTO signups VALUES (1), (2), (3), (4);
            CREATE TABLE daily (day TEXT, value REAL);
            INSERT INTO daily VALUES ('2026-10-01', 41.5), ('2026-10-02', 40), ('2026-10-03T00:00:00Z', 38.75);
            """, connection);
        seed.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        folder.Dispose();
    }

    [Fact]
    public async Task One_number_is_the_value_now()
    {
        var samples = await ReadAsync("select count(*) from signups");

        Assert.Equal((Now, 4.0), (samples.Single().At, samples.Single().Value));
    }

    [Fact]
    public async Task Rows_of_text_dates_and_values_are_the_history_in_the_range()
    {
        var samples = await ReadAsync("SELECT day, value FROM daily", Utc(10, 2), Now);

        Assert.Equal([(Utc(10, 2), 40.0), (Utc(10, 3), 38.75)], samples.Select(s => (s.At, s.Value)));
    }

    [Fact]
    public async Task A_write_is_refused_before_it_runs()
    {
        var error = await FailsAsync("insert into signups values (5)");

        Assert.Equal("Metric provider 'stats', KR O1-KR1: refused before it ran: only a SELECT (or WITH … SELECT) may run; this statement starts with INSERT", error.Message);
        Assert.Equal(4.0, (await ReadAsync("select count(*) from signups")).Single().Value);
    }

    [Fact]
    public async Task Words_in_strings_and_comments_are_data()
    {
        var samples = await ReadAsync("SELECT count(*) /* not DELETE */ FROM signups WHERE 'update; drop' <> \"id\" -- insert\n");

        Assert.Equal(4.0, samples.Single().Value);
    }

    [Fact]
    public async Task A_slow_query_is_interrupted_at_the_timeout()
    {
        const string Endless = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT max(x) FROM n";

        var error = await FailsAsync(Endless, TimeSpan.FromMilliseconds(500));

        Assert.Equal("Metric provider 'stats', KR O1-KR1: no answer within 0.5 s (Metrics:Providers Timeout)", error.Message);
    }

    [Fact]
    public async Task A_missing_database_file_is_not_created()
    {
        Environment.SetEnvironmentVariable("OKR_TEST_SQLITE_MISSING", $"Data Source={Path.Combine(folder.Path, "none.db")}");
        var provider = Provider("OKR_TEST_SQLITE_MISSING", TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<MetricProviderException>(() => provider.ReadAsync(For("stats", "SELECT 1", Utc(10, 1), Now), CancellationToken.None));

        Assert.Equal("Metric provider 'stats', KR O1-KR1: SQLite refused the query: SQLite Error 14: 'unable to open database file'.", error.Message);
        Assert.False(File.Exists(Path.Combine(folder.Path, "none.db")));
    }

    [Fact]
    public async Task An_unset_connection_variable_names_it()
    {
        var provider = Provider("OKR_TEST_SQLITE_UNSET", TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAsync<MetricProviderException>(() => provider.ReadAsync(For("stats", "SELECT 1", Utc(10, 1), Now), CancellationToken.None));

        Assert.Equal("Metric provider 'stats', KR O1-KR1: the environment variable OKR_TEST_SQLITE_UNSET (ConnectionStringEnv) is not set", error.Message);
    }

    private async Task<IReadOnlyList<MetricSample>> ReadAsync(string sql, DateTimeOffset? from = null, DateTimeOffset? to = null, TimeSpan? timeout = null)
    {
        Environment.SetEnvironmentVariable("OKR_TEST_SQLITE_CONNECTION", $"Data Source={file};Pooling=False");
        return await Provider("OKR_TEST_SQLITE_CONNECTION", timeout ?? TimeSpan.FromSeconds(30))
            .ReadAsync(For("stats", sql, from ?? Utc(10, 1), to ?? Now), CancellationToken.None);
    }

    private Task<MetricProviderException> FailsAsync(string sql, TimeSpan? timeout = null) =>
        Assert.ThrowsAsync<MetricProviderException>(() => ReadAsync(sql, timeout: timeout));

    private static IMetricProvider Provider(string variable, TimeSpan timeout) =>
        ProviderHost.Build(
            new MetricProviderOptions { Name = "stats", Kind = "sql", Dialect = "Sqlite", ConnectionStringEnv = variable, Timeout = timeout },
            time: new FakeTimeProvider(Now));
}
