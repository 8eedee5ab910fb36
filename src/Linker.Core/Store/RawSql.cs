using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace OkrLinker.Core.Store;

/// <summary>
/// Plain SQL through EF Core's command pipeline: on the context's connection (opened and closed as EF Core does), seen
/// by its logging and interceptors, but with neither the model nor the LINQ query compiler, which a verb's first
/// query otherwise pays for (about a third of a second of a one-item <c>report</c>). Parameters are
/// <see cref="System.Data.Common.DbParameter"/>s named <c>@name</c>, placed in the text as <c>{0}</c>, <c>{1}</c>, ….
/// </summary>
internal static class RawSql
{
    public static async Task<RelationalDataReader> ReadAsync(DbContext db, string sql, object[] parameters, CancellationToken cancellationToken)
    {
        var command = db.GetService<IRawSqlCommandBuilder>().Build(sql, parameters);
        return await command.RelationalCommand.ExecuteReaderAsync(Parameters(db, command), cancellationToken);
    }

    public static async Task<int> ExecuteAsync(DbContext db, string sql, object[] parameters, CancellationToken cancellationToken)
    {
        var command = db.GetService<IRawSqlCommandBuilder>().Build(sql, parameters);
        return await command.RelationalCommand.ExecuteNonQueryAsync(Parameters(db, command), cancellationToken);
    }

    private static RelationalCommandParameterObject Parameters(DbContext db, RawSqlCommand command) =>
        new(
            db.GetService<IRelationalConnection>(),
            command.ParameterValues,
            readerColumns: null,
            db,
            db.GetService<IRelationalCommandDiagnosticsLogger>(),
            CommandSource.ExecuteSqlRaw);
}
