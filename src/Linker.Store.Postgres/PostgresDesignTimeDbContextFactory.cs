using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using OkrLinker.Core.Store;

namespace OkrLinker.Store.Postgres;

/// <summary>
/// Lets <c>dotnet ef migrations add … --project src/Linker.Store.Postgres</c> build the PostgreSQL model; adding a
/// migration needs no database, so the connection string is never opened.
/// </summary>
internal sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<LinkerDbContext>
{
    public LinkerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<LinkerDbContext>().UseStore(StoreProvider.Postgres, "Host=localhost;Database=okrlinker").Options);
}
