using OkrLinker.Core.Configuration;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Linking;

public sealed class KrTagFindingTests
{
    private static readonly WorkItemLinker Linker = new(new LinkingOptions(), Some.Okrs());

    [Fact]
    public void Unknown_tag_is_a_finding_with_the_closest_kr_not_a_link()
    {
        // "02-KR1" (zero, not O): O2-KR1 is 1 edit away, O1-KR1 2, O1-KR2 3.
        var result = Linker.Link([Some.Item("PAY-1") with { Labels = ["kr:02-KR1"] }]);

        Assert.Equal(Bucket.Unlinked, result.Items[0].Bucket);
        Assert.Equal(
            [new Finding("unknown-kr-tag", "warning", "PAY-1",
                "PAY-1 names '02-KR1' in label 'kr:02-KR1', which is no KR of 2026-Q4; did you mean O2-KR1?")],
            result.Findings);
    }

    [Fact]
    public void Suggestion_ties_go_to_the_first_kr_in_okrs_yaml_and_far_misses_get_none()
    {
        // "O1-KR3" is 1 edit from both O1-KR1 and O1-KR2: the file's first wins. "X-9" is more than 2 from all.
        var result = Linker.Link([Some.Item("PAY-1") with { Title = "[O1-KR3] cache", KrValues = ["X-9"] }]);

        Assert.Equal(
            [
                "PAY-1 names 'O1-KR3' in the title, which is no KR of 2026-Q4; did you mean O1-KR1?",
                "PAY-1 names 'X-9' in KR field value 'X-9', which is no KR of 2026-Q4.",
            ],
            result.Findings.Select(f => f.Message));
    }

    [Fact]
    public void Tag_naming_a_kr_of_an_ended_period_is_stale_not_unknown()
    {
        var result = Linker.Link([Some.Item("PAY-1") with { Labels = ["kr:o0-kr1"] }]);

        Assert.Equal(Bucket.Unlinked, result.Items[0].Bucket);
        Assert.Equal(
            [new Finding("stale-kr-tag", "warning", "PAY-1",
                "PAY-1 names 'o0-kr1' in label 'kr:o0-kr1', a KR of the ended period 2026-Q3; "
                + "it is not linked until it names a KR of 2026-Q4.")],
            result.Findings);
    }

    [Fact]
    public void A_known_kr_still_links_beside_a_mistyped_one()
    {
        var result = Linker.Link([Some.Item("PAY-1") with { Labels = ["kr:O1-KR1", "kr:O1-KR9"] }]);

        Assert.Equal([new ItemLink("O1-KR1", LinkReason.Explicit, "label kr:O1-KR1")], result.Items[0].Links);
        Assert.Equal("unknown-kr-tag", Assert.Single(result.Findings).Rule);
    }

    [Fact]
    public void The_same_wrong_id_named_twice_on_an_item_is_reported_once()
    {
        var result = Linker.Link([Some.Item("PAY-1") with { Labels = ["kr:O9-KR9"], Title = "[o9-kr9] x" }]);

        Assert.Single(result.Findings);
    }

    [Fact]
    public void Findings_come_in_item_order_then_by_rule()
    {
        var result = Linker.Link(
        [
            Some.Item("PAY-2") with { Labels = ["kr:O9-KR9"] },
            Some.Item("PAY-1") with { Labels = ["kr:O9-KR8", "kr:O1-KR7"] },   // unknown first, then stale
        ]);

        Assert.Equal(
            [("PAY-2", "unknown-kr-tag"), ("PAY-1", "stale-kr-tag"), ("PAY-1", "unknown-kr-tag")],
            result.Findings.Select(f => (f.Subject, f.Rule)));
    }

    [Fact]
    public void Items_sharing_one_label_list_each_get_their_own_finding_and_the_same_links()
    {
        // The store's reader gives every item with equal labels one list: the linker reads such a list once for
        // its links, but a finding names its item, so an unknown tag is still reported for each.
        IReadOnlyList<string> unknown = ["kr:O9-KR1"];
        IReadOnlyList<string> known = ["kr:O1-KR1", "frontend"];
        var result = Linker.Link(
        [
            Some.Item("PAY-1") with { Labels = unknown },
            Some.Item("PAY-2") with { Labels = known },
            Some.Item("PAY-3") with { Labels = unknown },
            Some.Item("PAY-4") with { Labels = known },
        ]);

        Assert.Equal(["PAY-1", "PAY-3"], result.Findings.Select(f => f.Subject));
        Assert.Equal(
            ["unlinked", "O1-KR1 Explicit label kr:O1-KR1", "unlinked", "O1-KR1 Explicit label kr:O1-KR1"],
            result.Items.Select(i => i.Links.Count == 0 ? "unlinked" : string.Join(", ", i.Links.Select(l => $"{l.KrId} {l.Reason} {l.Via}"))));
    }
}
