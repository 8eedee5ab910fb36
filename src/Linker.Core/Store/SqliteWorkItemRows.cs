using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OkrLinker.Core.Store;

/// <summary>
/// Reads and writes <c>work_items</c> on SQLite with plain ADO.NET on the context's own connection and
/// transaction. EF Core's change tracker and materializer cost most of a million-item sync and report
/// (docs/benchmarks.md); here a row is one prepared statement or one reader row. Other providers keep
/// the EF Core path. The column list is checked against the EF Core model by a test.
/// </summary>
internal static class SqliteWorkItemRows
{
    private static readonly DateTimeOffsetToBinaryConverter Dates = new();
    private static readonly Func<DateTimeOffset, long> ToBinary = Dates.ConvertToProviderTyped;
    private static readonly Func<long, DateTimeOffset> FromBinary = Dates.ConvertFromProviderTyped;

    /// <summary>Every column of <c>work_items</c>, in the order the statements below bind and read them.</summary>
    public static readonly string[] Columns =
    [
        "Source", "ExternalId", "ScopeId", "Key", "Url", "Title", "Type", "State", "Category", "Team", "Project", "Area",
        "Iteration", "Components", "Labels", "KrValues", "ParentId", "ParentKey", "StoryPoints", "Created", "Updated",
        "Resolved", "Body", "Branch", "GoneAt", "ChangedAt", "LinkFacts",
    ];

    private static readonly string SelectList = string.Join(", ", Columns.Select(c => $"\"{c}\""));

    /// <summary>True when the context's provider is SQLite, where the fast path applies.</summary>
    public static bool Applies(DbContext db) => db.Database.IsSqlite();

    /// <summary>The stored rows of <paramref name="ids"/> of one source, untracked, in one query (the ids travel as one JSON parameter).</summary>
    public static async Task<Dictionary<string, WorkItemRow>> ReadAsync(
        DbContext db, string source, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, WorkItemRow>(ids.Count, StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return rows;
        }

        await using var command = Command(
            db,
            $"SELECT {SelectList} FROM work_items WHERE \"Source\" = $source AND \"ExternalId\" IN (SELECT value FROM json_each($ids))");
        command.Parameters.AddWithValue("$source", source);
        command.Parameters.AddWithValue("$ids", System.Text.Json.JsonSerializer.Serialize(ids));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = Read(reader);
            rows[row.ExternalId] = row;
        }

