using System.Diagnostics;
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

    private long saveChangesTicks;

    public LinkerDbContext CreateDbContext()
    {
        var db = new LinkerDbContext(new DbContextOptionsBuilder<LinkerDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "okrlinker.db")}").Options);
        long started = 0;
        db.SavingChanges += (_, _) => started = Stopwatch.GetTimestamp();
        db.SavedChanges += (_, _) => Interlocked.Add(ref saveChangesTicks, Stopwatch.GetTimestamp() - started);
        return db;
    }

    /// <summary>The time spent in SaveChanges by every context since the last call (the engine's writes).</summary>
    public TimeSpan TakeSaveChangesTime() =>
        TimeSpan.FromSeconds(Interlocked.Exchange(ref saveChangesTicks, 0) / (double)Stopwatch.Frequency);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
