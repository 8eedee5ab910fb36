using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace OkrLinker.Core.Store;

/// <summary>Brings the store's schema up to date; every verb that touches the store calls it first.</summary>
public sealed class StoreInitializer(IDbContextFactory<LinkerDbContext> dbFactory)
{
    // Any constant the nodes agree on; "okrlinkr" in ASCII, so it is recognisable in pg_locks.
    private const long MigrationLock = 0x6F6B726C696E6B72;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await MigratePostgresAsync(db, cancellationToken);
            return;
        }

        await db.Database.MigrateAsync(cancellationToken);

        // Write-ahead logging lets the web endpoints and the report read while syncs commit,
        // instead of every commit waiting for readers to finish.
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    // Several nodes may start at once on an empty database. A session-level advisory lock, held on a connection of
    // its own for the whole migration, lets one node migrate while the others wait; they then find nothing to apply.
    // The lock ends with its connection, so a node that dies mid-migration does not leave it taken.
    private static async Task MigratePostgresAsync(LinkerDbContext db, CancellationToken cancellationToken)
    {
        await using var gate = new NpgsqlConnection(db.Database.GetConnectionString());
        await gate.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLock})", gate))
        {
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            // Made first, so migrating an empty database does not log a failed read of the missing history table.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLock})", gate);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
