using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Reports;

namespace OkrLinker.Core.Linking;

/// <summary>
/// Maps each work item to the KRs it serves (DESIGN.md §7): explicit mentions, else the nearest
/// tagged ancestor's KRs, else the KRs of the synced items it names, else the first matching rule; an
/// item with no KR is BAU when a BAU rule matches, else unlinked. An ancestor or named item the tracker
/// no longer returns passes nothing on. Every item comes back with the reasons in words
/// (<see cref="LinkedItem.Explanation"/>). The options are checked once, here, so a bad pattern fails at start.
/// </summary>
public sealed class WorkItemLinker
{
    private readonly KrCatalog _catalog;
    private readonly KrPatterns _patterns;
    private readonly ExplicitKrReader _explicit;
    private readonly LinkFactsReader _facts;
    private readonly ReferencePatterns _references;
    private readonly bool _inherit;
    private readonly IReadOnlyList<LinkRule> _rules;
    private readonly IReadOnlyList<LinkRule> _bau;

    // Decisions hold no item of their own: every BAU item of a rule, and every unlinked item, shares one.
    private readonly IReadOnlyList<LinkDecision> _bauDecisions;
    private static readonly LinkDecision Unlinked = new(LinkHow.Unlinked, [], null);

    /// <param name="krFieldNames">
    /// Each source's configured KR field name (<c>Sources[].Fields.KeyResult</c>) by source name, to say
    /// which field named a KR; a source not listed reads as "Key Result".
    /// </param>
    /// <exception cref="LinkingConfigException">
    /// A pattern does not parse or lacks its group, or a rule is incomplete, names an unknown
    /// field, or links to a KR that is not in the period. The message starts with the configuration key.
    /// </exception>
    public WorkItemLinker(LinkingOptions options, OkrSet okrs, IReadOnlyDictionary<string, string>? krFieldNames = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(okrs);

        _catalog = new KrCatalog(okrs);
        _patterns = KrPatterns.Compile(options);
        var krFieldNameOf = LinkFactsReader.KrFieldNameOf(krFieldNames);
        _explicit = new ExplicitKrReader(_catalog);
        _references = ReferencePatterns.Compile(options);
        _inherit = options.Inherit;
        _rules = [.. (options.Rules ?? []).Select((rule, i) => LinkRule.Compile(rule, $"Linking:Rules:{i}", _catalog))];
        _bau = [.. (options.Bau ?? []).Select((rule, i) => LinkRule.Compile(rule, $"Linking:Bau:{i}", catalog: null))];
        _bauDecisions = [.. _bau.Select(rule => new LinkDecision(LinkHow.Bau, [], rule))];
        _facts = new LinkFactsReader(_patterns, _references, _rules, _bau, krFieldNameOf, LinkFactsReader.StampOf(options, krFieldNames));
    }

    /// <summary>How this linker works out an item's <see cref="LinkFacts"/>, and the stamp of its configuration.</summary>
    internal LinkFactsReader Facts => _facts;

    /// <summary>The facts of every item, as <see cref="Link(IReadOnlyList{WorkItem})"/> works them out.</summary>
    internal LinkFacts[] FactsOf(IReadOnlyList<WorkItem> items)
    {
        var byLabels = LinkFactsReader.NewLabelCache();
        var facts = new LinkFacts[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            facts[i] = _facts.Read(items[i], byLabels);
        }

        return facts;
    }

    /// <summary>
    /// Links every item, Removed ones included (the figures leave those out). Items come back in input
    /// order; findings in item order, then by rule id.
    /// </summary>
    public LinkingResult Link(IReadOnlyList<WorkItem> items) => Link(items, facts: null);

