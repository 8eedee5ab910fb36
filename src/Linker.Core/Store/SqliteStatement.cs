using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace OkrLinker.Core.Store;

/// <summary>
/// One prepared SQLite statement on a context's connection, bound by position through SQLitePCL and
/// run again and again. Microsoft.Data.Sqlite looks every parameter up by name on every execution,
/// which was three quarters of a million-row insert (docs/benchmarks.md). The statement runs on the
/// context's connection, so inside its current transaction; the connection must be open.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 handle;
    private readonly sqlite3_stmt statement;

    // The statement's pointer, for the calls a row walk makes per column (SqliteNative); the handle is held from here
    // to Dispose, so the pointer stays valid.
    private readonly nint pointer;
    private bool held;

    public SqliteStatement(DbContext db, string sql)
        : this((SqliteConnection)db.Database.GetDbConnection(), sql)
    {
    }

    /// <summary>A statement on <paramref name="connection"/>, which must be open.</summary>
    public SqliteStatement(SqliteConnection connection, string sql)
        : this(connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open."), sql)
    {
    }

    /// <summary>A statement on an open SQLite connection handle (<see cref="SqliteReadConnection"/>).</summary>
    public SqliteStatement(sqlite3 connection, string sql)
    {
        handle = connection;
        Check(raw.sqlite3_prepare_v2(handle, sql, out statement));
        statement.DangerousAddRef(ref held);
        pointer = statement.DangerousGetHandle();
    }

    /// <summary>Binds parameter <c>?index</c> (from 1) to text, or NULL.</summary>
    public void Text(int index, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(statement, index) : raw.sqlite3_bind_text16(statement, index, value));

    /// <summary>Binds parameter <c>?index</c> to text given as its UTF-8 bytes (no string between).</summary>
    public void Utf8(int index, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_text(statement, index, value));

    public void Int64(int index, long? value) =>
        Check(value is { } number ? raw.sqlite3_bind_int64(statement, index, number) : raw.sqlite3_bind_null(statement, index));

    public void Double(int index, double? value) =>
        Check(value is { } number ? raw.sqlite3_bind_double(statement, index, number) : raw.sqlite3_bind_null(statement, index));

    /// <summary>Runs the statement with what is bound; returns the rows it changed.</summary>
    public int Execute()
    {
        var step = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (step != raw.SQLITE_DONE)
        {
            Check(step);
        }

        return raw.sqlite3_changes(handle);
    }

    /// <summary>Steps to the next result row: true on a row, false when the rows are done (then the statement is reset).</summary>
    public bool Read()
    {
        var step = SqliteNative.Step(pointer);
        if (step == raw.SQLITE_ROW)
        {
            return true;
        }

        raw.sqlite3_reset(statement);
        if (step != raw.SQLITE_DONE)
        {
            Check(step);
        }

        return false;
    }

    /// <summary>Whether column <paramref name="index"/> (from 0) of the current row is NULL.</summary>
    public bool IsNull(int index) => SqliteNative.ColumnType(pointer, index) == raw.SQLITE_NULL;

    /// <summary>
    /// Column <paramref name="index"/> of the current row as its stored UTF-8 bytes, no string between (empty for NULL).
    /// Valid until the next step.
    /// </summary>
    public unsafe ReadOnlySpan<byte> Utf8Column(int index)
    {
        // The blob first, then its length, as SQLite asks (a text value is returned as stored, no conversion).
        var bytes = SqliteNative.ColumnBlob(pointer, index);
        return bytes == 0 ? [] : new ReadOnlySpan<byte>((void*)bytes, SqliteNative.ColumnBytes(pointer, index));
    }

    public long Int64Column(int index) => SqliteNative.ColumnInt64(pointer, index);

    public double DoubleColumn(int index) => SqliteNative.ColumnDouble(pointer, index);

    public void Dispose()
    {
        if (held)
        {
            held = false;
            statement.DangerousRelease();
        }

        statement.Dispose();
    }

    private void Check(int code)
    {
        if (code != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), code);
        }
    }
}
