namespace OkrLinker.Worker.Web.Dashboard;

/// <summary>An item in a KR's line-of-sight with the items under it; <see cref="Count"/> and <see cref="Points"/> include itself.</summary>
internal sealed record TreeNode(LinkedWork Work, IReadOnlyList<TreeNode> Children)
{
    public int Count { get; } = 1 + Children.Sum(c => c.Count);

    public double Points { get; } = (Work.Points ?? 0) + Children.Sum(c => c.Points);
}
