using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OkrLinker.Core.Store;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without the worker's host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<LinkerDbContext>
{
    public LinkerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<LinkerDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
