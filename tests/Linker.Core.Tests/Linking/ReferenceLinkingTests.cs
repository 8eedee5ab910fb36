using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Linking;

/// <summary>
/// Cross-references (DESIGN.md §7): work planned in Jira or Azure Boards and delivered in GitHub.
/// The backlog below: Jira epic PAY-3 (kr:O1-KR1) with story PAY-12; Azure DevOps story 4711
/// (Key Result O2-KR1); GitHub issue acme/web#50 (kr:O1-KR2).
/// </summary>
public sealed class ReferenceLinkingTests
{
    private static readonly WorkItem[] Backlog =
    [
        Some.Item("PAY-3") with { Type = "Epic", Labels = ["kr:O1-KR1"] },
        Some.Item("PAY-12") with { ParentId = "id-PAY-3" },
        Some.AdoItem(4711) with { KrValues = ["O2-KR1"] },
        Some.Issue("acme/web#50") with { Labels = ["kr:O1-KR2"] },
    ];

    private static List<LinkedItem> Link(params WorkItem[] pullRequests) => Link(new LinkingOptions(), pullRequests);

    private static List<LinkedItem> Link(LinkingOptions options, params WorkItem[] pullRequests) =>
        [.. new WorkItemLinker(options, Some.Okrs()).Link([.. Backlog, .. pullRequests]).Items.Skip(Backlog.Length)];

    [Fact]
    public void A_pull_request_naming_a_jira_story_in_its_title_serves_the_storys_inherited_kr()
    {
        var pr = Link(Some.PullRequest("acme/web#88", "PAY-12: retry declined cards")).Single();

        Assert.Equal([new ItemLink("O1-KR1", LinkReason.Reference, "PAY-12")], pr.Links);
        Assert.Equal(Bucket.Linked, pr.Bucket);
    }

    [Fact]
    public void A_pull_request_naming_an_azure_boards_item_in_its_body_serves_its_kr()
    {
        var pr = Link(Some.PullRequest("acme/web#89", "Show the card form faster") with { Body = "Speeds up the form.\n\nFixes AB#4711" }).Single();

        Assert.Equal([new ItemLink("O2-KR1", LinkReason.Reference, "4711")], pr.Links);
    }

    [Fact]
    public void A_head_branch_names_a_jira_key_in_lower_case()
    {
        var pr = Link(Some.PullRequest("acme/web#90", "Retry declined cards") with { Branch = "feature/pay-12-retry" }).Single();

        Assert.Equal([new ItemLink("O1-KR1", LinkReason.Reference, "PAY-12")], pr.Links);
    }

    [Fact]
    public void A_bare_issue_number_means_an_issue_of_the_pull_requests_own_repo()
    {
        var linked = Link(
            Some.PullRequest("acme/web#91", "Onboarding checklist") with { Body = "Closes #50" },
            Some.PullRequest("acme/design-system#7", "Tokens") with { Body = "Closes #50" },
            Some.PullRequest("acme/design-system#8", "Tokens, again") with { Body = "Part of acme/web#50" });

        Assert.Equal([new ItemLink("O1-KR2", LinkReason.Reference, "acme/web#50")], linked[0].Links);
        Assert.Empty(linked[1].Links);      // acme/design-system#50 is no synced item
        Assert.Equal([new ItemLink("O1-KR2", LinkReason.Reference, "acme/web#50")], linked[2].Links);
    }

    [Fact]
    public void Several_named_items_give_all_their_krs_in_okrs_yaml_order()
    {
        var pr = Link(Some.PullRequest("acme/web#92", "AB#4711 and PAY-12 in one go")).Single();

        Assert.Equal(
            [new ItemLink("O1-KR1", LinkReason.Reference, "PAY-12"), new ItemLink("O2-KR1", LinkReason.Reference, "4711")],
            pr.Links);
    }

