using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OkrLinker.Core.Store;

namespace OkrLinker.Bench;

/// <summary>A migrated SQLite file in a temp folder, deleted on dispose; the store the worker would use.</summary>
internal sealed class BenchStore : IDbContextFactory<LinkerDbContext>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("okrlinker-bench-store-").FullName;

    private BenchStore()
    {
    }

    public static async Task<BenchStore> CreateAsync(CancellationToken cancellationToken)
    {
        var store = new BenchStore();
        await new StoreInitializer(store).MigrateAsync(cancellationToken);
        return store;
    }

    public LinkerDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<LinkerDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "okrlinker.db")}").Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
