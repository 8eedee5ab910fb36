using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Linking;

public sealed class RuleLinkingTests
{
    private static readonly WorkItem Checkout = Some.Item("PAY-7") with
    {
        Type = "Story",
        State = "In Progress",
        Team = "payments",
        Project = "acme/web",
        Area = @"Shop\Checkout\Cards",
        Components = ["Checkout", "API"],
        Labels = ["support"],
    };

    private static LinkingResult Link(LinkingOptions options, params WorkItem[] items) =>
        new WorkItemLinker(options, Some.Okrs()).Link(items);

    [Theory]
    [InlineData("type", "story", null, true)]
    [InlineData("type", "Bug", null, false)]
    [InlineData("state", null, "in ", true)]
    [InlineData("team", "PAYMENTS", null, true)]
    [InlineData("project", "acme/web", null, true)]
    [InlineData("area", null, @"shop\checkout", true)]          // StartsWith reaches sub-paths
    [InlineData("area", @"shop\checkout", null, false)]         // Equals does not
    [InlineData("component", "api", null, true)]                // any of the components
    [InlineData("components", "checkout", null, true)]          // the spelling of DESIGN.md's sample config
    [InlineData("repo", "ACME/WEB", null, true)]
    [InlineData("Type", null, "Sto", true)]
    public void Rule_compares_a_field_case_insensitively(string field, string? equals, string? startsWith, bool links)
    {
        var options = new LinkingOptions { Rules = [new RuleOptions { Field = field, EqualsValue = equals, StartsWith = startsWith, Kr = "O2-KR1" }] };

        var linked = Link(options, Checkout).Items.Single();

        IReadOnlyList<ItemLink> expected = links ? [new ItemLink("O2-KR1", LinkReason.Rule, "rule 0")] : [];
        Assert.Equal(expected, linked.Links);
    }

    [Fact]
    public void First_matching_rule_decides_and_via_names_its_index()
    {
        var options = new LinkingOptions
        {
            Rules =
            [
                new RuleOptions { Field = "type", EqualsValue = "Bug", Kr = "O1-KR1" },
                new RuleOptions { Label = "SUPPORT", Kr = "o1-kr2" },
                new RuleOptions { Field = "component", EqualsValue = "Checkout", Kr = "O2-KR1" },
            ],
        };

        var linked = Link(options, Checkout).Items.Single();

        Assert.Equal([new ItemLink("O1-KR2", LinkReason.Rule, "rule 1")], linked.Links);
    }

    [Fact]
    public void Rule_source_must_name_the_items_source()
    {
        var options = new LinkingOptions { Rules = [new RuleOptions { Source = "JIRA", Field = "type", EqualsValue = "Story", Kr = "O2-KR1" }] };

        var result = Link(options, Checkout, Checkout with { Source = "gh", Key = "acme/web#7" });

        Assert.Equal(Bucket.Linked, result.Items[0].Bucket);
        Assert.Equal(Bucket.Unlinked, result.Items[1].Bucket);
    }

    [Fact]
    public void Explicit_tag_beats_inherited_kr_and_rule()
    {
        var options = new LinkingOptions { Rules = [new RuleOptions { Field = "type", EqualsValue = "Story", Kr = "O1-KR2" }] };

        var result = Link(
            options,
            Some.Item("PAY-1") with { Labels = ["kr:O1-KR1"] },
            Some.Item("PAY-2") with { ParentId = "id-PAY-1", Labels = ["kr:O2-KR1"] });

        Assert.Equal([new ItemLink("O2-KR1", LinkReason.Explicit, "label kr:O2-KR1")], result.Items[1].Links);
    }

    [Fact]
    public void Inherited_kr_beats_rule()
    {
        var options = new LinkingOptions { Rules = [new RuleOptions { Field = "type", EqualsValue = "Story", Kr = "O1-KR2" }] };

        var result = Link(
            options,
            Some.Item("PAY-1") with { Labels = ["kr:O1-KR1"] },
            Some.Item("PAY-2") with { ParentId = "id-PAY-1" });

        Assert.Equal([new ItemLink("O1-KR1", LinkReason.Inherited, "PAY-1")], result.Items[1].Links);
    }

    [Fact]
    public void Item_without_kr_is_bau_when_a_bau_rule_matches_else_unlinked()
    {
        var options = new LinkingOptions
        {
            Bau = [new RuleOptions { Field = "type", EqualsValue = "bug" }, new RuleOptions { Label = "Support" }],
        };

        var result = Link(
            options,
            Some.Item("PAY-1") with { Type = "Bug" },
            Some.Item("PAY-2") with { Labels = ["support"] },
            Some.Item("PAY-3"),
            Some.Item("PAY-4") with { Type = "Bug", Labels = ["kr:O1-KR1"] });   // a KR wins over BAU

        Assert.Equal([Bucket.Bau, Bucket.Bau, Bucket.Unlinked, Bucket.Linked], result.Items.Select(i => i.Bucket));
        Assert.All(result.Items.Take(3), i => Assert.Empty(i.Links));
    }

    [Fact]
    public void Removed_items_are_linked_too_and_items_keep_input_order()
    {
        var result = Link(
            new LinkingOptions(),
            Some.Removed("PAY-9") with { Labels = ["kr:O1-KR1"] },
            Some.Item("PAY-1"));

        Assert.Equal(["PAY-9", "PAY-1"], result.Items.Select(i => i.Item.Key));
        Assert.Equal(Bucket.Linked, result.Items[0].Bucket);
    }
}