    [Fact]
    public void A_key_of_an_unsynced_project_or_an_unknown_id_links_nothing_and_raises_no_finding()
    {
        var result = new WorkItemLinker(new LinkingOptions(), Some.Okrs()).Link(
        [
            .. Backlog,
            Some.PullRequest("acme/web#93", "ABC-7: tidy up") with { Body = "See AB#9999 and acme/api#3" },
        ]);

        Assert.Empty(result.Items[^1].Links);
        Assert.Equal(Bucket.Unlinked, result.Items[^1].Bucket);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void An_explicit_tag_on_the_pull_request_wins_over_its_reference()
    {
        var pr = Link(Some.PullRequest("acme/web#94", "PAY-12: tune retries [O2-KR1]")).Single();

        Assert.Equal([new ItemLink("O2-KR1", LinkReason.Explicit, "title token [O2-KR1]")], pr.Links);
    }

    [Fact]
    public void A_tagged_parent_wins_over_a_reference()
    {
        var child = Link(
            Some.Issue("acme/web#60") with { Labels = ["kr:O1-KR2"] },
            Some.Issue("acme/web#61", "Follow-up to PAY-12") with { ParentKey = "acme/web#60" })[1];

        Assert.Equal([new ItemLink("O1-KR2", LinkReason.Inherited, "acme/web#60")], child.Links);
    }

    [Fact]
    public void References_pass_on_through_an_untagged_item_that_names_another()
    {
        // #95 names #96, which names PAY-12: both end at PAY-12's KR, each through the item it names itself.
        var linked = Link(
            Some.PullRequest("acme/web#95", "Follow-up to #96"),
            Some.PullRequest("acme/web#96", "PAY-12: retry declined cards"));

        Assert.Equal([new ItemLink("O1-KR1", LinkReason.Reference, "acme/web#96")], linked[0].Links);
        Assert.Equal([new ItemLink("O1-KR1", LinkReason.Reference, "PAY-12")], linked[1].Links);
    }

    [Fact]
    public void A_reference_cycle_ends_and_what_lies_beyond_it_still_passes_whatever_the_order()
    {
        // #97 and #98 name each other; #98 also names PAY-12. #99 and #100 only name each other.
        WorkItem[] loop =
        [
            Some.PullRequest("acme/web#97", "See #98"),
            Some.PullRequest("acme/web#98", "See #97, for PAY-12"),
            Some.PullRequest("acme/web#99", "See #100"),
            Some.PullRequest("acme/web#100", "See #99"),
        ];

        foreach (var order in new[] { loop, [.. loop.Reverse()] })
        {
            var linked = Link(order).ToDictionary(l => l.Item.Key);

            Assert.Equal([new ItemLink("O1-KR1", LinkReason.Reference, "acme/web#98")], linked["acme/web#97"].Links);
            Assert.Equal([new ItemLink("O1-KR1", LinkReason.Reference, "PAY-12")], linked["acme/web#98"].Links);
            Assert.Empty(linked["acme/web#99"].Links);
            Assert.Empty(linked["acme/web#100"].Links);
        }
    }

    [Fact]
    public void An_item_that_names_itself_is_no_reference()
    {
        var pr = Link(Some.PullRequest("acme/web#101", "Fixes #101")).Single();

        Assert.Empty(pr.Links);
    }

    [Fact]
    public void A_named_items_rule_link_does_not_pass_on()
    {
        var options = new LinkingOptions { Rules = [new RuleOptions { Source = "jira", Field = "component", EqualsValue = "Checkout", Kr = "O2-KR1" }] };
        var linked = new WorkItemLinker(options, Some.Okrs()).Link(
        [
            Some.Item("PAY-40") with { Components = ["Checkout"] },
            Some.PullRequest("acme/web#102", "PAY-40: new checkout button"),
        ]).Items;

        Assert.Equal([new ItemLink("O2-KR1", LinkReason.Rule, "rule 0")], linked[0].Links);
        Assert.Empty(linked[1].Links);
    }

    [Fact]
    public void A_named_item_closed_as_not_planned_still_passes_but_a_gone_one_does_not()
    {
        var linked = new WorkItemLinker(new LinkingOptions(), Some.Okrs()).Link(
        [
            Some.Item("PAY-20") with { Labels = ["kr:O1-KR1"], State = "Won't do", Category = StateCategory.Removed },
            Some.Item("PAY-21").Gone() with { Labels = ["kr:O1-KR2"] },
            Some.PullRequest("acme/web#103", "PAY-20: try it anyway"),
            Some.PullRequest("acme/web#104", "PAY-21: leftovers"),
        ]).Items;

        Assert.Equal([new ItemLink("O1-KR1", LinkReason.Reference, "PAY-20")], linked[2].Links);
        Assert.Empty(linked[3].Links);
    }

    [Fact]
    public void References_can_be_turned_off_for_a_source()
    {
        var pr = Link(new LinkingOptions { ReferencesOff = ["GH"] }, Some.PullRequest("acme/web#105", "PAY-12: retry declined cards")).Single();

        Assert.Empty(pr.Links);
    }

    [Fact]
    public void A_source_with_references_off_can_still_be_named()
    {
        var pr = Link(new LinkingOptions { ReferencesOff = ["jira"] }, Some.PullRequest("acme/web#106", "PAY-12: retry declined cards")).Single();

        Assert.Equal([new ItemLink("O1-KR1", LinkReason.Reference, "PAY-12")], pr.Links);
    }

    [Fact]
    public void Custom_reference_patterns_replace_the_defaults()
    {
        // Only "Implements <key>" counts here, so a title that merely mentions PAY-12 links nothing.
        var options = new LinkingOptions { ReferencePatterns = [@"Implements (?<key>[A-Z]+-\d+)"] };
        var linked = Link(
            options,
            Some.PullRequest("acme/web#107", "Like PAY-12, but elsewhere"),
            Some.PullRequest("acme/web#108", "Retries") with { Body = "Implements PAY-12" });

        Assert.Empty(linked[0].Links);
        Assert.Equal([new ItemLink("O1-KR1", LinkReason.Reference, "PAY-12")], linked[1].Links);
    }

    [Fact]
    public void A_reference_pattern_without_a_key_or_number_group_is_refused_naming_its_key()
    {
        var options = new LinkingOptions { ReferencePatterns = [@"AB#\d+"] };

        var error = Assert.Throws<LinkingConfigException>(() => new WorkItemLinker(options, Some.Okrs()));

        Assert.Equal("Linking:ReferencePatterns:0", error.Key);
    }

    [Fact]
    public void The_referring_item_counts_once_as_itself_in_its_own_team()
    {
        var pr = Link(Some.PullRequest("acme/web#109", "PAY-12: retry declined cards")).Single();

        Assert.Equal(("acme/web#109", "web"), (pr.Item.Key, pr.Item.Team));
    }
}
