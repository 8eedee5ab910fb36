using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Reports;

namespace OkrLinker.Core.Linking;

/// <summary>
/// Maps each work item to the KRs it serves (DESIGN.md §7): explicit mentions, else the nearest
/// tagged ancestor's KRs, else the first matching rule; an item with no KR is BAU when a BAU rule
/// matches, else unlinked. The options are checked once, here, so a bad pattern fails at start.
/// </summary>
public sealed class WorkItemLinker
{
    private readonly ExplicitKrReader _explicit;
    private readonly bool _inherit;
    private readonly IReadOnlyList<LinkRule> _rules;
    private readonly IReadOnlyList<LinkRule> _bau;

    /// <exception cref="LinkingConfigException">
    /// A pattern does not parse or lacks a <c>kr</c> group, or a rule is incomplete, names an unknown
    /// field, or links to a KR that is not in the period. The message starts with the configuration key.
    /// </exception>
    public WorkItemLinker(LinkingOptions options, OkrSet okrs)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(okrs);

        var catalog = new KrCatalog(okrs);
        _explicit = new ExplicitKrReader(KrPatterns.Compile(options), catalog);
        _inherit = options.Inherit;
        _rules = [.. (options.Rules ?? []).Select((rule, i) => LinkRule.Compile(rule, $"Linking:Rules:{i}", catalog))];
        _bau = [.. (options.Bau ?? []).Select((rule, i) => LinkRule.Compile(rule, $"Linking:Bau:{i}", catalog: null))];
    }

    /// <summary>
    /// Links every item, Removed ones included (the figures leave those out). Items come back in input
    /// order; findings in item order, then by rule id.
    /// </summary>
    public LinkingResult Link(IReadOnlyList<WorkItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);

        var findings = new List<(int Item, Finding Finding)>();
        var explicitLinks = new IReadOnlyList<ItemLink>[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var found = new List<Finding>();
            explicitLinks[i] = _explicit.Read(items[i], found);
            findings.AddRange(found.Select(f => (i, f)));
        }

        var parents = _inherit ? new ParentGraph(items) : null;
        if (parents is not null)
        {
            findings.AddRange(parents.Cycles().Select(cycle => CycleFinding(cycle, items)));
        }

        var linked = new LinkedItem[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var links = explicitLinks[i].Count > 0 ? explicitLinks[i]
                : Inherited(i, items, explicitLinks, parents) ?? ByRule(items[i]);
            linked[i] = new LinkedItem(items[i], links, BucketOf(items[i], links));
        }

        return new LinkingResult(
            linked,
            [.. findings.OrderBy(f => f.Item).ThenBy(f => f.Finding.Rule, StringComparer.Ordinal).Select(f => f.Finding)]);
    }

    /// <summary>The explicit KRs of the nearest ancestor that has any; null when none does or the chain loops.</summary>
    private static List<ItemLink>? Inherited(
        int index, IReadOnlyList<WorkItem> items, IReadOnlyList<ItemLink>[] explicitLinks, ParentGraph? parents)
    {
        if (parents is null)
        {
            return null;
        }

        var visited = new HashSet<int> { index };
        for (var node = parents.ParentOf(index); node is { } ancestor; node = parents.ParentOf(ancestor))
        {
            if (!visited.Add(ancestor))
            {
                return null;
            }

            if (explicitLinks[ancestor].Count > 0)
            {
                return [.. explicitLinks[ancestor].Select(l => new ItemLink(l.KrId, LinkReason.Inherited, items[ancestor].Key))];
            }
        }

        return null;
    }

    private List<ItemLink> ByRule(WorkItem item)
    {
        for (var i = 0; i < _rules.Count; i++)
        {
            if (_rules[i].Matches(item))
            {
                return [new ItemLink(_rules[i].Kr!, LinkReason.Rule, $"rule {i}")];
            }
        }

        return [];
    }

    private Bucket BucketOf(WorkItem item, IReadOnlyList<ItemLink> links) =>
        links.Count > 0 ? Bucket.Linked
        : _bau.Any(rule => rule.Matches(item)) ? Bucket.Bau
        : Bucket.Unlinked;

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
