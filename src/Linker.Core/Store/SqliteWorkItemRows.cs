using System.Data.Common;
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
        "Resolved", "Body", "Branch", "GoneAt", "ChangedAt",
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
    /// Every stored item, ordered by source and external id, straight from the reader into items: only the columns an
    /// item holds, no row object between, and the strings that repeat across a store (source, type, state, team,
    /// project, area, iteration, parent ids and keys, the stored lists) shared by every item that holds them (<see cref="StringPool"/>).
    /// A million-item report read 1 GB into rows and items before (docs/benchmarks.md). Gives what
    /// <see cref="WorkItemMapping.ToItem"/> of each row gives.
    /// </summary>
    public static async IAsyncEnumerable<Items.WorkItem> ReadAllItemsAsync(
        DbContext db, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Command(db, $"SELECT {ItemSelectList} FROM work_items ORDER BY \"Source\", \"ExternalId\"");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var pool = new StringPool();
            var lists = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return ReadItem(reader, pool, lists);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
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
    };

    // The columns of an item (no ScopeId, no ChangedAt), in the order ReadItem reads them.
    private static readonly string ItemSelectList = string.Join(", ", Columns.Where(c => c is not "ScopeId" and not "ChangedAt").Select(c => $"\"{c}\""));

    // A store holds a few hundred distinct label sets; a list read once is shared (the lists are never changed).
    private const int MaxSharedLists = 100_000;

    private static Items.WorkItem ReadItem(DbDataReader reader, StringPool pool, Dictionary<string, IReadOnlyList<string>> lists)
    {
        var externalId = reader.GetString(1);
        var key = reader.GetString(2);
        return ReadItem(reader, pool, lists, externalId, string.Equals(key, externalId, StringComparison.Ordinal) ? externalId : key);
    }

    // A file export's id is its key: one string for both. Siblings name the same parent: one string for all of them.
    private static Items.WorkItem ReadItem(
        DbDataReader reader, StringPool pool, Dictionary<string, IReadOnlyList<string>> lists, string externalId, string key) => new()
    {
        Source = pool.Get(reader.GetString(0)),
        ExternalId = externalId,
        Key = key,
        Url = StringOrNull(reader, 3),
        Title = reader.GetString(4),
        Type = pool.Get(reader.GetString(5)),
        State = pool.Get(reader.GetString(6)),
        Category = WorkItemMapping.ReadCategory(reader.GetString(7)),
        Team = pool.Get(reader.GetString(8)),
        Project = pool.GetOrNull(StringOrNull(reader, 9)),
        Area = pool.GetOrNull(StringOrNull(reader, 10)),
        Iteration = pool.GetOrNull(StringOrNull(reader, 11)),
        Components = List(reader.GetString(12), lists),
        Labels = List(reader.GetString(13), lists),
        KrValues = List(reader.GetString(14), lists),
        ParentId = pool.GetOrNull(StringOrNull(reader, 15)),
        ParentKey = pool.GetOrNull(StringOrNull(reader, 16)),
        StoryPoints = reader.IsDBNull(17) ? null : reader.GetDouble(17),
        Created = FromBinary(reader.GetInt64(18)),
        Updated = FromBinary(reader.GetInt64(19)),
        Resolved = DateOrNull(reader, 20),
        Body = StringOrNull(reader, 21),
        Branch = StringOrNull(reader, 22),
        GoneAt = DateOrNull(reader, 23),
    };

    private static IReadOnlyList<string> List(string json, Dictionary<string, IReadOnlyList<string>> lists)
    {
        if (json == "[]")
        {
            return [];
        }

        if (lists.TryGetValue(json, out var shared))
        {
            return shared;
        }

        var list = WorkItemMapping.ReadList(json);
        if (lists.Count < MaxSharedLists)
        {
            lists.Add(json, list);
        }

        return list;
    }

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
            statement.Execute();
        }
    }
}