    /// <summary>
    /// <see cref="Link(IReadOnlyList{WorkItem})"/> from each item's <see cref="LinkFacts"/> as they were worked out
    /// before (stored with the row under this linker's <see cref="LinkFactsReader.Stamp"/>); null works them out here.
    /// </summary>
    /// <param name="parallelFrom">
    /// From how many items the per-item stages run on two halves at once; null: from <see cref="ParallelFrom"/> on two
    /// cores or more.
    /// </param>
    internal LinkingResult Link(IReadOnlyList<WorkItem> items, IReadOnlyList<LinkFacts>? facts, int? parallelFrom = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        facts ??= FactsOf(items);

        // The per-item stages run on the lower and the upper half of the items at once when there are many (the second
        // core was idle while a million items were linked). Each stage writes only its own half's slots of the arrays
        // below and keeps its caches to itself (ExplicitStage, HalfState); what a stage reads of the other half was
        // written by an earlier stage, finished before it starts. So every slot, and the findings merged in half order,
        // come out as one pass over all the items would make them, whatever the scheduling.
        var count = items.Count;
        var split = count >= (parallelFrom ?? (Environment.ProcessorCount < 2 ? int.MaxValue : ParallelFrom)) && count >= 2
            ? count / 2
            : count;
        var halves = split == count ? new[] { (From: 0, To: count) } : [(0, split), (split, count)];

        var tagFindings = new Dictionary<int, IReadOnlyList<Finding>>[halves.Length];
        var explicitLinks = new IReadOnlyList<ItemLink>[count];
        var found = new List<(int Item, Finding Finding)>[halves.Length];
        ParentGraph? parents = null;
        ReferenceGraph? references = null;

        // Stage 1: each half's explicit links and tag findings; beside them the parent and reference graphs, which read
        // only the items and their facts.
        Parallel.Invoke(
        [
            .. halves.Select((half, h) => (Action)(() => (found[h], tagFindings[h]) = ExplicitStage(items, facts, half.From, half.To, explicitLinks))),
            () => parents = _inherit ? new ParentGraph(items) : null,
            () => references = new ReferenceGraph(items, i => facts[i].References),
        ]);

        var findings = new List<(int Item, Finding Finding)>();
        foreach (var half in found)
        {
            findings.AddRange(half);
        }

        if (parents is not null)
        {
            findings.AddRange(parents.Cycles().Select(cycle => CycleFinding(cycle, items)));
        }

        // Few items name an unknown KR: their tag findings by index, every other item's none.
        var allTagFindings = tagFindings[0];
        foreach (var (index, itemFindings) in tagFindings.Skip(1).SelectMany(half => half))
        {
            allTagFindings.Add(index, itemFindings);
        }

        // Stage 2: each half's inheritance walks, reading every item's explicit links.
        var walks = new InheritanceWalk[count];
        var states = halves.Select(_ => new HalfState()).ToArray();
        Func<int, bool> isGone = n => items[n].GoneAt is not null;
        Func<int, bool> hasExplicit = n => explicitLinks[n].Count > 0;
        Parallel.For(0, halves.Length, h =>
        {
            var state = states[h];
            for (var i = halves[h].From; i < halves[h].To; i++)
            {
                walks[i] = parents is null ? InheritanceWalk.Off : WalkFrom(i, parents, state);
            }
        });

        InheritanceWalk WalkFrom(int index, ParentGraph graph, HalfState state)
        {
            if (graph.ParentOf(index) is not { } parent)
            {
                return InheritanceWalk.From(index, graph, isGone, hasExplicit);
            }

            if (state.WalkFromParent.TryGetValue(parent, out var shared))
            {
                return shared;
            }

            var walk = InheritanceWalk.From(index, graph, isGone, hasExplicit);
            if (!walk.Loops)
            {
                state.WalkFromParent.Add(parent, walk);
            }

            return walk;
        }

        IReadOnlyList<ItemLink> InheritedFrom(int tagged, HalfState state)
        {
            ref var links = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(state.Inherited, tagged, out _);
            return links ??= [.. explicitLinks[tagged].Select(l => new ItemLink(l.KrId, LinkReason.Inherited, items[tagged].Key))];
        }

        IReadOnlyList<ItemLink>? OwnKrs(int n) =>
            explicitLinks[n].Count > 0 ? explicitLinks[n] : walks[n].Tagged is { } tagged ? explicitLinks[tagged] : null;

        // Stage 3: each half's own links (explicit, else inherited) and decisions. A reference follows the KRs any item
        // holds of its own: its explicit ones, else its tagged ancestor's (the inherited links name the same). The linked
        // items are read from the decisions (LinkedItems): no LinkedItem is made here.
        var decisions = new LinkDecision[count];
        var explainer = new LinkExplainer(
            new LinkExplainer.State(items, explicitLinks, new TagFindingsByIndex(allTagFindings, count), walks, references!, decisions),
            _catalog.PeriodName,
            _inherit,
            _references,
            _rules.Count > 0);
        Parallel.For(0, halves.Length, h =>
        {
            var state = states[h];
            var follower = new ReferenceFollower(items, OwnKrs, references!, kr => _catalog.Find(kr)?.Order ?? int.MaxValue);
            for (var i = halves[h].From; i < halves[h].To; i++)
            {
                var own = explicitLinks[i].Count > 0 ? explicitLinks[i]
                    : walks[i].Tagged is { } tagged ? InheritedFrom(tagged, state)
                    : null;
                decisions[i] = Decide(facts[i], explicitLinks[i], own, follower, i, state);
            }
        });

        return new LinkingResult(
            new LinkedItems(items, decisions, explainer),
            [.. findings.OrderBy(f => f.Item).ThenBy(f => f.Finding.Rule, StringComparer.Ordinal).Select(f => f.Finding)])
        {
            Graphs = new LinkGraphs(parents, references!),
        };
    }

