using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OkrLinker.Core.Store;
using OkrLinker.Core.Store.CompiledModel;

namespace OkrLinker.Core.Tests.Storage;

/// <summary>
/// The compiled model a SQLite context uses (Store/CompiledModel) describes the same store as the model EF Core builds
/// from <see cref="LinkerDbContext"/>'s <c>OnModelCreating</c>. When this fails, the model changed and the compiled one
/// was not regenerated: <c>dotnet dotnet-ef dbcontext optimize --project src/Linker.Core --output-dir Store/CompiledModel
/// --namespace OkrLinker.Core.Store.CompiledModel</c> (see CONTRIBUTING.md).
/// </summary>
public sealed class CompiledModelTests
{
    private const string Memory = "Data Source=:memory:";

    [Fact]
    public void A_sqlite_context_uses_the_compiled_model()
    {
        using var db = new LinkerDbContext(new DbContextOptionsBuilder<LinkerDbContext>().UseStore(StoreProvider.Sqlite, Memory).Options);

        Assert.IsType<LinkerDbContextModel>(db.Model);
    }

    [Fact]
    public void The_compiled_model_describes_the_model_built_from_OnModelCreating()
    {
        using var built = new LinkerDbContext(new DbContextOptionsBuilder<LinkerDbContext>().UseSqlite(Memory).Options);
        using var compiled = new LinkerDbContext(new DbContextOptionsBuilder<LinkerDbContext>().UseStore(StoreProvider.Sqlite, Memory).Options);

        Assert.IsNotType<LinkerDbContextModel>(built.Model);
        Assert.Equal(Describe(built.Model), Describe(compiled.Model));
    }

    [Fact]
    public void The_description_covers_tables_columns_keys_indexes_and_converters()
    {
        using var built = new LinkerDbContext(new DbContextOptionsBuilder<LinkerDbContext>().UseSqlite(Memory).Options);

        var metricSamples = Describe(built.Model)
            .Split('\n')
            .SkipWhile(line => line != "entity OkrLinker.Core.Store.MetricSampleRow table metric_samples")
            .TakeWhile(line => line.Length == 0 || line[0] == ' ' || line.Contains("MetricSampleRow", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(
            string.Join('\n', [
                "entity OkrLinker.Core.Store.MetricSampleRow table metric_samples",
                "  property At System.DateTimeOffset column At INTEGER not null converter DateTimeOffsetToBinaryConverter provider System.Int64 mapping LongTypeMapping generated Never",
                "  property Id System.Int64 column Id INTEGER not null converter - provider System.Int64 mapping LongTypeMapping generated OnAdd",
                "  property KrId System.String column KrId TEXT not null converter - provider System.String mapping SqliteStringTypeMapping generated Never",
                "  property Provider System.String column Provider TEXT not null converter - provider System.String mapping SqliteStringTypeMapping generated Never",
                "  property PulledAt System.DateTimeOffset column PulledAt INTEGER not null converter DateTimeOffsetToBinaryConverter provider System.Int64 mapping LongTypeMapping generated Never",
                "  property Query System.String column Query TEXT not null converter - provider System.String mapping SqliteStringTypeMapping generated Never",
                "  property Value System.Double column Value REAL not null converter - provider System.Double mapping DoubleTypeMapping generated Never",
                "  key Id primary",
                "  index KrId,At unique IX_metric_samples_KrId_At",
            ]),
            string.Join('\n', metricSamples));
    }

    [Fact]
    public void A_postgres_context_builds_its_own_model_with_its_own_converters()
    {
        using var db = new LinkerDbContext(
            new DbContextOptionsBuilder<LinkerDbContext>().UseStore(StoreProvider.Postgres, "Host=localhost;Database=okrlinker").Options);

        Assert.IsNotType<LinkerDbContextModel>(db.Model);
        var takenAt = db.Model.FindEntityType(typeof(WeeklySnapshotRow))!.FindProperty(nameof(WeeklySnapshotRow.TakenAt))!;
        Assert.IsType<UtcDateTimeOffsetConverter>(takenAt.GetTypeMapping().Converter);
    }

    // One line per entity, property, key, index and foreign key, in name order: what the store's schema and EF Core's
    // reads and writes depend on. One string, so a failure shows the lines that differ.
    private static string Describe(IModel model)
    {
        var lines = new List<string>();
        foreach (var entity in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            lines.Add($"entity {entity.Name} table {Qualified(entity.GetSchema(), entity.GetTableName())}");
            foreach (var property in entity.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                var mapping = property.GetRelationalTypeMapping();
                var line = new StringBuilder();
                line.Append(CultureInfo.InvariantCulture, $"  property {property.Name} {property.ClrType} ");
                line.Append(CultureInfo.InvariantCulture, $"column {property.GetColumnName(table)} {property.GetColumnType(table)} ");
                line.Append(property.IsColumnNullable(table) ? "null" : "not null");
                line.Append(CultureInfo.InvariantCulture, $" converter {(property.GetValueConverter() ?? mapping.Converter)?.GetType().Name ?? "-"}");
                line.Append(CultureInfo.InvariantCulture, $" provider {property.GetProviderClrType() ?? mapping.Converter?.ProviderClrType ?? property.ClrType}");
                line.Append(CultureInfo.InvariantCulture, $" mapping {mapping.GetType().Name} generated {property.ValueGenerated}");
                line.Append(Extras(property, table));
                lines.Add(line.ToString());
            }

            foreach (var key in entity.GetKeys().OrderBy(k => Columns(k.Properties), StringComparer.Ordinal))
            {
                lines.Add($"  key {Columns(key.Properties)}{(key.IsPrimaryKey() ? " primary" : string.Empty)}");
            }

            foreach (var index in entity.GetIndexes().OrderBy(i => Columns(i.Properties), StringComparer.Ordinal))
            {
                lines.Add($"  index {Columns(index.Properties)}{(index.IsUnique ? " unique" : string.Empty)} {index.GetDatabaseName(table)}"
                    + (index.GetFilter(table) is { } filter ? $" where {filter}" : string.Empty));
            }

            foreach (var foreignKey in entity.GetForeignKeys().OrderBy(f => Columns(f.Properties), StringComparer.Ordinal))
            {
                lines.Add($"  foreign key {Columns(foreignKey.Properties)} -> {foreignKey.PrincipalEntityType.Name}({Columns(foreignKey.PrincipalKey.Properties)}) {foreignKey.DeleteBehavior}");
            }
        }

        return string.Join('\n', lines);
    }

    // What a column rarely has; named only when set, so the lines above stay short.
    private static string Extras(IProperty property, StoreObjectIdentifier table)
    {
        var extras = new StringBuilder();
        if (property.GetMaxLength() is { } maxLength)
        {
            extras.Append(CultureInfo.InvariantCulture, $" max {maxLength}");
        }

        if (property.IsConcurrencyToken)
        {
            extras.Append(" concurrency");
        }

        if (property.GetDefaultValueSql(table) is { } defaultSql)
        {
            extras.Append(CultureInfo.InvariantCulture, $" default sql {defaultSql}");
        }

        if (property.GetComputedColumnSql(table) is { } computed)
        {
            extras.Append(CultureInfo.InvariantCulture, $" computed {computed}");
        }

        return extras.ToString();
    }

    private static string Columns(IEnumerable<IProperty> properties) => string.Join(',', properties.Select(p => p.Name));

    private static string Qualified(string? schema, string? table) => schema is null ? table ?? "-" : $"{schema}.{table}";
}
