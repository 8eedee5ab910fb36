using Microsoft.EntityFrameworkCore;

namespace OkrLinker.Core.Store;

/// <summary>Brings the store's schema up to date; every verb that touches the store calls it first.</summary>
public sealed class StoreInitializer(IDbContextFactory<LinkerDbContext> dbFactory)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);

        // Write-ahead logging lets the web endpoints and the report read while syncs commit,
        // instead of every commit waiting for readers to finish.
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
