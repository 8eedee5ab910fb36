using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OkrLinker.Core.Store;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Sync;

/// <summary>
/// <see cref="StoreInitializer"/> leaves a current store alone (no migration lock, no DDL) and still migrates one that
/// lacks a migration of this build.
/// </summary>
public abstract class StoreInitializerTests(string provider) : IAsyncLifetime
{
    private TempStore store = null!;

    public async Task InitializeAsync() => store = await TempStore.CreateAsync(provider);

    public Task DisposeAsync()
    {
        store.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_current_store_is_only_read_no_migration_lock_taken_and_no_schema_touched()
    {
        var recorder = new CommandRecorder();

        await new StoreInitializer(new RecordingFactory(store, recorder)).MigrateAsync(CancellationToken.None);

        Assert.NotEmpty(recorder.Commands);
        Assert.DoesNotContain(recorder.Commands, c => c.Contains("__EFMigrationsLock", StringComparison.Ordinal));
        Assert.DoesNotContain(recorder.Commands, c => c.Contains("CREATE ", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(recorder.Commands, c => c.Contains("INSERT ", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(AllMigrations(), await AppliedAsync());
    }

    [Fact]
    public async Task A_store_one_migration_behind_is_migrated_to_the_last()
    {
        var all = AllMigrations();
        await using (var db = store.CreateDbContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(all[^2]);
        }

        Assert.Equal(all[..^1], await AppliedAsync());

        await new StoreInitializer(store).MigrateAsync(CancellationToken.None);

        Assert.Equal(all, await AppliedAsync());
    }

    private List<string> AllMigrations()
    {
        using var db = store.CreateDbContext();
        return [.. db.Database.GetMigrations()];
    }

    private async Task<List<string>> AppliedAsync()
    {
        await using var db = store.CreateDbContext();
        return [.. await db.Database.GetAppliedMigrationsAsync()];
    }

    private sealed class RecordingFactory(TempStore store, CommandRecorder recorder) : IDbContextFactory<LinkerDbContext>
    {
        public LinkerDbContext CreateDbContext() =>
            new(new DbContextOptionsBuilder<LinkerDbContext>().UseStore(store.Provider, store.ConnectionString).AddInterceptors(recorder).Options);
    }

    private sealed class CommandRecorder : DbCommandInterceptor
    {
        public List<string> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Commands.Add(command.CommandText);
            return result;
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Commands.Add(command.CommandText);
            return result;
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Commands.Add(command.CommandText);
            return result;
        }
    }
}

/// <summary>The suite on a SQLite file.</summary>
public sealed class StoreInitializerOnSqliteTests() : StoreInitializerTests(StoreProvider.Sqlite);

/// <summary>The suite on PostgreSQL.</summary>
public sealed class StoreInitializerOnPostgresTests() : StoreInitializerTests(StoreProvider.Postgres);
