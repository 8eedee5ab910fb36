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

    public Task MigrateAsync(CancellationToken cancellationToken) => MigrateAsync(alsoOnPostgres: [], cancellationToken);

    /// <param name="alsoOnPostgres">
    /// More DDL for PostgreSQL, run after the migrations under the same lock: the clustered schedule's tables, whose own
    /// <c>CREATE ... IF NOT EXISTS</c> is not safe when nodes run it at the same moment on an empty database.
    /// </param>
    public async Task MigrateAsync(IReadOnlyList<string> alsoOnPostgres, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alsoOnPostgres);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await MigratePostgresAsync(db, alsoOnPostgres, cancellationToken);
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
    private static async Task MigratePostgresAsync(LinkerDbContext db, IReadOnlyList<string> alsoOnPostgres, CancellationToken cancellationToken)
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
            foreach (var statement in alsoOnPostgres)
            {
                await using var ddl = new NpgsqlCommand(statement, gate);
                await ddl.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLock})", gate);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
