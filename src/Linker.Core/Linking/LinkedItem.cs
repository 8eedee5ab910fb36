using OkrLinker.Core.Items;

namespace OkrLinker.Core.Linking;

/// <summary>An item with its links; <see cref="Bucket"/> is Linked exactly when <see cref="Links"/> is not empty.</summary>
public sealed record LinkedItem(WorkItem Item, IReadOnlyList<ItemLink> Links, Bucket Bucket)
{
    /// <summary>How the linker decided; set by <see cref="WorkItemLinker"/>, null on items made by hand.</summary>
    public LinkExplanation? Explanation { get; init; }
}
