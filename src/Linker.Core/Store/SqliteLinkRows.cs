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
/// The stored links are scanned through a raw statement in row order. This writer inserts in item order, so as long as
/// nothing changed the rows come back in exactly the order of the wanted links: they are compared one by one as bytes,
/// with no lookup and no string made (a repeated report), and an empty table (the first report after a sync) is simply
/// filled. From the first row that differs on, the rest are matched through a dictionary of the remaining wanted links.
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
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var wanted = WantedLinks(items);
        using var stored = new SqliteStatement(connection, "SELECT \"Source\", \"ExternalId\", \"KrId\", \"Reason\", \"Via\" FROM links");
        var matched = 0;
        var more = stored.Read();
        while (more && matched < wanted.Count && Same(stored, wanted[matched]))
        {
            matched++;
            more = stored.Read();
        }

        cancellationToken.ThrowIfCancellationRequested();
        using var insert = new SqliteStatement(connection, "INSERT INTO links (\"Source\", \"ExternalId\", \"KrId\", \"Reason\", \"Via\") VALUES (?1, ?2, ?3, ?4, ?5)");
        if (!more)
        {
            // Every stored row is the same as a wanted one, in order: what is left of the wanted links is new.
            for (var i = matched; i < wanted.Count; i++)
            {
                Write(insert, wanted[i]);
            }

            return;
        }

        ReplaceRest(connection, stored, CollectionsMarshal.AsSpan(wanted)[matched..], insert, cancellationToken);
    }

    // The stored rows from the current one on against the wanted links left: looked up by key.
    private static void ReplaceRest(
        SqliteConnection connection, SqliteStatement stored, ReadOnlySpan<Wanted> rest, SqliteStatement insert, CancellationToken cancellationToken)
    {
        var byKey = new Dictionary<(string Source, string ExternalId, string KrId), (int At, byte State)>(rest.Length);
        for (var i = 0; i < rest.Length; i++)
        {
            byKey.TryAdd((rest[i].Source, rest[i].ExternalId, rest[i].Link.KrId), (i, NotStored));
        }

        var gone = new List<(string Source, string ExternalId, string KrId)>();
        var pool = new StringPool();
        do
        {
            var key = (pool.Get(stored.Utf8Column(0)), Encoding.UTF8.GetString(stored.Utf8Column(1)), pool.Get(stored.Utf8Column(2)));
            ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(byKey, key);
            if (Unsafe.IsNullRef(ref entry))
            {
                gone.Add(key);
                continue;
            }

            entry.State = SameValues(stored, rest[entry.At].Link) ? StoredSame : StoredOther;
        }
        while (stored.Read());

        cancellationToken.ThrowIfCancellationRequested();
        using var update = new SqliteStatement(connection, "UPDATE links SET \"Reason\" = ?4, \"Via\" = ?5 WHERE \"Source\" = ?1 AND \"ExternalId\" = ?2 AND \"KrId\" = ?3");
        using var delete = new SqliteStatement(connection, "DELETE FROM links WHERE \"Source\" = ?1 AND \"ExternalId\" = ?2 AND \"KrId\" = ?3");
        foreach (var link in rest)
        {
            ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(byKey, (link.Source, link.ExternalId, link.Link.KrId));
            if (entry.State == StoredSame)
            {
                continue;
            }

            Write(entry.State == NotStored ? insert : update, link);

            // Written once, even if two items held the same key.
            entry.State = StoredSame;
        }

        foreach (var (source, externalId, krId) in gone)
        {
            Bind(delete, source, externalId, krId);
            delete.Execute();
        }
    }

    // The links to store, in item order; a KR an item holds twice is stored once, as it came first.
    private static List<Wanted> WantedLinks(IReadOnlyList<LinkedItem> list)
    {
        // By index from the linker's decisions: no LinkedItem is made for this (LinkedItems).
        var items = LinkedItems.Of(list);
        var count = 0;
        for (var n = 0; n < items.Count; n++)
        {
            count += items.LinksAt(n).Count;
        }

        var wanted = new List<Wanted>(count);
        for (var n = 0; n < items.Count; n++)
        {
            var links = items.LinksAt(n);
            if (links.Count == 0)
            {
                continue;
            }

            var item = items.ItemAt(n);
            for (var i = 0; i < links.Count; i++)
            {
                if (!HeldBefore(links, i))
                {
                    wanted.Add(new Wanted(item.Source, item.ExternalId, links[i]));
                }
            }
        }

        return wanted;
    }

    private static bool HeldBefore(IReadOnlyList<ItemLink> links, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (links[i].KrId == links[index].KrId)
            {
                return true;
            }
        }

        return false;
    }

    private static void Write(SqliteStatement statement, Wanted link)
    {
        Bind(statement, link.Source, link.ExternalId, link.Link.KrId);
        statement.Text(4, ReasonNames[link.Link.Reason]);
        statement.Text(5, link.Link.Via);
        statement.Execute();
    }

    private static bool Same(SqliteStatement stored, Wanted link) =>
        Equal(stored.Utf8Column(1), link.ExternalId)
        && Equal(stored.Utf8Column(2), link.Link.KrId)
        && Equal(stored.Utf8Column(0), link.Source)
        && SameValues(stored, link.Link);

    private static bool SameValues(SqliteStatement stored, ItemLink link)
    {
        if (!Equal(stored.Utf8Column(3), ReasonNames[link.Reason]))
        {
            return false;
        }

        return link.Via is null ? stored.IsNull(4) : !stored.IsNull(4) && Equal(stored.Utf8Column(4), link.Via);
    }

    // The stored UTF-8 bytes against a string, without making a string of them: ASCII (nearly every key) compared
    // byte for char, anything else encoded first.
    private static bool Equal(ReadOnlySpan<byte> utf8, string text)
    {
        if (utf8.Length == text.Length)
        {
            var i = 0;
            while (i < utf8.Length && utf8[i] < 0x80)
            {
                if (utf8[i] != text[i])
                {
                    // Everything before was ASCII and equal, so the encodings part here (a lead byte is never ASCII).
                    return false;
                }

                i++;
            }

            if (i == utf8.Length)
            {
                return true;
            }
        }

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

    private readonly record struct Wanted(string Source, string ExternalId, ItemLink Link);
}
