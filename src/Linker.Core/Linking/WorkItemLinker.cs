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

    // The last inherited decision made: siblings come one after the other and share it.
    private LinkDecision? _inheritedDecision;

    // The last explicit decision made, shared by the next item that holds the same list of links.
    private LinkDecision? _explicitDecision;

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
    internal LinkingResult Link(IReadOnlyList<WorkItem> items, IReadOnlyList<LinkFacts>? facts)
    {
        ArgumentNullException.ThrowIfNull(items);
        facts ??= FactsOf(items);

        var findings = new List<(int Item, Finding Finding)>();
        var tagFindings = new IReadOnlyList<Finding>[items.Count];
        var explicitLinks = new IReadOnlyList<ItemLink>[items.Count];
        var found = new List<Finding>();
        var byMentions = new Dictionary<IReadOnlyList<KrMention>, IReadOnlyList<ItemLink>>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < items.Count; i++)
        {
            found.Clear();
            explicitLinks[i] = ExplicitLinks(items[i], facts[i].Mentions, found, byMentions);
            tagFindings[i] = found.Count == 0 ? [] : [.. found];
            foreach (var finding in found)
            {
                findings.Add((i, finding));
            }
        }

        var parents = _inherit ? new ParentGraph(items) : null;
        if (parents is not null)
        {
            findings.AddRange(parents.Cycles().Select(cycle => CycleFinding(cycle, items)));
        }

        var walks = new InheritanceWalk[items.Count];
        var own = new IReadOnlyList<ItemLink>?[items.Count];
        Func<int, bool> isGone = n => items[n].GoneAt is not null;
        Func<int, bool> hasExplicit = n => explicitLinks[n].Count > 0;

        // The children of one tagged item inherit the same links: one list for all of them. Siblings walk the same
        // chain from their parent: one walk for all of them, unless it loops (then where it closes depends on the child).
        var inherited = parents is null ? null : new IReadOnlyList<ItemLink>?[items.Count];
        var walkFromParent = parents is null ? null : new InheritanceWalk?[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            walks[i] = parents is null ? InheritanceWalk.Off : WalkFrom(i, parents);
            own[i] = explicitLinks[i].Count > 0 ? explicitLinks[i]
                : walks[i].Tagged is { } tagged ? InheritedFrom(tagged)
                : null;
        }

        InheritanceWalk WalkFrom(int index, ParentGraph graph)
        {
            if (graph.ParentOf(index) is not { } parent)
            {
                return InheritanceWalk.From(index, graph, isGone, hasExplicit);
            }

            if (walkFromParent![parent] is { } shared)
            {
                return shared;
            }

            var walk = InheritanceWalk.From(index, graph, isGone, hasExplicit);
            if (!walk.Loops)
            {
                walkFromParent[parent] = walk;
            }

            return walk;
        }

        IReadOnlyList<ItemLink> InheritedFrom(int tagged)
        {
            // By index, not in a dictionary: nearly every item of a million asks.
            return inherited![tagged] ??= [.. explicitLinks[tagged].Select(l => new ItemLink(l.KrId, LinkReason.Inherited, items[tagged].Key))];
        }

        var references = new ReferenceGraph(items, i => facts[i].References);
        var follower = new ReferenceFollower(items, own, references, kr => _catalog.Find(kr)?.Order ?? int.MaxValue);
        var decisions = new LinkDecision[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            decisions[i] = Decide(facts[i], explicitLinks[i], own[i], follower, i);
        }

        var explainer = new LinkExplainer(
            new LinkExplainer.State(items, explicitLinks, tagFindings, walks, references, decisions),
            _catalog.PeriodName,
            _inherit,
            _references,
            _rules.Count > 0);
        var linked = new LinkedItem[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var bucket = decisions[i].How switch
            {
                LinkHow.Bau => Bucket.Bau,
                LinkHow.Unlinked => Bucket.Unlinked,
                _ => Bucket.Linked,
            };
            linked[i] = new LinkedItem(items[i], decisions[i].Links, bucket) { ExplainLater = (explainer, i) };
        }

        return new LinkingResult(
            linked,
            [.. findings.OrderBy(f => f.Item).ThenBy(f => f.Finding.Rule, StringComparer.Ordinal).Select(f => f.Finding)])
        {
            Graphs = new LinkGraphs(parents, references),
        };
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
        LinkFacts facts, IReadOnlyList<ItemLink> explicitLinks, IReadOnlyList<ItemLink>? own, ReferenceFollower follower, int index)
    {
        if (explicitLinks.Count > 0)
        {
            // Items that name the same KRs the same way hold one list of links (ExplicitLinks): one decision for all.
            if (_explicitDecision is not { } named || !ReferenceEquals(named.Links, explicitLinks))
            {
                _explicitDecision = named = new LinkDecision(LinkHow.Explicit, explicitLinks, null);
            }

            return named;
        }

        if (own is not null)
        {
            // Every child of one tagged item holds the same list (see Link): one decision for all of them.
            if (_inheritedDecision is not { } last || !ReferenceEquals(last.Links, own))
            {
                _inheritedDecision = last = new LinkDecision(LinkHow.Inherited, own, null);
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
