using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
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

        // Every verb starts here, and on a store that is already current EF's migrator still takes its lock, builds
        // the migrations and compares the model with the snapshot: about a third of a second of a CLI verb's start-up.
        // A store whose history holds every migration of this build has nothing to apply, so it is left as it is.
        // The clustered worker's extra DDL always takes the locked path below.
        if (alsoOnPostgres.Count == 0 && await IsCurrentAsync(db, cancellationToken))
        {
            await UseWriteAheadLogAsync(db, cancellationToken);
            return;
        }

        if (db.Database.IsNpgsql())
        {
            await MigratePostgresAsync(db, alsoOnPostgres, cancellationToken);
            return;
        }

        await db.Database.MigrateAsync(cancellationToken);
        await UseWriteAheadLogAsync(db, cancellationToken);
    }

    /// <summary>
    /// True when the database exists and its history holds every migration of this build. Read without PostgreSQL's
    /// migration lock: a node migrating meanwhile commits each migration with its history row, so a history that holds
    /// the last one describes a finished schema, and one that does not sends this node to wait for the lock.
    /// </summary>
    private static async Task<bool> IsCurrentAsync(LinkerDbContext db, CancellationToken cancellationToken)
    {
        var known = db.Database.GetMigrations().ToList();
        if (known.Count == 0
            || !await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
        {
            return false;
        }

        if (db.Database.IsSqlite())
        {
            return known.TrueForAll((await AppliedOnSqliteAsync(db, cancellationToken)).Contains);
        }

        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(cancellationToken))
        {
            return false;
        }

        var applied = (await history.GetAppliedMigrationsAsync(cancellationToken)).Select(m => m.MigrationId).ToHashSet(StringComparer.Ordinal);
        return known.TrueForAll(applied.Contains);
    }

    // The history's migration ids (none without the table) in plain SQL: EF Core's history repository builds a model of
    // its table first, a good part of what a current store's check cost a short verb.
    private static async Task<HashSet<string>> AppliedOnSqliteAsync(LinkerDbContext db, CancellationToken cancellationToken)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using (var table = await RawSql.ReadAsync(
                db,
                "SELECT \"name\" FROM \"sqlite_master\" WHERE \"type\" = 'table' AND \"name\" = {0}",
                [new SqliteParameter("@history", HistoryRepository.DefaultTableName)],
                cancellationToken))
            {
                if (!await table.DbDataReader.ReadAsync(cancellationToken))
                {
                    return applied;
                }
            }

            await using var rows = await RawSql.ReadAsync(
                db, $"SELECT \"MigrationId\" FROM \"{HistoryRepository.DefaultTableName}\"", [], cancellationToken);
            while (await rows.DbDataReader.ReadAsync(cancellationToken))
            {
                applied.Add(rows.DbDataReader.GetString(0));
            }

            return applied;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // Write-ahead logging lets the web endpoints and the report read while syncs commit, instead of every commit
    // waiting for readers to finish. The mode is kept in the file; setting it again costs nothing.
    private static async Task UseWriteAheadLogAsync(LinkerDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await RawSql.ExecuteAsync(db, "PRAGMA journal_mode=WAL;", [], cancellationToken);
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
