using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Linking;

public sealed class InheritanceLinkingTests
{
    private static LinkingResult Link(params WorkItem[] items) =>
        new WorkItemLinker(new LinkingOptions(), Some.Okrs()).Link(items);

    [Fact]
    public void Child_inherits_the_explicit_krs_of_its_parent_named_by_id()
    {
        var result = Link(
            Some.Item("PAY-1") with { Labels = ["kr:O1-KR1", "kr:O2-KR1"] },
            Some.Item("PAY-2") with { ParentId = "id-PAY-1" });

        Assert.Equal(
            [new ItemLink("O1-KR1", LinkReason.Inherited, "PAY-1"), new ItemLink("O2-KR1", LinkReason.Inherited, "PAY-1")],
            result.Items[1].Links);
        Assert.Equal(Bucket.Linked, result.Items[1].Bucket);
    }

    [Fact]
    public void Parent_key_resolves_case_insensitively_when_no_parent_id_is_given()
    {
        var result = Link(
            Some.Item("PAY-1") with { Labels = ["kr:O1-KR2"] },
            Some.Item("PAY-2") with { ParentKey = "pay-1" });

        Assert.Equal([new ItemLink("O1-KR2", LinkReason.Inherited, "PAY-1")], result.Items[1].Links);
    }

    [Fact]
    public void Grandchild_inherits_from_grandparent_through_an_untagged_parent()
    {
        var result = Link(
            Some.Item("PAY-3") with { ParentId = "id-PAY-2" },      // sub-task, listed before its ancestors
            Some.Item("PAY-2") with { ParentId = "id-PAY-1" },      // story, untagged
            Some.Item("PAY-1") with { Labels = ["kr:O2-KR1"] });    // epic

        Assert.Equal([new ItemLink("O2-KR1", LinkReason.Inherited, "PAY-1")], result.Items[0].Links);
        Assert.Equal([new ItemLink("O2-KR1", LinkReason.Inherited, "PAY-1")], result.Items[1].Links);
    }

    [Fact]
    public void Nearest_tagged_ancestor_wins()
    {
        var result = Link(
            Some.Item("PAY-1") with { Labels = ["kr:O2-KR1"] },
            Some.Item("PAY-2") with { ParentId = "id-PAY-1", Labels = ["kr:O1-KR1"] },
            Some.Item("PAY-3") with { ParentId = "id-PAY-2" });

        Assert.Equal([new ItemLink("O1-KR1", LinkReason.Inherited, "PAY-2")], result.Items[2].Links);
    }

    [Fact]
    public void A_parents_rule_link_is_not_inherited()
    {
        // Only explicit KRs pass down: PAY-1 is linked by the rule, so PAY-2 (a Story) gets nothing.
        var options = new LinkingOptions { Rules = [new RuleOptions { Field = "type", EqualsValue = "Epic", Kr = "O1-KR2" }] };
        var result = new WorkItemLinker(options, Some.Okrs()).Link(
        [
            Some.Item("PAY-1") with { Type = "Epic" },
            Some.Item("PAY-2") with { ParentId = "id-PAY-1" },
        ]);

        Assert.Equal([new ItemLink("O1-KR2", LinkReason.Rule, "rule 0")], result.Items[0].Links);
        Assert.Empty(result.Items[1].Links);
    }

    [Fact]
    public void An_item_with_the_same_key_in_another_source_is_not_a_parent()
    {
        var result = Link(
            Some.Item("PAY-1", source: "jira-export") with { Labels = ["kr:O1-KR1"] },
            Some.Item("PAY-2") with { ParentKey = "PAY-1", ParentId = "id-PAY-1" });

        Assert.Empty(result.Items[1].Links);
        Assert.Equal(Bucket.Unlinked, result.Items[1].Bucket);
    }

    [Fact]
    public void An_ancestor_missing_from_the_set_ends_the_walk()
    {
        var result = Link(
            Some.Item("PAY-1") with { Labels = ["kr:O1-KR1"] },
            Some.Item("PAY-2") with { ParentId = "id-PAY-99" },     // not synced
            Some.Item("PAY-3") with { ParentId = "id-PAY-2" });

        Assert.Empty(result.Items[1].Links);
        Assert.Empty(result.Items[2].Links);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Inherit_off_links_nothing_through_parents()
    {
        var options = new LinkingOptions { Inherit = false };
        var result = new WorkItemLinker(options, Some.Okrs()).Link(
        [
            Some.Item("PAY-1") with { Labels = ["kr:O1-KR1"] },
            Some.Item("PAY-2") with { ParentId = "id-PAY-1" },
        ]);

        Assert.Equal(Bucket.Unlinked, result.Items[1].Bucket);
    }

    [Fact]
    public void A_parent_cycle_ends_the_walk_without_inheritance_and_is_reported_once_about_its_smallest_key()
    {
        // PAY-3 → PAY-10 → PAY-3 loops; PAY-4 hangs below the loop. Ordinal order puts "PAY-10" before "PAY-3".
        var result = Link(
            Some.Item("PAY-3") with { ParentId = "id-PAY-10" },
            Some.Item("PAY-4") with { ParentId = "id-PAY-3" },
            Some.Item("PAY-10") with { ParentKey = "PAY-3" });

        Assert.All(result.Items, i => Assert.Equal(Bucket.Unlinked, i.Bucket));
        Assert.Equal(
            [new Finding("parent-cycle", "warning", "PAY-10",
                "The parent chain loops (PAY-10 → PAY-3 → PAY-10); no item on it inherits a KR through the loop.")],
            result.Findings);
    }

    [Fact]
    public void A_tagged_item_on_a_cycle_still_passes_its_krs_down_and_the_cycle_is_still_reported()
    {
        var result = Link(
            Some.Item("PAY-1") with { ParentId = "id-PAY-2", Labels = ["kr:O1-KR1"] },
            Some.Item("PAY-2") with { ParentId = "id-PAY-1" });

        Assert.Equal([new ItemLink("O1-KR1", LinkReason.Inherited, "PAY-1")], result.Items[1].Links);
        Assert.Equal("PAY-1", Assert.Single(result.Findings).Subject);
    }

    [Fact]
    public void An_item_that_is_its_own_parent_is_a_cycle()
    {
        var result = Link(Some.Item("PAY-1") with { ParentKey = "PAY-1" });

        Assert.Equal(Bucket.Unlinked, result.Items[0].Bucket);
        Assert.Equal(
            [new Finding("parent-cycle", "warning", "PAY-1",
                "The parent chain loops (PAY-1 → PAY-1); no item on it inherits a KR through the loop.")],
            result.Findings);
    }
}
