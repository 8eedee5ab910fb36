using OkrLinker.Core.Items;

namespace OkrLinker.Core.Sources;

/// <summary>
/// One page of items and the cursor to store in the same transaction as the page. A field-stream
/// scope (<see cref="SourceScope.FieldStream"/>) sends <see cref="FieldValues"/> instead of items.
/// </summary>
public sealed record WorkItemPage(IReadOnlyList<WorkItem> Items, string Cursor)
{
    public IReadOnlyList<KrFieldValue> FieldValues { get; init; } = [];
}
