using OkrLinker.Core.Configuration;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Linking;

public sealed class ExplicitLinkingTests
{
    private static LinkedItem LinkOne(Items.WorkItem item) =>
        new WorkItemLinker(new LinkingOptions(), Some.Okrs()).Link([item]).Items.Single();

    [Fact]
    public void Label_matching_a_tag_pattern_links_the_kr_it_names()
    {
        var linked = LinkOne(Some.Item("PAY-1") with { Labels = ["backend", "kr:O1-KR2"] });

        Assert.Equal([new ItemLink("O1-KR2", LinkReason.Explicit, "label kr:O1-KR2")], linked.Links);
        Assert.Equal(Bucket.Linked, linked.Bucket);
    }

    [Fact]
    public void Tag_pattern_must_match_the_whole_label()
    {
        // "see-kr:O1-KR2" contains "kr:O1-KR2" but the default pattern is anchored to the whole label.
        var linked = LinkOne(Some.Item("PAY-1") with { Labels = ["see-kr:O1-KR2"] });

        Assert.Empty(linked.Links);
        Assert.Equal(Bucket.Unlinked, linked.Bucket);
    }

    [Fact]
    public void Every_title_token_links_and_links_follow_okrs_yaml_order()
    {
        // O2-KR1 comes first in the title, but okrs.yaml lists O1-KR1 before it.
        var linked = LinkOne(Some.Item("PAY-1") with { Title = "[O2-KR1] checkout speed, also [O1-KR1]" });

        Assert.Equal(["O1-KR1", "O2-KR1"], linked.Links.Select(l => l.KrId));
        Assert.All(linked.Links, l => Assert.Equal(LinkReason.Explicit, l.Reason));
    }

    [Fact]
    public void Kr_field_values_split_on_commas_semicolons_and_spaces_and_accept_tag_forms()
    {
        var linked = LinkOne(Some.Item("PAY-1") with { KrValues = ["O2-KR1; o1-kr2", "kr:O1-KR1"] });

        Assert.Equal(["O1-KR1", "O1-KR2", "O2-KR1"], linked.Links.Select(l => l.KrId));
    }

    [Fact]
    public void Ids_match_case_insensitively_and_links_use_the_okrs_yaml_spelling()
    {
        var linked = LinkOne(Some.Item("PAY-1") with { Labels = ["KR=o1-kr1"] });

        Assert.Equal("O1-KR1", linked.Links.Single().KrId);
    }

    [Fact]
    public void A_kr_named_in_several_places_links_once()
    {
        var linked = LinkOne(Some.Item("PAY-1") with
        {
            Labels = ["kr:O1-KR1"],
            Title = "[o1-kr1] activation",
            KrValues = ["O1-KR1"],
        });

        Assert.Equal([new ItemLink("O1-KR1", LinkReason.Explicit, "label kr:O1-KR1")], linked.Links);
    }

    [Fact]
    public void Custom_patterns_are_matched_case_insensitively()
    {
        var options = new LinkingOptions
        {
            TagPatterns = [@"^okr/(?<kr>O\d+-KR\d+)$"],
            TitlePatterns = [@"#(?<kr>O\d+-KR\d+)\b"],
        };

        var result = new WorkItemLinker(options, Some.Okrs()).Link(
        [
            Some.Item("PAY-1") with { Labels = ["OKR/o2-kr1"] },
            Some.Item("PAY-2") with { Title = "Speed up #o1-KR2 checkout" },
        ]);

        Assert.Equal(["O2-KR1", "O1-KR2"], result.Items.Select(i => i.Links.Single().KrId));
    }
}