    // Each item's tag findings, from the few that have any (a million slots of an empty list were 8 MB).
    private sealed class TagFindingsByIndex(Dictionary<int, IReadOnlyList<Finding>> byIndex, int count) : IReadOnlyList<IReadOnlyList<Finding>>
    {
        public int Count => count;

        public IReadOnlyList<Finding> this[int index] =>
            (uint)index < (uint)count ? byIndex.GetValueOrDefault(index, []) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<IReadOnlyList<Finding>> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    // Below this many items one thread links them all: a second one costs more than it saves.
    private const int ParallelFrom = 100_000;

    // What one half's stages 2 and 3 keep to themselves: the walk from each parent its items met, the inherited list of
    // each tagged ancestor, and the last decisions made (siblings and items naming the same KRs share them).
    private sealed class HalfState
    {
        public Dictionary<int, InheritanceWalk> WalkFromParent { get; } = [];

        public Dictionary<int, IReadOnlyList<ItemLink>> Inherited { get; } = [];

        public LinkDecision? ExplicitDecision { get; set; }

        public LinkDecision? InheritedDecision { get; set; }
    }

    // Stage 1 of one half: the explicit links and tag findings of items [from, to), with its own cache of shared lists.
    private (List<(int Item, Finding Finding)> Findings, Dictionary<int, IReadOnlyList<Finding>> ByItem) ExplicitStage(
        IReadOnlyList<WorkItem> items,
        IReadOnlyList<LinkFacts> facts,
        int from,
        int to,
        IReadOnlyList<ItemLink>[] explicitLinks)
    {
        var findings = new List<(int Item, Finding Finding)>();
        var tagFindings = new Dictionary<int, IReadOnlyList<Finding>>();
        var found = new List<Finding>();
        var byMentions = new Dictionary<IReadOnlyList<KrMention>, IReadOnlyList<ItemLink>>(ReferenceEqualityComparer.Instance);
        for (var i = from; i < to; i++)
        {
            found.Clear();
            explicitLinks[i] = ExplicitLinks(items[i], facts[i].Mentions, found, byMentions);
            if (found.Count > 0)
            {
                tagFindings.Add(i, [.. found]);
            }

            foreach (var finding in found)
            {
                findings.Add((i, finding));
            }
        }

        return (findings, tagFindings);
    }

