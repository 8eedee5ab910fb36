using Npgsql;
using OkrLinker.Testing;

namespace OkrLinker.Connectors.Tests.Metrics.Support;

/// <summary>
/// A database of its own on the test run's real PostgreSQL (<see cref="PostgresCluster"/>), seeded for the sql metric
/// provider's tests; one per test class.
/// </summary>
/// <remarks>
/// The data: <c>signups</c> holds 7 rows; <c>daily_activation(day date, value numeric)</c> holds 35.0 on 2026-09-30,
/// 36.5 on 10-01, 37.25 on 10-02, 38 on 10-03 and NULL on 10-04; <c>lag_samples(at timestamptz, minutes int)</c> holds
/// 12 at 2026-10-01 06:00+02 and 9 at 10-02 06:00+02; the sequence <c>ids</c>.
/// </remarks>
public sealed class PostgresServer : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var cluster = await PostgresCluster.GetAsync();
        ConnectionString = await cluster.CreateDatabaseAsync("metrics") + ";Pooling=false";
        await SeedAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task SeedAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var seed = new NpgsqlCommand("""
            CREATE TABLE signups (id int);
            INSERT INTO signups SELECT generate_series(1, 7);
            CREATE TABLE daily_activation (day date, value numeric);
            INSERT INTO daily_activation VALUES ('2026-09-30', 35.0), ('2026-10-01', 36.5), ('2026-10-02', 37.25), ('2026-10-03', 38), ('2026-10-04', NULL);
            CREATE TABLE lag_samples (at timestamptz, minutes int);
            INSERT INTO lag_samples VALUES ('2026-10-01 06:00+02', 12), ('2026-10-02 06:00+02', 9);
            CREATE SEQUENCE ids;
            """, connection);
        await seed.ExecuteNonQueryAsync();
    }

    /// <summary>How many rows <c>signups</c> holds now (to show a refused write changed nothing).</summary>
    public async Task<long> CountSignupsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM signups", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
