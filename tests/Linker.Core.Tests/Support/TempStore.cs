using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OkrLinker.Core.Store;

namespace OkrLinker.Core.Tests.Support;

/// <summary>A real SQLite file in a temp folder, migrated like the worker does it, deleted on dispose.</summary>
public sealed class TempStore : IDbContextFactory<LinkerDbContext>, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("okrlinker-store-").FullName;

    private TempStore()
    {
    }

    public string Path => System.IO.Path.Combine(folder, "okrlinker.db");

    public static async Task<TempStore> CreateAsync()
    {
        var store = new TempStore();
        await new StoreInitializer(store).MigrateAsync(CancellationToken.None);
        return store;
    }

    public LinkerDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<LinkerDbContext>().UseSqlite($"Data Source={Path};Pooling=False").Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
