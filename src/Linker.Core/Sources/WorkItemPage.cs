using OkrLinker.Core.Items;

namespace OkrLinker.Core.Sources;

/// <summary>One page of items and the cursor to store in the same transaction as the page.</summary>
public sealed record WorkItemPage(IReadOnlyList<WorkItem> Items, string Cursor);
