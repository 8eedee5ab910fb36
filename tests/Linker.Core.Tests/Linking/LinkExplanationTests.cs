using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Linking;

/// <summary>What <c>explain</c> and the report's <c>link</c> field say, word for word, for each way of linking.</summary>
public sealed class LinkExplanationTests
{
    private static readonly LinkingOptions Options = new()
    {
        Rules = [new RuleOptions { Source = "jira", Field = "component", EqualsValue = "Checkout", Kr = "O2-KR1" }],
        Bau = [new RuleOptions { Field = "type", EqualsValue = "Bug" }, new RuleOptions { Label = "support" }],
    };

    private static readonly Dictionary<string, string> KrFields = new() { ["ado"] = "Custom.KeyResult" };

    private static LinkExplanation Explain(string key, params WorkItem[] items) =>
        new WorkItemLinker(Options, Some.Okrs(), KrFields).Link(items).Items.Single(l => l.Item.Key == key).Explanation!;

    [Fact]
    public void Explicit_by_label()
    {
        var explanation = Explain("GRO-301", Some.Item("GRO-301") with { Type = "Epic", Labels = ["kr:O1-KR1"] });

        Assert.Equal(Text(new LinkExplanation(LinkHow.Explicit, "GRO-301", ["O1-KR1"], ["GRO-301 serves O1-KR1 (label kr:O1-KR1)."])), Text(explanation));
    }

    [Fact]
    public void Explicit_by_title_token_and_kr_field()
    {
        var explanation = Explain(
            "4711",
            Some.AdoItem(4711) with { Title = "Faster card form [O1-KR2]", KrValues = ["O2-KR1"] });

        Assert.Equal(
            ["4711 serves O1-KR2 (title token [O1-KR2]) and O2-KR1 (field \"Custom.KeyResult\" = O2-KR1)."],
            explanation.Why);
    }

    [Fact]
    public void Inherited_from_the_epic()
    {
        var explanation = Explain(
            "GRO-318",
            Some.Item("GRO-301") with { Type = "Epic", Labels = ["kr:O1-KR1"] },
            Some.Item("GRO-318") with { ParentId = "id-GRO-301" });

        Assert.Equal(Text(new LinkExplanation(LinkHow.Inherited, "GRO-301", ["O1-KR1"], ["GRO-318 inherits O1-KR1 from its epic GRO-301 (label kr:O1-KR1)."])),
            Text(explanation));
    }

    [Fact]
    public void Inherited_through_an_untagged_parent()
    {
        var explanation = Explain(
            "GRO-320",
            Some.Item("GRO-301") with { Type = "Epic", Labels = ["kr:O1-KR1"] },
            Some.Item("GRO-318") with { ParentId = "id-GRO-301" },
            Some.Item("GRO-320") with { Type = "Sub-task", ParentId = "id-GRO-318" });

        Assert.Equal(["GRO-320 inherits O1-KR1 from its epic GRO-301 (label kr:O1-KR1) through its parent GRO-318."], explanation.Why);
    }

    [Fact]
    public void Reference_follows_the_chain_to_the_tag()
    {
        var explanation = Explain(
            "acme/web#88",
            Some.Item("PAY-3") with { Type = "Epic", Labels = ["kr:O1-KR1"] },
            Some.Item("PAY-12") with { ParentId = "id-PAY-3" },
            Some.PullRequest("acme/web#88", "Retry declined cards") with { Branch = "feature/pay-12-retry" });

        Assert.Equal(Text(new LinkExplanation(
                LinkHow.Reference,
                "PAY-12",
                ["O1-KR1"],
                [
                    "acme/web#88 serves O1-KR1 through PAY-12, which it names in its branch feature/pay-12-retry.",
                    "PAY-12 inherits O1-KR1 from its epic PAY-3 (label kr:O1-KR1).",
                ])),
            Text(explanation));
    }

    [Fact]
    public void Reference_to_two_items_across_trackers()
    {
        var explanation = Explain(
            "acme/web#89",
            Some.Item("PAY-12") with { Labels = ["kr:O1-KR1"] },
            Some.AdoItem(4711) with { KrValues = ["O2-KR1"] },
            Some.PullRequest("acme/web#89", "PAY-12: card form") with { Body = "Fixes AB#4711" });

        Assert.Equal(
            string.Join("\n", [
                "acme/web#89 serves O1-KR1 through PAY-12, which it names in its title, and O2-KR1 through 4711, which it names in its body as AB#4711.",
                "PAY-12 serves O1-KR1 (label kr:O1-KR1).",
                "4711 serves O2-KR1 (field \"Custom.KeyResult\" = O2-KR1).",
            ]),
            string.Join("\n", explanation.Why));
    }

