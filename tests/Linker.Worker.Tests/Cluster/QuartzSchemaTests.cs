using Microsoft.EntityFrameworkCore;
using Npgsql;
using OkrLinker.Core.Store;
using OkrLinker.Testing;
using OkrLinker.Worker.Scheduling;

namespace OkrLinker.Worker.Tests.Cluster;

/// <summary>The clustered schedule's tables are made under the store's migration lock, so nodes may start together on an empty database.</summary>
public sealed class QuartzSchemaTests
{
    [Fact]
    public void The_statements_are_quartz_s_own_fifteen_tables_and_fifteen_indexes_with_the_prefix_filled_in()
    {
        var statements = QuartzPostgresSchema.Statements();

        Assert.Equal(30, statements.Count);
        Assert.Equal(15, statements.Count(s => s.Contains("CREATE TABLE IF NOT EXISTS QRTZ_", StringComparison.Ordinal)));
        Assert.Equal(15, statements.Count(s => s.Contains("CREATE INDEX IF NOT EXISTS idx_QRTZ_", StringComparison.Ordinal)));
        Assert.Contains(statements, s => s.Contains("CREATE TABLE IF NOT EXISTS QRTZ_scheduler_state (", StringComparison.Ordinal));
        Assert.DoesNotContain(statements, s => s.Contains('{', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Four_nodes_starting_together_on_an_empty_database_all_migrate_and_the_schedule_s_tables_are_made_once()
    {
        var cluster = await PostgresCluster.GetAsync();
        var connectionString = await cluster.CreateDatabaseAsync("quartz_race");
        var statements = QuartzPostgresSchema.Statements();
        using var start = new ManualResetEventSlim();

        var nodes = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            await new StoreInitializer(new Factory(connectionString)).MigrateAsync(statements, CancellationToken.None);
        })).ToList();
        start.Set();
        await Task.WhenAll(nodes);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var tables = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'qrtz\\_%'", connection);
        await using var indexes = new NpgsqlCommand("SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'idx\\_qrtz\\_%'", connection);
        Assert.Equal((15L, 15L), ((long)(await tables.ExecuteScalarAsync())!, (long)(await indexes.ExecuteScalarAsync())!));
    }

    private sealed class Factory(string connectionString) : IDbContextFactory<LinkerDbContext>
    {
        public LinkerDbContext CreateDbContext() =>
            new(new DbContextOptionsBuilder<LinkerDbContext>().UseStore(StoreProvider.Postgres, connectionString).Options);
    }
}
