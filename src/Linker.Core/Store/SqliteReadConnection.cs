using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace OkrLinker.Core.Store;

/// <summary>
/// A read-only connection of its own to the file an open connection reads, for one thread: opened without SQLite's
/// connection mutex, which serialized mode (Microsoft.Data.Sqlite's) takes and releases on every column of every row
/// (docs/benchmarks.md). A store that is no file (in memory, temporary) has none.
/// </summary>
internal sealed class SqliteReadConnection : IDisposable
{
    private readonly sqlite3 handle;

    private SqliteReadConnection(sqlite3 handle) => this.handle = handle;

    /// <summary>The open handle; its statements (<see cref="SqliteStatement"/>) are used on one thread at a time.</summary>
    public sqlite3 Handle => handle;

    /// <summary>A connection to the file <paramref name="connection"/> (open) holds as its main database, or null when it holds none.</summary>
    public static SqliteReadConnection? To(SqliteConnection connection)
    {
        var open = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var file = raw.sqlite3_db_filename(open, "main").utf8_to_string();
        if (string.IsNullOrEmpty(file))
        {
            return null;
        }

        var code = raw.sqlite3_open_v2(file, out var handle, raw.SQLITE_OPEN_READONLY | raw.SQLITE_OPEN_NOMUTEX, null);
        if (code != raw.SQLITE_OK)
        {
            var message = handle is null ? raw.sqlite3_errstr(code).utf8_to_string() : raw.sqlite3_errmsg(handle).utf8_to_string();
            handle?.Dispose();
            throw new SqliteException(message, code);
        }

        // As Microsoft.Data.Sqlite's default command timeout: wait out a writer's lock rather than fail at once.
        raw.sqlite3_busy_timeout(handle, 30_000);
        return new SqliteReadConnection(handle);
    }

    public void Dispose() => handle.Dispose();
}
