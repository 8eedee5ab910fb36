using OkrLinker.Core.Configuration;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Linking;

/// <summary>Linking a large set runs its per-item stages on two halves at once; what comes out must not depend on it.</summary>
public sealed class LinkingHalvesTests
{
    private static readonly LinkingOptions Options = new()
    {
        Rules = [new RuleOptions { Field = "component", EqualsValue = "Checkout", Kr = "O1-KR2" }],
        Bau = [new RuleOptions { Field = "type", EqualsValue = "Bug" }],
    };

    [Fact]
    public void Linking_on_two_halves_gives_every_item_finding_and_explanation_that_one_pass_gives()
    {
        var backlog = StructuredBacklog.Generate(seed: 5, initiatives: 30);
        var items = backlog.Items.Select((item, i) => (i % 9) switch
        {
            0 => item with { Type = "Bug" },
            1 => item with { Title = $"{item.Title} [O9-KR9] [O1-KR1]" },
            2 => item with { Components = ["Checkout"] },

            // References across the halves: an item of the upper half names one of the lower, and the other way round.
            3 => item with { Body = $"as in {backlog.Items[(i + (backlog.Items.Count / 2)) % backlog.Items.Count].Key}" },
            4 => item with { Labels = ["kr:O1-KR9"] },
            _ => item,
        }).ToList();

        // A parent loop across the halves: the first item's parent is the last, the last's is the first.
        items[0] = items[0] with { ParentId = items[^1].ExternalId, ParentKey = null };
        items[^1] = items[^1] with { ParentId = items[0].ExternalId, ParentKey = null };
        var linker = new WorkItemLinker(Options, backlog.Okrs);

        var onePass = linker.Link(items, facts: null, parallelFrom: int.MaxValue);
        var halves = linker.Link(items, facts: null, parallelFrom: 2);

        Assert.Equal(LinkFactsTests.Described(onePass), LinkFactsTests.Described(halves));
        Assert.Equal(onePass.Findings, halves.Findings);
        Assert.Contains(halves.Findings, f => f.Rule == LinkFindingRules.ParentCycle);
        Assert.Contains(halves.Findings, f => f.Rule == LinkFindingRules.UnknownKrTag);
        Assert.Contains(halves.Items, l => l.Links.Any(k => k.Reason == LinkReason.Reference));
        Assert.Contains(halves.Items, l => l.Links.Any(k => k.Reason == LinkReason.Inherited));
    }
}
