using OkrLinker.Core.Store;

namespace OkrLinker.Core.Tests.Sync;

/// <summary>Every test of <see cref="LargePageSyncTests"/> on the EF Core write path, the one a store other than SQLite takes.</summary>
public sealed class LargePageSyncTestsOnEfCore() : LargePageSyncTests(StoreProvider.Sqlite)
{
    protected override bool DirectSqlite => false;
}
