using System.Globalization;
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
    // An item naming dozens of unsynced keys would drown the answer; the first few say enough.
    private const int MaxReferencesTold = 5;

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
                [$"{item.Key} serves {krs[0]} by rule {decision.Rule.Key} ({decision.Rule.Describe()}).", .. WhyNot(index)]),
            LinkHow.Bau => new(
                LinkHow.Bau,
                decision.Rule!.Key,
                [],
                [
                    $"{item.Key} is BAU, run work rather than change work: BAU rule {decision.Rule.Key} matches ({decision.Rule.Describe()}).",
                    .. WhyNot(index),
                ]),
            _ => new(LinkHow.Unlinked, null, krs, UnlinkedWhy(index, item)),
        };
    }

    // A report words every unlinked item in scope (220,000 at a million items): one list of the right size, no spread.
    private List<string> UnlinkedWhy(int index, WorkItem item)
    {
        var why = new List<string>(8) { $"{item.Key} is unlinked: nothing links it to a KR of {periodName}." };
        why.AddRange(WhyNot(index));
        why.Add(hasRules ? "No linking rule and no BAU rule matches it." : "No BAU rule matches it.");
        return why;
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

    /// <summary>Why explicit tags, inheritance and references gave the item nothing.</summary>
    private IEnumerable<string> WhyNot(int index)
    {
        var item = state.Items[index];
        if (state.TagFindings[index].Count > 0)
        {
            foreach (var finding in state.TagFindings[index])
            {
                yield return finding.Message;
            }
        }
        else
        {
            yield return "It names no KR itself (no KR label, title token or KR field value).";
        }

        yield return WhyNoInheritance(index);

        foreach (var line in WhyNoReference(index, item))
        {
            yield return line;
        }
    }

    private string WhyNoInheritance(int index)
    {
        var walk = state.Walks[index];
        if (!inherit)
        {
            return "Inheritance is off (Linking:Inherit).";
        }

        if (walk.Loops)
        {
            return "Its parent chain loops back on itself, so it inherits nothing.";
        }

        var passed = walk.Passed.Count == 0 ? "" : JoinAnd([.. walk.Passed.Select(p => state.Items[p].Key)]);
        if (walk.Gone is { } gone)
        {
            var goneTold = $"is gone from the tracker (not returned since {GoneDate(gone)}), so it passes nothing on";
            return walk.Passed.Count == 0
                ? $"Its {Kind(gone, direct: true)} {state.Items[gone].Key} {goneTold}."
                : $"Its parent chain ({passed}) carries no KR, and {state.Items[gone].Key} above it {goneTold}.";
        }

        return walk.Passed.Count switch
        {
            0 => "It has no parent among the synced items.",
            1 => $"Its parent {passed} carries no KR.",
            _ => $"Its parent chain ({passed}) carries no KR.",
        };
    }

    private IEnumerable<string> WhyNoReference(int index, WorkItem item)
    {
        if (!referencePatterns.Follows(item))
        {
            yield return $"References are off for source {item.Source} (Linking:ReferencesOff).";
            yield break;
        }

        var references = state.References.Of(index);
        if (references.Count == 0)
        {
            yield return "It names no other item.";
            yield break;
        }

        foreach (var (reference, target) in references.Take(MaxReferencesTold))
        {
            var named = $"It names {reference.Text} in its {Place(item, reference)}";
            yield return target switch
            {
                null => $"{named}, which is no synced item.",
                { } t when state.Items[t].GoneAt is not null =>
                    $"{named}, and {state.Items[t].Key} is gone from the tracker (not returned since {GoneDate(t)}), so it passes nothing on.",
                { } t => $"{named}, and {state.Items[t].Key} has no KR to pass on.",
            };
        }

        if (references.Count > MaxReferencesTold)
        {
            yield return $"It names {references.Count - MaxReferencesTold} more, none of which passes a KR on.";
        }
    }

    // A branch name says more than "branch": it is short, and it is what the engineer typed.
    private static string Place(WorkItem item, ItemReference reference) =>
        reference.Where == "branch" ? $"branch {item.Branch}" : reference.Where;

    private string Relation(int ancestor, bool direct) => $"its {Kind(ancestor, direct)}";

    // "epic", "user story"; GitHub issues have no useful type word, so they are "parent" (or "ancestor").
    private string Kind(int ancestor, bool direct)
    {
        var type = state.Items[ancestor].Type.Trim();
        return type.Length == 0 || string.Equals(type, "issue", StringComparison.OrdinalIgnoreCase)
            ? direct ? "parent" : "ancestor"
            : type.ToLowerInvariant();
    }

    private string GoneDate(int index) =>
        state.Items[index].GoneAt!.Value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

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
