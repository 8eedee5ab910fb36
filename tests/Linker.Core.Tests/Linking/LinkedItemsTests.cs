using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Linking;

/// <summary>
/// The linker's result read by index (what the report's passes read) and as the public list of linked items (made only
/// when asked for): the same items, links, buckets and explanations either way.
/// </summary>
public sealed class LinkedItemsTests
{
    private static readonly LinkingOptions Options = new() { Bau = [new RuleOptions { Field = "type", EqualsValue = "Bug" }] };

    private static LinkingResult Link() =>
        new WorkItemLinker(Options, Some.Okrs()).Link(
        [
            Some.Item("PAY-1") with { Labels = ["kr:O1-KR1"] },
            Some.Item("PAY-2") with { ParentId = "id-PAY-1" },
            Some.Item("PAY-3") with { Type = "Bug" },
            Some.Item("PAY-4"),
        ]);

    [Fact]
    public void Index_view_reads_each_item_its_links_and_bucket_from_the_linkers_decisions()
    {
        var result = Link();
        var view = LinkedItems.Of(result.Items);

        Assert.Same(result.Items, view);
        Assert.Equal(4, view.Count);
        Assert.Equal(["PAY-1", "PAY-2", "PAY-3", "PAY-4"], Enumerable.Range(0, 4).Select(i => view.ItemAt(i).Key));
        Assert.Equal([new ItemLink("O1-KR1", LinkReason.Explicit, "label kr:O1-KR1")], view.LinksAt(0));
        Assert.Equal([new ItemLink("O1-KR1", LinkReason.Inherited, "PAY-1")], view.LinksAt(1));
        Assert.Empty(view.LinksAt(2));
        Assert.Empty(view.LinksAt(3));
        Assert.Equal([Bucket.Linked, Bucket.Linked, Bucket.Bau, Bucket.Unlinked], Enumerable.Range(0, 4).Select(view.BucketAt));
        Assert.Null(view.WhyAt(0));
        Assert.Null(view.WhyAt(2));
        Assert.Equal(
            [
                "PAY-4 is unlinked: nothing links it to a KR of 2026-Q4.",
                "It names no KR itself (no KR label, title token or KR field value).",
                "It has no parent among the synced items.",
                "It names no other item.",
                "No BAU rule matches it.",
            ],
            view.WhyAt(3)!.Explain().Why);
    }

    [Fact]
    public void Linked_items_are_made_when_first_asked_for_with_what_the_index_view_reads_and_the_same_instances_after()
    {
        var result = Link();
        var view = LinkedItems.Of(result.Items);

        var first = result.Items[1];
        Assert.Same(first, result.Items[1]);
        var enumerated = new List<LinkedItem>(result.Items);
        Assert.Same(result.Items[3], enumerated[3]);
        for (var i = 0; i < view.Count; i++)
        {
            Assert.Same(view.ItemAt(i), result.Items[i].Item);
            Assert.Same(view.LinksAt(i), result.Items[i].Links);
            Assert.Equal(view.BucketAt(i), result.Items[i].Bucket);
            Assert.Equal(view.ExplanationAt(i)!.Why, result.Items[i].Explanation!.Why);
        }

        Assert.Equal(LinkHow.Inherited, result.Items[1].Explanation!.How);
        Assert.Equal("PAY-1", result.Items[1].Explanation!.From);
        Assert.Equal(view.WhyAt(3)!.Explain().Why, result.Items[3].Explanation!.Why);
    }

    [Fact]
    public void Index_view_of_items_made_by_hand_reads_them_as_they_are()
    {
        var explanation = new LinkExplanation(LinkHow.Unlinked, null, [], ["by hand"]);
        IReadOnlyList<LinkedItem> list =
        [
            new(Some.Item("PAY-7"), [new ItemLink("O2-KR1", LinkReason.Rule, "rule 0")], Bucket.Linked),
            new(Some.Item("PAY-8"), [], Bucket.Unlinked) { Explanation = explanation },
        ];

        var view = LinkedItems.Of(list);

        Assert.Equal(2, view.Count);
        Assert.Same(list[0].Item, view.ItemAt(0));
        Assert.Equal([new ItemLink("O2-KR1", LinkReason.Rule, "rule 0")], view.LinksAt(0));
        Assert.Equal(Bucket.Unlinked, view.BucketAt(1));
        Assert.Null(view.WhyAt(1));
        Assert.Same(explanation, view.ExplanationAt(1));
        Assert.Same(list[1], view[1]);
    }
}
