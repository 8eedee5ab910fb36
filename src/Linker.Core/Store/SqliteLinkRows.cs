using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace OkrLinker.Core.Store;

/// <summary>
/// Replaces the stored links on SQLite by writing only the difference: a relink of a million items
/// changes a handful of links, and rewriting all of them through EF Core took longer than the linking.
/// </summary>
internal static class SqliteLinkRows
{
    /// <summary>Makes <c>links</c> hold exactly <paramref name="links"/>; call inside a transaction.</summary>
    public static async Task ReplaceAsync(DbContext db, IEnumerable<LinkRow> links, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<(string Source, string ExternalId, string KrId), (string Reason, string? Via)>();
        await using (var command = db.Database.GetDbConnection().CreateCommand())
        {
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = "SELECT \"Source\", \"ExternalId\", \"KrId\", \"Reason\", \"Via\" FROM links";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                stored[(reader.GetString(0), reader.GetString(1), reader.GetString(2))] =
                    (reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4));
            }
        }

        using var insert = new SqliteStatement(db, "INSERT INTO links (\"Source\", \"ExternalId\", \"KrId\", \"Reason\", \"Via\") VALUES (?1, ?2, ?3, ?4, ?5)");
        using var update = new SqliteStatement(db, "UPDATE links SET \"Reason\" = ?4, \"Via\" = ?5 WHERE \"Source\" = ?1 AND \"ExternalId\" = ?2 AND \"KrId\" = ?3");
        using var delete = new SqliteStatement(db, "DELETE FROM links WHERE \"Source\" = ?1 AND \"ExternalId\" = ?2 AND \"KrId\" = ?3");
        foreach (var link in links)
        {
            var key = (link.Source, link.ExternalId, link.KrId);
            SqliteStatement? write = insert;
            if (stored.Remove(key, out var was))
            {
                write = string.Equals(was.Reason, link.Reason, StringComparison.Ordinal) && string.Equals(was.Via, link.Via, StringComparison.Ordinal)
                    ? null
                    : update;
            }

            if (write is not null)
            {
                Bind(write, key.Source, key.ExternalId, key.KrId);
                write.Text(4, link.Reason);
                write.Text(5, link.Via);
                write.Execute();
            }
        }

        foreach (var gone in stored.Keys)
        {
            Bind(delete, gone.Source, gone.ExternalId, gone.KrId);
            delete.Execute();
        }
    }

    private static void Bind(SqliteStatement statement, string source, string externalId, string krId)
    {
        statement.Text(1, source);
        statement.Text(2, externalId);
        statement.Text(3, krId);
    }
}
