using OkrLinker.Core.Items;
using OkrLinker.Core.Linking;

namespace OkrLinker.Core.Tests.Support;

public static partial class Some
{
    /// <summary>The item linked explicitly to <paramref name="krIds"/>, as the linker would hand it on.</summary>
    public static LinkedItem Linked(WorkItem item, params string[] krIds) =>
        new(item, [.. krIds.Select(id => new ItemLink(id, LinkReason.Explicit, null))], Bucket.Linked);

    public static LinkedItem Bau(WorkItem item) => new(item, [], Bucket.Bau);

    public static LinkedItem Unlinked(WorkItem item) => new(item, [], Bucket.Unlinked);
}
