using System.Runtime.InteropServices;

namespace OkrLinker.Core.Store;

/// <summary>
/// The few SQLite calls a row walk makes a million times, on the statement's raw pointer: SQLitePCL passes a SafeHandle
/// on every call (an AddRef and a Release each) through an interface, which was about a tenth of reading the store
/// (docs/benchmarks.md). The library is the one SQLitePCLRaw's bundle ships and loads. The column calls only read the
/// values the step put in the row, so they are made without the GC transition.
/// </summary>
internal static partial class SqliteNative
{
    private const string Library = "e_sqlite3";

    [LibraryImport(Library, EntryPoint = "sqlite3_step")]
    internal static partial int Step(nint statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_type")]
    [SuppressGCTransition]
    internal static partial int ColumnType(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_blob")]
    [SuppressGCTransition]
    internal static partial nint ColumnBlob(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_bytes")]
    [SuppressGCTransition]
    internal static partial int ColumnBytes(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_int64")]
    [SuppressGCTransition]
    internal static partial long ColumnInt64(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_double")]
    [SuppressGCTransition]
    internal static partial double ColumnDouble(nint statement, int column);
}
