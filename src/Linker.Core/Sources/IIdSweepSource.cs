using OkrLinker.Core.Items;

namespace OkrLinker.Core.Sources;

/// <summary>
/// A source whose reconciliation sweep reads ids and keys only instead of every item again (DESIGN.md §6 trap 10).
/// The sync engine's full run then reads the scope incrementally, asks for every id of the scope, re-reads in full the
/// items it does not hold as they are (new to it, under another key or scope, or Removed), and marks the scope's
/// items the source no longer lists as Removed.
/// </summary>
public interface IIdSweepSource
{
    /// <summary>Every item of the scope, as id and key, in pages.</summary>
    IAsyncEnumerable<IReadOnlyList<ItemStamp>> ReadStampsAsync(SourceScope scope, CancellationToken cancellationToken);

    /// <summary>The items with these ids, wherever they are now (a moved item has left the scope's query).</summary>
    Task<IReadOnlyList<WorkItem>> ReadItemsAsync(SourceScope scope, IReadOnlyList<string> ids, CancellationToken cancellationToken);
}
