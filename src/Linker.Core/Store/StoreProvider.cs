using Microsoft.EntityFrameworkCore;
using OkrLinker.Core.Store.CompiledModel;

namespace OkrLinker.Core.Store;

/// <summary>The databases the store runs on (<c>Store:Provider</c>) and how a context is pointed at one of them.</summary>
public static class StoreProvider
{
    public const string Sqlite = "Sqlite";

    public const string Postgres = "Postgres";

    /// <summary>
    /// The assembly that holds the PostgreSQL migrations (SQLite's stay in Core under Store/Migrations): each provider
    /// has its own, since a migration is written in its database's types.
    /// </summary>
    public const string PostgresMigrationsAssembly = "Linker.Store.Postgres";

    public static bool IsPostgres(string provider) => string.Equals(provider, Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Points <paramref name="builder"/> at <paramref name="connectionString"/> on <paramref name="provider"/>. On SQLite
    /// the context uses the compiled model in Store/CompiledModel: EF Core would otherwise build the model from
    /// <see cref="LinkerDbContext"/>'s <c>OnModelCreating</c> on each process's first context, a quarter of a second of
    /// every CLI verb's start-up. PostgreSQL's model is still built (its converters differ; a worker builds it once).
    /// </summary>
    public static DbContextOptionsBuilder UseStore(this DbContextOptionsBuilder builder, string provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return IsPostgres(provider)
            ? builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly))
            : builder.UseSqlite(connectionString).UseModel(LinkerDbContextModel.Instance);
    }

    /// <inheritdoc cref="UseStore(DbContextOptionsBuilder, string, string)"/>
    public static DbContextOptionsBuilder<LinkerDbContext> UseStore(this DbContextOptionsBuilder<LinkerDbContext> builder, string provider, string connectionString)
    {
        UseStore((DbContextOptionsBuilder)builder, provider, connectionString);
        return builder;
    }
}