        return rows;
    }

    /// <summary>
    /// Every stored item, ordered by source and external id, straight from SQLite's row into the item: only the columns
    /// an item holds, no row object and no ADO.NET reader between, and the strings that repeat across a store (source,
    /// type, state, team, project, area, iteration, parent ids and keys, the stored lists) found in a
    /// <see cref="StringPool"/> from their UTF-8 bytes, so shared by every item that holds them and never made again.
    /// The table is scanned in its own row order (a range on each of two connections when it is large, each core
    /// reading half and putting it in key order) and the halves are merged in key order after (<see cref="StoreKeyOrder"/>). Gives what
    /// <see cref="WorkItemMapping.ToItem"/> of each row gives.
    /// </summary>
    /// <param name="parallelFrom">
    /// From how many rows a second connection reads the upper half; null: from <see cref="ParallelFrom"/> on two cores or more.
    /// </param>
    public static async Task<List<Items.WorkItem>> ReadAllItemsAsync(DbContext db, CancellationToken cancellationToken, int? parallelFrom = null)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var (lower, upper) = await ReadSplitAsync(
                connection, parallelFrom, (c, from, to, expected) => ReadRange(c, from, to, expected, stamp: null, cancellationToken), cancellationToken);
            var items = lower.Items;
            if (upper is not null)
            {
                StoreKeyOrder.MergeSorted<object?>(items, null, upper.Items, null);
            }

            return items;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// What the linker needs of every stored item, in (source, external id) order. When every row holds link facts
    /// stamped <paramref name="stamp"/>, only the columns the linker, the figures, the suggestions and the renderers read
    /// are read (no project, area, iteration, components or labels: the facts hold what linking took from them), with
    /// each row's facts. Otherwise every item as <see cref="ReadAllItemsAsync"/> reads it, no facts, and the rows whose
    /// facts are missing or stale, to be written again (<see cref="WriteLinkFacts"/>).
    /// </summary>
    /// <param name="plain">The one shared instance of facts that name nothing, by rule and BAU index.</param>
    public static async Task<StoredForLinking> ReadForLinkingAsync(
        DbContext db, string stamp, Func<int, int, Linking.LinkFacts> plain, CancellationToken cancellationToken, int? parallelFrom = null)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var stale = new StrongBox<bool>();
            var (lower, upper) = await ReadSplitAsync(
                connection, parallelFrom, (c, from, to, expected) => ReadFactsRange(c, from, to, expected, stamp, plain, stale, cancellationToken), cancellationToken);
            if (!stale.Value)
            {
                var items = lower.Items;
                var facts = lower.Facts!;
                if (upper is not null)
                {
                    StoreKeyOrder.MergeSorted(items, facts, upper.Items, upper.Facts);
                }

                return new StoredForLinking(items, facts, []);
            }

            // A row synced before facts were kept, or under another linking configuration: everything, the old way.
            (lower, upper) = await ReadSplitAsync(
                connection, parallelFrom, (c, from, to, expected) => ReadRange(c, from, to, expected, stamp, cancellationToken), cancellationToken);
            var all = lower.Items;
            var changedAt = lower.ChangedAt!;
            if (upper is not null)
            {
                StoreKeyOrder.MergeSorted(all, changedAt, upper.Items, upper.ChangedAt);
            }

            var toWrite = new List<(int Index, long ChangedAt)>();
            for (var i = 0; i < changedAt.Count; i++)
            {
                if (changedAt[i] is { } at)
                {
                    toWrite.Add((i, at));
                }
            }

            return new StoredForLinking(all, null, toWrite);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Every <c>field_values</c> row, as EF Core's untracked query of the whole set reads them (the same columns from the
    /// same table, so the same plan and row order), without building and compiling that query: on the report's path it
    /// was the process's first EF Core query, a few hundred milliseconds of CPU for a table that is mostly empty.
    /// </summary>
    public static async Task<List<FieldValueRow>> ReadFieldValuesAsync(DbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            using var rows = new SqliteStatement(db, "SELECT \"f\".\"Source\", \"f\".\"ScopeId\", \"f\".\"ExternalId\", \"f\".\"KrValues\" FROM \"field_values\" AS \"f\"");
            var read = new List<FieldValueRow>();
            while (rows.Read())
            {
                read.Add(new FieldValueRow
                {
                    Source = Encoding.UTF8.GetString(rows.Utf8Column(0)),
                    ScopeId = Encoding.UTF8.GetString(rows.Utf8Column(1)),
                    ExternalId = Encoding.UTF8.GetString(rows.Utf8Column(2)),
                    KrValues = Encoding.UTF8.GetString(rows.Utf8Column(3)),
                });
            }

            return read;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Stores each row's link facts, unless the row changed since it was read (then its sync wrote facts of its own).
    /// On the context's connection and transaction.
    /// </summary>
    public static int WriteLinkFacts(DbContext db, IEnumerable<(string Source, string ExternalId, long ChangedAt, string Facts)> rows, CancellationToken cancellationToken)
    {
        using var update = new SqliteStatement(
            db, "UPDATE work_items SET \"LinkFacts\" = ?3 WHERE \"Source\" = ?1 AND \"ExternalId\" = ?2 AND \"ChangedAt\" = ?4");
        var written = 0;
        foreach (var (source, externalId, changedAt, facts) in rows)
        {
            if ((written & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            update.Text(1, source);
            update.Text(2, externalId);
            update.Text(3, facts);
            update.Int64(4, changedAt);
            written += update.Execute();
        }

        return written;
    }

    /// <summary>What <see cref="ReadForLinkingAsync"/> read.</summary>
    /// <param name="Facts">Each item's stored facts; null when some row had none under the current stamp.</param>
    /// <param name="Stale">The items (by index) whose stored facts are missing or stale, with the row's ChangedAt as read.</param>
    internal sealed record StoredForLinking(List<Items.WorkItem> Items, List<Linking.LinkFacts>? Facts, List<(int Index, long ChangedAt)> Stale);

    // The rows of one rowid range: the items, and beside each its facts or, for a stale row, its ChangedAt.
    private sealed record Chunk(List<Items.WorkItem> Items, List<Linking.LinkFacts>? Facts = null, List<long?>? ChangedAt = null);

    // The lower rowid half and the upper one each on a read-only connection of its own when the table is large, one per
    // core (the store is a file, so they see the same rows; a row inserted meanwhile has a higher rowid and lands in the
    // open-ended upper range, or in neither); a store that is no file is read on the context's connection.
    private static async Task<(Chunk Lower, Chunk? Upper)> ReadSplitAsync(
        SqliteConnection connection, int? parallelFrom, Func<SQLitePCL.sqlite3, long, long, long, Chunk> read, CancellationToken cancellationToken)
    {
        var splitFrom = parallelFrom ?? (Environment.ProcessorCount < 2 ? long.MaxValue : ParallelFrom);
        var (first, last, count) = RowIds(connection);
        if (count < splitFrom || count < 2)
        {
            return (read(connection.Handle!, long.MinValue, long.MaxValue, count), null);
        }

        var middle = first + ((last - first) / 2);
        var upper = Task.Run(
            () =>
            {
                using var own = SqliteReadConnection.To(connection);
                if (own is not null)
                {
                    return read(own.Handle, middle + 1, long.MaxValue, count / 2);
                }

                using var shared = new SqliteConnection(connection.ConnectionString);
                shared.Open();
                return read(shared.Handle!, middle + 1, long.MaxValue, count / 2);
            },
            cancellationToken);
        using (var own = SqliteReadConnection.To(connection))
        {
            var lower = read(own?.Handle ?? connection.Handle!, long.MinValue, middle, count);
            return (lower, await upper);
        }
    }

    // Below this many rows one connection reads them all: a second one costs more than it saves.
    private const int ParallelFrom = 100_000;

    private static (long First, long Last, long Count) RowIds(SqliteConnection connection)
    {
        using var bounds = new SqliteStatement(connection, "SELECT min(rowid), max(rowid), count(*) FROM work_items");
        bounds.Read();
        var result = (bounds.Int64Column(0), bounds.Int64Column(1), bounds.Int64Column(2));
        while (bounds.Read())
        {
        }

        return result;
    }

    // With a stamp, also each row's ChangedAt when its facts are missing or not of that stamp (null when they are).
    private static Chunk ReadRange(SQLitePCL.sqlite3 connection, long from, long to, long expected, string? stamp, CancellationToken cancellationToken)
    {
        var select = stamp is null ? ItemSelectList : $"{ItemSelectList}, \"LinkFacts\", \"ChangedAt\"";
        using var rows = new SqliteStatement(connection, $"SELECT {select} FROM work_items WHERE rowid BETWEEN ?1 AND ?2");
        rows.Int64(1, from);
        rows.Int64(2, to);
        var capacity = (int)Math.Min(expected, int.MaxValue / 2);
        var items = new List<Items.WorkItem>(capacity);
        var changedAt = stamp is null ? null : new List<long?>(capacity);
        var stampBytes = stamp is null ? null : Encoding.UTF8.GetBytes(stamp);
        var pool = new StringPool();
        var lists = new ListPool();
        while (rows.Read())
        {
            if ((items.Count & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            items.Add(ReadItem(rows, pool, lists));
            if (changedAt is not null)
            {
                changedAt.Add(!rows.IsNull(ItemColumnCount) && HasStamp(rows.Utf8Column(ItemColumnCount), stampBytes!) ? null : rows.Int64Column(ItemColumnCount + 1));
            }
        }

        // Each half is put in key order on its own thread; the two are merged after (ReadSplitAsync's callers).
        StoreKeyOrder.Sort(items, changedAt);
        return new Chunk(items, ChangedAt: changedAt);
    }

    // The columns of an item (no ScopeId, no ChangedAt, no LinkFacts), in the order ReadItem reads them.
    private static readonly string[] ItemColumns = [.. Columns.Where(c => c is not "ScopeId" and not "ChangedAt" and not "LinkFacts")];
    private static readonly string ItemSelectList = string.Join(", ", ItemColumns.Select(c => $"\"{c}\""));
    private static readonly int ItemColumnCount = ItemColumns.Length;

    // The stored value names the stamp's configuration (LinkFactsCodec: the stamp alone, or the stamp and a separator).
    private static bool HasStamp(ReadOnlySpan<byte> stored, ReadOnlySpan<byte> stamp) =>
        stored.StartsWith(stamp) && (stored.Length == stamp.Length || stored[stamp.Length] == (byte)'|');

    // The columns the linker, figures, suggestions and renderers read of an item, then its facts, in ReadLinkingItem's order.
    private static readonly string FactsSelectList = string.Join(
        ", ",
        new[]
        {
            "Source", "ExternalId", "Key", "Url", "Title", "Type", "State", "Category", "Team", "KrValues", "ParentId", "ParentKey",
            "StoryPoints", "Created", "Updated", "Resolved", "Body", "Branch", "GoneAt", "LinkFacts",
        }.Select(c => $"\"{c}\""));

    // Stops at the first row without facts of the stamp (and tells the other half to stop): the caller then reads it all.
    private static Chunk ReadFactsRange(
        SQLitePCL.sqlite3 connection,
        long from,
        long to,
        long expected,
        string stamp,
        Func<int, int, Linking.LinkFacts> plain,
        StrongBox<bool> stale,
        CancellationToken cancellationToken)
    {
        using var rows = new SqliteStatement(connection, $"SELECT {FactsSelectList} FROM work_items WHERE rowid BETWEEN ?1 AND ?2");
        rows.Int64(1, from);
        rows.Int64(2, to);
        var capacity = (int)Math.Min(expected, int.MaxValue / 2);
        var items = new List<Items.WorkItem>(capacity);
        var facts = new List<Linking.LinkFacts>(capacity);
        var pool = new StringPool();
        var lists = new ListPool();
        var known = new FactsPool(stamp, plain);
        while (rows.Read())
        {
            if ((items.Count & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (stale.Value)
                {
                    break;
                }
            }

            if (rows.IsNull(19) || known.Get(rows.Utf8Column(19)) is not { } rowFacts)
            {
                stale.Value = true;
                break;
            }

            items.Add(ReadLinkingItem(rows, pool, lists));
            facts.Add(rowFacts);
        }

        // Each half is put in key order on its own thread (not worth it once a stale row means all is read again).
        if (!stale.Value)
        {
            StoreKeyOrder.Sort(items, facts);
        }

        return new Chunk(items, facts);
    }

    // ReadItem without the columns linking takes from the stored facts (labels, components, project, area, iteration).
    private static Items.WorkItem ReadLinkingItem(SqliteStatement row, StringPool pool, ListPool lists)
    {
        var externalId = Encoding.UTF8.GetString(row.Utf8Column(1));
        var keyBytes = row.Utf8Column(2);
        return new()
        {
            Source = pool.Get(row.Utf8Column(0)),
            ExternalId = externalId,
            Key = keyBytes.SequenceEqual(row.Utf8Column(1)) ? externalId : Encoding.UTF8.GetString(keyBytes),
            Url = StringOrNull(row, 3),
            Title = Encoding.UTF8.GetString(row.Utf8Column(4)),
            Type = pool.Get(row.Utf8Column(5)),
            State = pool.Get(row.Utf8Column(6)),
            Category = WorkItemMapping.ReadCategory(pool.Get(row.Utf8Column(7))),
            Team = pool.Get(row.Utf8Column(8)),
            KrValues = lists.Get(row.Utf8Column(9)),
            ParentId = PooledOrNull(row, 10, pool),
            ParentKey = PooledOrNull(row, 11, pool),
            StoryPoints = row.IsNull(12) ? null : row.DoubleColumn(12),
            Created = FromBinary(row.Int64Column(13)),
            Updated = FromBinary(row.Int64Column(14)),
            Resolved = DateOrNull(row, 15),
            Body = StringOrNull(row, 16),
            Branch = StringOrNull(row, 17),
            GoneAt = DateOrNull(row, 18),
        };
    }

    /// <summary>Stored facts read once per distinct value: most rows hold one of a handful (the stamp, the stamp and a BAU rule).</summary>
    private sealed class FactsPool(string stamp, Func<int, int, Linking.LinkFacts> plain)
    {
        private const int MaxValues = 100_000;

        private readonly Dictionary<string, Linking.LinkFacts> facts = new(StringComparer.Ordinal);
        private readonly byte[] stampBytes = Encoding.UTF8.GetBytes(stamp);

        public Linking.LinkFacts? Get(ReadOnlySpan<byte> utf8)
        {
            if (!HasStamp(utf8, stampBytes))
            {
                return null;
            }

            // The stamp alone (most rows): names nothing, matches no rule.
            if (utf8.Length == stampBytes.Length)
            {
                return plain(-1, -1);
            }

            var chars = utf8.Length <= 256 ? stackalloc char[utf8.Length] : new char[utf8.Length];
            var text = chars[..Encoding.UTF8.GetChars(utf8, chars)];
            var byChars = facts.GetAlternateLookup<ReadOnlySpan<char>>();
            if (byChars.TryGetValue(text, out var shared))
            {
                return shared;
            }

            var read = Linking.LinkFactsCodec.Decode(text, stamp, plain);
            if (read is not null && facts.Count < MaxValues)
            {
                facts.Add(new string(text), read);
            }

            return read;
        }
    }

    // A file export's id is its key: one string for both. Siblings name the same parent: one string for all of them.
    private static Items.WorkItem ReadItem(SqliteStatement row, StringPool pool, ListPool lists)
    {
        var externalId = Encoding.UTF8.GetString(row.Utf8Column(1));
        var keyBytes = row.Utf8Column(2);
        return new()
        {
            Source = pool.Get(row.Utf8Column(0)),
            ExternalId = externalId,
            Key = keyBytes.SequenceEqual(row.Utf8Column(1)) ? externalId : Encoding.UTF8.GetString(keyBytes),
            Url = StringOrNull(row, 3),
            Title = Encoding.UTF8.GetString(row.Utf8Column(4)),
            Type = pool.Get(row.Utf8Column(5)),
            State = pool.Get(row.Utf8Column(6)),
            Category = WorkItemMapping.ReadCategory(pool.Get(row.Utf8Column(7))),
            Team = pool.Get(row.Utf8Column(8)),
            Project = PooledOrNull(row, 9, pool),
            Area = PooledOrNull(row, 10, pool),
            Iteration = PooledOrNull(row, 11, pool),
            Components = lists.Get(row.Utf8Column(12)),
            Labels = lists.Get(row.Utf8Column(13)),
            KrValues = lists.Get(row.Utf8Column(14)),
            ParentId = PooledOrNull(row, 15, pool),
            ParentKey = PooledOrNull(row, 16, pool),
            StoryPoints = row.IsNull(17) ? null : row.DoubleColumn(17),
            Created = FromBinary(row.Int64Column(18)),
            Updated = FromBinary(row.Int64Column(19)),
            Resolved = DateOrNull(row, 20),
            Body = StringOrNull(row, 21),
            Branch = StringOrNull(row, 22),
            GoneAt = DateOrNull(row, 23),
        };
    }

    private static string? StringOrNull(SqliteStatement row, int column) => row.IsNull(column) ? null : Encoding.UTF8.GetString(row.Utf8Column(column));

    private static string? PooledOrNull(SqliteStatement row, int column, StringPool pool) => row.IsNull(column) ? null : pool.Get(row.Utf8Column(column));

    private static DateTimeOffset? DateOrNull(SqliteStatement row, int column) => row.IsNull(column) ? null : FromBinary(row.Int64Column(column));

    /// <summary>
    /// The stored JSON lists: a store holds a few hundred distinct label sets, and a list read once is shared (the
    /// lists are never changed). Bounded like <see cref="StringPool"/>.
    /// </summary>
    private sealed class ListPool
    {
        private const int MaxLists = 100_000;

        private readonly Dictionary<string, IReadOnlyList<string>> lists = new(StringComparer.Ordinal);
        private readonly Dictionary<string, IReadOnlyList<string>>.AlternateLookup<ReadOnlySpan<char>> byChars;

        public ListPool() => byChars = lists.GetAlternateLookup<ReadOnlySpan<char>>();

        public IReadOnlyList<string> Get(ReadOnlySpan<byte> utf8)
        {
            if (utf8.SequenceEqual("[]"u8))
            {
                return [];
            }

            var chars = utf8.Length <= 512 ? stackalloc char[utf8.Length] : new char[utf8.Length];
            var json = chars[..Encoding.UTF8.GetChars(utf8, chars)];
            if (byChars.TryGetValue(json, out var shared))
            {
                return shared;
            }

            var key = new string(json);
            var list = WorkItemMapping.ReadList(key);
            if (lists.Count < MaxLists)
            {
                lists.Add(key, list);
            }

            return list;
        }
    }

    /// <summary>Prepared INSERT and UPDATE statements on the context's open connection, reused row after row.</summary>
    public static Writer CreateWriter(DbContext db) => new(db);

    private static SqliteCommand Command(DbContext db, string sql)
    {
        var command = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    private static WorkItemRow Read(DbDataReader reader) => new()
    {
        Source = reader.GetString(0),
        ExternalId = reader.GetString(1),
        ScopeId = reader.GetString(2),
        Key = reader.GetString(3),
        Url = StringOrNull(reader, 4),
        Title = reader.GetString(5),
        Type = reader.GetString(6),
        State = reader.GetString(7),
        Category = reader.GetString(8),
        Team = reader.GetString(9),
        Project = StringOrNull(reader, 10),
        Area = StringOrNull(reader, 11),
        Iteration = StringOrNull(reader, 12),
        Components = reader.GetString(13),
        Labels = reader.GetString(14),
        KrValues = reader.GetString(15),
        ParentId = StringOrNull(reader, 16),
        ParentKey = StringOrNull(reader, 17),
        StoryPoints = reader.IsDBNull(18) ? null : reader.GetDouble(18),
        Created = FromBinary(reader.GetInt64(19)),
        Updated = FromBinary(reader.GetInt64(20)),
        Resolved = DateOrNull(reader, 21),
        Body = StringOrNull(reader, 22),
        Branch = StringOrNull(reader, 23),
        GoneAt = DateOrNull(reader, 24),
        ChangedAt = FromBinary(reader.GetInt64(25)),
        LinkFacts = StringOrNull(reader, 26),
    };

    private static string? StringOrNull(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateTimeOffset? DateOrNull(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : FromBinary(reader.GetInt64(ordinal));

    /// <summary>Prepared INSERT and UPDATE statements (<see cref="SqliteStatement"/>), reused row after row.</summary>
    internal sealed class Writer : IDisposable
    {
        private readonly SqliteStatement insert;
        private readonly SqliteStatement update;

        public Writer(DbContext db)
        {
            var values = string.Join(", ", Columns.Select((_, i) => $"?{i + 1}"));
            insert = new SqliteStatement(db, $"INSERT INTO work_items ({SelectList}) VALUES ({values})");

            var set = new StringBuilder();
            for (var i = 2; i < Columns.Length; i++)
            {
                set.Append(i > 2 ? ", " : "").Append('"').Append(Columns[i]).Append("\" = ?").Append(i + 1);
            }

            update = new SqliteStatement(db, $"UPDATE work_items SET {set} WHERE \"Source\" = ?1 AND \"ExternalId\" = ?2");
        }

        public void Insert(WorkItemRow row) => Execute(insert, row);

        public void Update(WorkItemRow row) => Execute(update, row);

        public void Dispose()
        {
            insert.Dispose();
            update.Dispose();
        }

        private static void Execute(SqliteStatement statement, WorkItemRow row)
        {
            statement.Text(1, row.Source);
            statement.Text(2, row.ExternalId);
            statement.Text(3, row.ScopeId);
            statement.Text(4, row.Key);
            statement.Text(5, row.Url);
            statement.Text(6, row.Title);
            statement.Text(7, row.Type);
            statement.Text(8, row.State);
            statement.Text(9, row.Category);
            statement.Text(10, row.Team);
            statement.Text(11, row.Project);
            statement.Text(12, row.Area);
            statement.Text(13, row.Iteration);
            statement.Text(14, row.Components);
            statement.Text(15, row.Labels);
            statement.Text(16, row.KrValues);
            statement.Text(17, row.ParentId);
            statement.Text(18, row.ParentKey);
            statement.Double(19, row.StoryPoints);
            statement.Int64(20, ToBinary(row.Created));
            statement.Int64(21, ToBinary(row.Updated));
            statement.Int64(22, row.Resolved is { } resolved ? ToBinary(resolved) : null);
            statement.Text(23, row.Body);
            statement.Text(24, row.Branch);
            statement.Int64(25, row.GoneAt is { } gone ? ToBinary(gone) : null);
            statement.Int64(26, ToBinary(row.ChangedAt));
            statement.Text(27, row.LinkFacts);
            statement.Execute();
        }
    }
}
