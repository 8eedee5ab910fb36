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
        // Most items have a parent or two: the passed list and the loop check are made only when needed.
        List<int>? passed = null;
        HashSet<int>? visited = null;
        for (var node = parents.ParentOf(index); node is { } ancestor; node = parents.ParentOf(ancestor))
        {
            if (Seen(ancestor))
            {
                return new InheritanceWalk(Passed(), null, null, Loops: true);
            }

            if (isGone(ancestor))
            {
                return new InheritanceWalk(Passed(), null, ancestor, Loops: false);
            }

            if (hasExplicit(ancestor))
            {
                return new InheritanceWalk(Passed(), ancestor, null, Loops: false);
            }

            (passed ??= []).Add(ancestor);
            if (passed.Count == LinearLimit)
            {
                visited = [index, .. passed];
            }
            else
            {
                visited?.Add(ancestor);
            }
        }

        return passed is null ? NoParent : new InheritanceWalk(passed, null, null, Loops: false);

        // Every ancestor passed so far is on the list; a short list is searched, a long one is hashed.
        bool Seen(int ancestor) =>
            visited?.Contains(ancestor) ?? (ancestor == index || (passed is not null && passed.Contains(ancestor)));

        IReadOnlyList<int> Passed() => passed ?? (IReadOnlyList<int>)[];
    }

    private const int LinearLimit = 16;

    // An item without a parent among the synced items: one walk shared by all of them.
    private static readonly InheritanceWalk NoParent = new([], null, null, false);
}
