using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Linking;

/// <summary>
/// An ancestor the tracker no longer returns passes nothing on; one that still exists but is Removed
/// (closed as not planned) still does (DESIGN.md §7).
/// </summary>
public sealed class GoneItemLinkingTests
{
    private static IReadOnlyList<LinkedItem> Link(params WorkItem[] items) =>
        new WorkItemLinker(new LinkingOptions(), Some.Okrs()).Link(items).Items;

    [Fact]
    public void Children_and_grandchildren_of_a_gone_epic_inherit_nothing()
    {
        var linked = Link(
            Some.Item("PAY-1").Gone() with { Type = "Epic", Labels = ["kr:O1-KR1"] },
            Some.Item("PAY-2") with { ParentId = "id-PAY-1" },
            Some.Item("PAY-3") with { ParentId = "id-PAY-2" });

        Assert.Equal([Bucket.Unlinked, Bucket.Unlinked], linked.Skip(1).Select(l => l.Bucket));
    }

    [Fact]
    public void Children_of_an_epic_closed_as_not_planned_still_inherit()
    {
        var linked = Link(
            Some.Item("PAY-1") with { Type = "Epic", Labels = ["kr:O1-KR1"], State = "Won't do", Category = StateCategory.Removed },
            Some.Item("PAY-2") with { ParentId = "id-PAY-1" });

        Assert.Equal([new ItemLink("O1-KR1", LinkReason.Inherited, "PAY-1")], linked[1].Links);
    }

    [Fact]
    public void A_gone_untagged_parent_does_not_relay_its_own_ancestors_krs()
    {
        var linked = Link(
            Some.Item("PAY-1") with { Type = "Epic", Labels = ["kr:O1-KR1"] },
            Some.Item("PAY-2").Gone() with { ParentId = "id-PAY-1" },
            Some.Item("PAY-3") with { ParentId = "id-PAY-2" });

        Assert.Equal([new ItemLink("O1-KR1", LinkReason.Inherited, "PAY-1")], linked[1].Links);
        Assert.Empty(linked[2].Links);
    }

    [Fact]
    public void Children_of_a_gone_epic_fall_to_a_rule_that_matches_them()
    {
        var options = new LinkingOptions { Rules = [new RuleOptions { Field = "component", EqualsValue = "Checkout", Kr = "O2-KR1" }] };
        var linked = new WorkItemLinker(options, Some.Okrs()).Link(
        [
            Some.Item("PAY-1").Gone() with { Labels = ["kr:O1-KR1"] },
            Some.Item("PAY-2") with { ParentId = "id-PAY-1", Components = ["Checkout"] },
        ]).Items;

        Assert.Equal([new ItemLink("O2-KR1", LinkReason.Rule, "rule 0")], linked[1].Links);
    }

    [Fact]
    public void A_gone_item_keeps_its_own_explicit_krs()
    {
        // It is Removed, so no figure counts it; what it names itself still reads back.
        var linked = Link(Some.Item("PAY-1").Gone() with { Labels = ["kr:O1-KR1"] });

        Assert.Equal([new ItemLink("O1-KR1", LinkReason.Explicit, "label kr:O1-KR1")], linked[0].Links);
    }
}
