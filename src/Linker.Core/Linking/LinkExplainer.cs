using OkrLinker.Core.Items;
using OkrLinker.Core.Reports;

namespace OkrLinker.Core.Linking;

/// <summary>
/// Puts the linker's decision about one item in words a PM reads: the chain it followed to a KR, or
/// for a BAU or unlinked item, why each step found nothing (DESIGN.md §7).
/// </summary>
internal sealed class LinkExplainer(
    LinkExplainer.State state,
    string periodName,
    bool inherit,
    ReferencePatterns referencePatterns,
    bool hasRules)
{
    private readonly UnlinkedWhy.Wording wording = new(periodName, inherit, hasRules);

    public LinkExplanation Explain(int index)
    {
        var decision = state.Decisions[index];
        var item = state.Items[index];
        IReadOnlyList<string> krs = decision.Links.Count == 0 ? [] : [.. decision.Links.Select(l => l.KrId)];
        return decision.How switch
        {
            LinkHow.Explicit => new(LinkHow.Explicit, item.Key, krs, Chain(index)),
            LinkHow.Inherited => new(LinkHow.Inherited, state.Items[state.Walks[index].Tagged!.Value].Key, krs, Chain(index)),
            LinkHow.Reference => new(LinkHow.Reference, decision.Links[0].Via, krs, Chain(index)),
            LinkHow.Rule => new(
                LinkHow.Rule,
                decision.Rule!.Key,
                krs,
                [$"{item.Key} serves {krs[0]} by rule {decision.Rule.Key} ({decision.Rule.Describe()}).", .. Why(index).WhyNotSentences()]),
            LinkHow.Bau => new(
                LinkHow.Bau,
                decision.Rule!.Key,
                [],
                [
                    $"{item.Key} is BAU, run work rather than change work: BAU rule {decision.Rule.Key} matches ({decision.Rule.Describe()}).",
                    .. Why(index).WhyNotSentences(),
                ]),
            _ => new(LinkHow.Unlinked, null, krs, Why(index).UnlinkedSentences()),
        };
    }

    /// <summary>
    /// Why the steps found nothing for the item, in the compact form a report keeps for each unlinked item (220,000 at a
    /// million items) and words straight into its JSON.
    /// </summary>
    public UnlinkedWhy Why(int index)
    {
        var item = state.Items[index];
        var walk = state.Walks[index];
        // Plain arrays filled in loops: one is kept per unlinked item (220,000 at a million), and LINQ's iterators,
        // closures and list around each were a third of the figures' garbage.
        var passed = walk.Passed.Count == 0 ? [] : new string[walk.Passed.Count];
        for (var p = 0; p < passed.Length; p++)
        {
            passed[p] = state.Items[walk.Passed[p]].Key;
        }

        var follows = referencePatterns.Follows(item);
        var references = follows ? state.References.Of(index) : [];
        var told = references.Count == 0 ? [] : new (ItemReference Reference, WorkItem? Target)[Math.Min(references.Count, UnlinkedWhy.MaxReferencesTold)];
        for (var r = 0; r < told.Length; r++)
        {
            told[r] = (references[r].Reference, references[r].Target is { } t ? state.Items[t] : null);
        }
        return new UnlinkedWhy(
            wording,
            item,
            state.TagFindings[index],
            walk.Loops,
            passed,
            walk.Gone is { } gone ? state.Items[gone] : null,
            follows,
            told,
            references.Count);
    }

    /// <summary>The sentences that lead from an item to its KRs, through every item it took them from.</summary>
    private List<string> Chain(int index)
    {
        var lines = new List<string>();
        AddChain(index, lines, [index]);
        return lines;
    }

    private void AddChain(int index, List<string> lines, HashSet<int> told)
    {
        var decision = state.Decisions[index];
        var item = state.Items[index];
        switch (decision.How)
        {
            case LinkHow.Explicit:
                lines.Add($"{item.Key} serves {JoinAnd([.. decision.Links.Select(l => $"{l.KrId} ({l.Via})")])}.");
                break;
            case LinkHow.Inherited:
                lines.Add(InheritedLine(index));
                break;
            case LinkHow.Reference:
                var targets = ReferencedTargets(index, decision);
                // Each part has a comma of its own, so the parts are joined by ", and".
                lines.Add($"{item.Key} serves {string.Join(", and ", targets.Select(t => Through(index, t)))}.");
                foreach (var (target, _) in targets.Where(t => told.Add(t.Target)))
                {
                    AddChain(target, lines, told);
                }

                break;
            default:
                break;
        }
    }

    private string InheritedLine(int index)
    {
        var walk = state.Walks[index];
        var ancestor = walk.Tagged!.Value;
        var links = state.ExplicitLinks[ancestor];
        var through = walk.Passed.Count switch
        {
            0 => "",
            1 => $" through its parent {state.Items[walk.Passed[0]].Key}",
            _ => $" through {JoinAnd([.. walk.Passed.Select(p => state.Items[p].Key)])}",
        };
        return $"{state.Items[index].Key} inherits {JoinAnd([.. links.Select(l => l.KrId)])} from "
            + $"{Relation(ancestor, direct: walk.Passed.Count == 0)} {state.Items[ancestor].Key} "
            + $"({string.Join("; ", links.Select(l => l.Via))}){through}.";
    }

    // The named items that gave the links, in the order of their first KR; each with the KRs it gave.
    private List<(int Target, IReadOnlyList<string> Krs)> ReferencedTargets(int index, LinkDecision decision)
    {
        var references = state.References.Of(index);
        return
        [
            .. decision.Links
                .GroupBy(l => l.Via, StringComparer.OrdinalIgnoreCase)
                .Select(g => (
                    Target: references.First(r => r.Target is { } t && string.Equals(state.Items[t].Key, g.Key, StringComparison.OrdinalIgnoreCase)).Target!.Value,
                    Krs: (IReadOnlyList<string>)[.. g.Select(l => l.KrId)])),
        ];
    }

    private string Through(int index, (int Target, IReadOnlyList<string> Krs) target)
    {
        var reference = state.References.Of(index).First(r => r.Target == target.Target).Reference;
        var key = state.Items[target.Target].Key;
        var named = string.Equals(reference.Text, key, StringComparison.OrdinalIgnoreCase) ? "" : $" as {reference.Text}";
        return $"{JoinAnd(target.Krs)} through {key}, which it names in its {Place(state.Items[index], reference)}{named}";
    }

    // A branch name says more than "branch": it is short, and it is what the engineer typed.
    private static string Place(WorkItem item, ItemReference reference) =>
        reference.Where == "branch" ? $"branch {item.Branch}" : reference.Where;

    private string Relation(int ancestor, bool direct) => $"its {Kind(ancestor, direct)}";

    // "epic", "user story"; GitHub issues have no useful type word, so they are "parent" (or "ancestor").
    private string Kind(int ancestor, bool direct) => Kind(state.Items[ancestor], direct);

    internal static string Kind(WorkItem ancestor, bool direct)
    {
        var type = ancestor.Type.Trim();
        return type.Length == 0 || string.Equals(type, "issue", StringComparison.OrdinalIgnoreCase)
            ? direct ? "parent" : "ancestor"
            : type.ToLowerInvariant();
    }

    private static string JoinAnd(IReadOnlyList<string> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        _ => $"{string.Join(", ", parts.Take(parts.Count - 1))} and {parts[^1]}",
    };

    /// <summary>What the linker worked out for every item, by list index.</summary>
    internal sealed record State(
        IReadOnlyList<WorkItem> Items,
        IReadOnlyList<IReadOnlyList<ItemLink>> ExplicitLinks,
        IReadOnlyList<IReadOnlyList<Finding>> TagFindings,
        IReadOnlyList<InheritanceWalk> Walks,
        ReferenceGraph References,
        IReadOnlyList<LinkDecision> Decisions);
}
