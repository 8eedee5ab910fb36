using OkrLinker.Core.Store;

namespace OkrLinker.Core.Tests.Sync;

/// <summary>Every test of <see cref="SyncEngineTests"/> on the EF Core write path, the one a store other than SQLite takes.</summary>
public sealed class SyncEngineTestsOnEfCore() : SyncEngineTests(StoreProvider.Sqlite)
{
    protected override bool DirectSqlite => false;
}
