using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OkrLinker.Core.Linking;

namespace OkrLinker.Core.Store;

/// <summary>
/// Replaces the stored links on SQLite by writing only the difference: a relink of a million items
/// changes a handful of links, and rewriting all of them through EF Core took longer than the linking.
/// The stored links are scanned through a raw statement in row order and looked up among the wanted ones, which
/// hold the items' own strings: no row object, and of each stored link only its external id becomes a new string.
/// </summary>
internal static class SqliteLinkRows
{
    private const byte NotStored = 0;
    private const byte StoredSame = 1;
    private const byte StoredOther = 2;

    private static readonly Dictionary<LinkReason, string> ReasonNames = Enum.GetValues<LinkReason>().ToDictionary(r => r, r => r.ToString());

    /// <summary>
    /// Makes <c>links</c> hold exactly the links of <paramref name="items"/>; call inside a transaction. New and changed
    /// links are written in item order, then the links no item holds any more are deleted.
    /// </summary>
    public static void Replace(DbContext db, IReadOnlyList<LinkedItem> items, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var item in items)
        {
            count += item.Links.Count;
        }

        var wanted = new Dictionary<(string Source, string ExternalId, string KrId), (ItemLink Link, byte State)>(count);
        foreach (var item in items)
        {
            foreach (var link in item.Links)
            {
                wanted.TryAdd((item.Item.Source, item.Item.ExternalId, link.KrId), (link, NotStored));
            }
        }

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var gone = new List<(string Source, string ExternalId, string KrId)>();
        using (var stored = new SqliteStatement(connection, "SELECT \"Source\", \"ExternalId\", \"KrId\", \"Reason\", \"Via\" FROM links"))
        {
            var pool = new StringPool();
            while (stored.Read())
            {
                var key = (pool.Get(stored.Utf8Column(0)), Encoding.UTF8.GetString(stored.Utf8Column(1)), pool.Get(stored.Utf8Column(2)));
                ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(wanted, key);
                if (Unsafe.IsNullRef(ref entry))
                {
                    gone.Add(key);
                    continue;
                }

                entry.State = Same(stored, entry.Link) ? StoredSame : StoredOther;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        using var insert = new SqliteStatement(connection, "INSERT INTO links (\"Source\", \"ExternalId\", \"KrId\", \"Reason\", \"Via\") VALUES (?1, ?2, ?3, ?4, ?5)");
        using var update = new SqliteStatement(connection, "UPDATE links SET \"Reason\" = ?4, \"Via\" = ?5 WHERE \"Source\" = ?1 AND \"ExternalId\" = ?2 AND \"KrId\" = ?3");
        using var delete = new SqliteStatement(connection, "DELETE FROM links WHERE \"Source\" = ?1 AND \"ExternalId\" = ?2 AND \"KrId\" = ?3");
        foreach (var item in items)
        {
            foreach (var link in item.Links)
            {
                ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(wanted, (item.Item.Source, item.Item.ExternalId, link.KrId));
                if (entry.State == StoredSame || !ReferenceEquals(entry.Link, link))
                {
                    continue;
                }

                var write = entry.State == NotStored ? insert : update;
                Bind(write, item.Item.Source, item.Item.ExternalId, link.KrId);
                write.Text(4, ReasonNames[link.Reason]);
                write.Text(5, link.Via);
                write.Execute();

                // Written once, even if the item held the same KR twice.
                entry.State = StoredSame;
            }
        }

        foreach (var (source, externalId, krId) in gone)
        {
            Bind(delete, source, externalId, krId);
            delete.Execute();
        }
    }

    private static bool Same(SqliteStatement stored, ItemLink link)
    {
        if (!Equal(stored.Utf8Column(3), ReasonNames[link.Reason]))
        {
            return false;
        }

        return link.Via is null ? stored.IsNull(4) : !stored.IsNull(4) && Equal(stored.Utf8Column(4), link.Via);
    }

    // The stored UTF-8 bytes against a string, without making a string of them.
    private static bool Equal(ReadOnlySpan<byte> utf8, string text)
    {
        if (utf8.Length < text.Length || utf8.Length > Encoding.UTF8.GetMaxByteCount(text.Length))
        {
            return false;
        }

        var size = Encoding.UTF8.GetMaxByteCount(text.Length);
        Span<byte> buffer = size <= 512 ? stackalloc byte[size] : new byte[size];
        var length = Encoding.UTF8.GetBytes(text, buffer);
        return utf8.SequenceEqual(buffer[..length]);
    }

    private static void Bind(SqliteStatement statement, string source, string externalId, string krId)
    {
        statement.Text(1, source);
        statement.Text(2, externalId);
        statement.Text(3, krId);
    }
}
