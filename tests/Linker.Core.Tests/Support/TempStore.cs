using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OkrLinker.Core.Store;
using OkrLinker.Testing;

namespace OkrLinker.Core.Tests.Support;

/// <summary>
/// A real, empty store migrated like the worker does it: a SQLite file in a temp folder (deleted on dispose), or a
/// database of its own on the test run's PostgreSQL (<see cref="PostgresCluster"/>).
/// </summary>
public sealed class TempStore : IDbContextFactory<LinkerDbContext>, IDisposable
{
    private readonly string? folder;

    private TempStore(string provider, string connectionString, string? folder)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.folder = folder;
    }

    /// <summary><see cref="StoreProvider.Sqlite"/> or <see cref="StoreProvider.Postgres"/>.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The SQLite file (SQLite only).</summary>
    public string Path => System.IO.Path.Combine(folder ?? throw new InvalidOperationException("not a SQLite store"), "okrlinker.db");

    public static async Task<TempStore> CreateAsync(string provider = StoreProvider.Sqlite)
    {
        TempStore store;
        if (StoreProvider.IsPostgres(provider))
        {
            var cluster = await PostgresCluster.GetAsync();
            store = new TempStore(StoreProvider.Postgres, await cluster.CreateDatabaseAsync("store"), null);
        }
        else
        {
            var folder = Directory.CreateTempSubdirectory("okrlinker-store-").FullName;
            store = new TempStore(StoreProvider.Sqlite, $"Data Source={System.IO.Path.Combine(folder, "okrlinker.db")};Pooling=False", folder);
        }

        await new StoreInitializer(store).MigrateAsync(CancellationToken.None);
        return store;
    }

    public LinkerDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<LinkerDbContext>().UseStore(Provider, ConnectionString).Options);

    public void Dispose()
    {
        if (folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
