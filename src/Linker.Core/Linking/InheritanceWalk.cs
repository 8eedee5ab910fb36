namespace OkrLinker.Core.Linking;

/// <summary>
/// What walking up an item's parent chain found (DESIGN.md §7 step 2). Items are list indices.
/// </summary>
/// <param name="Passed">Ancestors walked past because they carry no explicit KR, nearest first.</param>
/// <param name="Tagged">The nearest ancestor with explicit KRs, or null.</param>
/// <param name="Gone">The ancestor the tracker no longer returns, where the chain broke; or null.</param>
/// <param name="Loops">The chain loops back on itself before any ancestor with KRs.</param>
internal sealed record InheritanceWalk(IReadOnlyList<int> Passed, int? Tagged, int? Gone, bool Loops)
{
    public static InheritanceWalk Off { get; } = new([], null, null, false);

    /// <summary>Walks from <paramref name="index"/>'s parent upwards; a gone ancestor ends the walk, passing nothing on.</summary>
    public static InheritanceWalk From(int index, ParentGraph parents, Func<int, bool> isGone, Func<int, bool> hasExplicit)
    {
        var passed = new List<int>();
        var visited = new HashSet<int> { index };
        for (var node = parents.ParentOf(index); node is { } ancestor; node = parents.ParentOf(ancestor))
        {
            if (!visited.Add(ancestor))
            {
                return new InheritanceWalk(passed, null, null, Loops: true);
            }

            if (isGone(ancestor))
            {
                return new InheritanceWalk(passed, null, ancestor, Loops: false);
            }

            if (hasExplicit(ancestor))
            {
                return new InheritanceWalk(passed, ancestor, null, Loops: false);
            }

            passed.Add(ancestor);
        }

        return new InheritanceWalk(passed, null, null, Loops: false);
    }
}
