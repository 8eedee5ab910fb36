using Microsoft.EntityFrameworkCore;

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

    /// <summary>Points <paramref name="builder"/> at <paramref name="connectionString"/> on <paramref name="provider"/>.</summary>
    public static DbContextOptionsBuilder UseStore(this DbContextOptionsBuilder builder, string provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return IsPostgres(provider)
            ? builder.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly))
            : builder.UseSqlite(connectionString);
    }

    /// <inheritdoc cref="UseStore(DbContextOptionsBuilder, string, string)"/>
    public static DbContextOptionsBuilder<LinkerDbContext> UseStore(this DbContextOptionsBuilder<LinkerDbContext> builder, string provider, string connectionString)
    {
        UseStore((DbContextOptionsBuilder)builder, provider, connectionString);
        return builder;
    }
}