    // Items that name the same KRs the same way share one list of links (the stored facts of equal label lists are one
    // instance); a list that led to a finding is not shared, as a finding names its item.
    private IReadOnlyList<ItemLink> ExplicitLinks(
        WorkItem item,
        IReadOnlyList<KrMention> mentions,
        List<Finding> found,
        Dictionary<IReadOnlyList<KrMention>, IReadOnlyList<ItemLink>> byMentions)
    {
        if (mentions.Count == 0)
        {
            return [];
        }

        if (byMentions.TryGetValue(mentions, out var shared))
        {
            return shared;
        }

        var links = _explicit.Read(item, mentions, found);
        if (found.Count == 0 && byMentions.Count < MaxSharedMentionLists)
        {
            byMentions.Add(mentions, links);
        }

        return links;
    }

    private const int MaxSharedMentionLists = 10_000;

    private LinkDecision Decide(
        LinkFacts facts, IReadOnlyList<ItemLink> explicitLinks, IReadOnlyList<ItemLink>? own, ReferenceFollower follower, int index, HalfState state)
    {
        if (explicitLinks.Count > 0)
        {
            // Items that name the same KRs the same way hold one list of links (ExplicitLinks): one decision for all.
            if (state.ExplicitDecision is not { } named || !ReferenceEquals(named.Links, explicitLinks))
            {
                state.ExplicitDecision = named = new LinkDecision(LinkHow.Explicit, explicitLinks, null);
            }

            return named;
        }

        if (own is not null)
        {
            // Every child of one tagged item holds the same list (see Link): one decision for all of them.
            if (state.InheritedDecision is not { } last || !ReferenceEquals(last.Links, own))
            {
                state.InheritedDecision = last = new LinkDecision(LinkHow.Inherited, own, null);
            }

            return last;
        }

        if (follower.Follow(index) is { Count: > 0 } links)
        {
            return new LinkDecision(LinkHow.Reference, links, null);
        }

        // The first matching rule and BAU rule are facts of the item (worked out once, when it was stored).
        if (facts.Rule >= 0)
        {
            var rule = _rules[facts.Rule];
            return new LinkDecision(LinkHow.Rule, [new ItemLink(rule.Kr!, LinkReason.Rule, $"rule {facts.Rule}")], rule);
        }

        return facts.Bau >= 0 ? _bauDecisions[facts.Bau] : Unlinked;
    }

    /// <summary>
    /// The item without the KRs it names itself: labels a tag pattern accepts, title tokens and KR field values
    /// removed. <c>suggest --evaluate</c> hides tags this way to see whether the suggestions find them again.
    /// </summary>
    public WorkItem WithoutOwnTags(WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item with
        {
            Labels = [.. item.Labels.Where(l => !_patterns.InLabel(l).Any())],
            Title = _patterns.WithoutTitleMentions(item.Title),
            KrValues = [],
        };
    }

    /// <summary>One finding per loop, about its smallest key (ordinal), so the same data reports the same subject.</summary>
    private static (int Item, Finding Finding) CycleFinding(IReadOnlyList<int> cycle, IReadOnlyList<WorkItem> items)
    {
        var start = 0;
        for (var i = 1; i < cycle.Count; i++)
        {
            if (string.CompareOrdinal(items[cycle[i]].Key, items[cycle[start]].Key) < 0)
            {
                start = i;
            }
        }

        var ordered = cycle.Skip(start).Concat(cycle.Take(start)).Append(cycle[start]).Select(i => items[i].Key);
        var subject = items[cycle[start]].Key;
        return (cycle[start], new Finding(
            LinkFindingRules.ParentCycle,
            LinkFindingRules.Severity,
            subject,
            $"The parent chain loops ({string.Join(" → ", ordered)}); no item on it inherits a KR through the loop."));
    }
}