    [Fact]
    public void Rule_says_which_rule_and_why_the_steps_before_found_nothing()
    {
        var explanation = Explain("PAY-40", Some.Item("PAY-40") with { Components = ["Checkout"] });

        Assert.Equal(Text(new LinkExplanation(
                LinkHow.Rule,
                "Linking:Rules:0",
                ["O2-KR1"],
                [
                    "PAY-40 serves O2-KR1 by rule Linking:Rules:0 (source jira, component equals Checkout).",
                    "It names no KR itself (no KR label, title token or KR field value).",
                    "It has no parent among the synced items.",
                    "It names no other item.",
                ])),
            Text(explanation));
    }

    [Fact]
    public void Bau_says_which_bau_rule()
    {
        var explanation = Explain(
            "PAY-41",
            Some.Item("PAY-30") with { Type = "Epic" },
            Some.Item("PAY-41") with { Type = "Bug", ParentId = "id-PAY-30" });

        Assert.Equal(Text(new LinkExplanation(
                LinkHow.Bau,
                "Linking:Bau:0",
                [],
                [
                    "PAY-41 is BAU, run work rather than change work: BAU rule Linking:Bau:0 matches (type equals Bug).",
                    "It names no KR itself (no KR label, title token or KR field value).",
                    "Its parent PAY-30 carries no KR.",
                    "It names no other item.",
                ])),
            Text(explanation));
    }

    [Fact]
    public void Unlinked_under_a_gone_epic_with_a_mistyped_tag_and_an_unsynced_reference()
    {
        var explanation = Explain(
            "GRO-373",
            Some.Item("GRO-301").Gone() with { Type = "Epic", Labels = ["kr:O1-KR1"] },
            Some.Item("GRO-310") with { ParentId = "id-GRO-301" },
            Some.Item("GRO-373") with { ParentId = "id-GRO-310", Labels = ["kr:O1-KR9"], Title = "Upgrade onboarding-service (see ABC-1)" });

        Assert.Equal(Text(new LinkExplanation(
                LinkHow.Unlinked,
                null,
                [],
                [
                    "GRO-373 is unlinked: nothing links it to a KR of 2026-Q4.",
                    "GRO-373 names 'O1-KR9' in label 'kr:O1-KR9', which is no KR of 2026-Q4; did you mean O1-KR1?",
                    "Its parent chain (GRO-310) carries no KR, and GRO-301 above it is gone from the tracker (not returned since 2026-11-22), so it passes nothing on.",
                    "It names ABC-1 in its title, which is no synced item.",
                    "No linking rule and no BAU rule matches it.",
                ])),
            Text(explanation));
    }

    [Fact]
    public void Unlinked_child_of_a_gone_parent_issue_whose_reference_has_no_kr()
    {
        var explanation = Explain(
            "acme/web#12",
            Some.Issue("acme/web#1").Gone() with { Labels = ["kr:O1-KR1"] },
            Some.Issue("acme/web#2"),
            Some.Issue("acme/web#12", "Polish") with { ParentKey = "acme/web#1", Body = "After #2" });

        Assert.Equal(
            [
                "acme/web#12 is unlinked: nothing links it to a KR of 2026-Q4.",
                "It names no KR itself (no KR label, title token or KR field value).",
                "Its parent acme/web#1 is gone from the tracker (not returned since 2026-11-22), so it passes nothing on.",
                "It names #2 in its body, and acme/web#2 has no KR to pass on.",
                "No linking rule and no BAU rule matches it.",
            ],
            explanation.Why);
    }

    [Fact]
    public void References_off_for_the_source_is_said()
    {
        var options = new LinkingOptions { ReferencesOff = ["gh"] };
        var explanation = new WorkItemLinker(options, Some.Okrs()).Link(
        [
            Some.Item("PAY-12") with { Labels = ["kr:O1-KR1"] },
            Some.PullRequest("acme/web#88", "PAY-12: retry declined cards"),
        ]).Items[1].Explanation!;

        Assert.Equal(
            [
                "acme/web#88 is unlinked: nothing links it to a KR of 2026-Q4.",
                "It names no KR itself (no KR label, title token or KR field value).",
                "It has no parent among the synced items.",
                "References are off for source gh (Linking:ReferencesOff).",
                "No BAU rule matches it.",
            ],
            explanation.Why);
    }

    // Records compare lists by reference; as text they compare by content and show where they differ.
    private static string Text(LinkExplanation e) =>
        $"{e.How} from {e.From ?? "-"} krs [{string.Join(", ", e.Krs)}]\n{string.Join("\n", e.Why)}";
}
