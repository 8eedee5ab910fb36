using OkrLinker.Core.Items;
using OkrLinker.Core.Store;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Sync;

public sealed class StoreKeyOrderTests
{
    [Fact]
    public void Runs_merge_into_source_then_external_id_order_by_code_point()
    {
        // Four ascending runs, as rows inserted page by page come out of a row-order scan.
        List<WorkItem> items =
        [
            .. Ids("jira", "3", "5", "8"),
            .. Ids("ado", "1", "7"),
            .. Ids("jira", "1", "10", "4", "😀"),
            .. Ids("ado", "2", "～"),
        ];

        StoreKeyOrder.Sort(items);

        Assert.Equal(
            ["ado 1", "ado 2", "ado 7", "ado ～", "jira 1", "jira 10", "jira 3", "jira 4", "jira 5", "jira 8", "jira 😀"],
            items.Select(i => $"{i.Source} {i.ExternalId}"));
    }

    [Fact]
    public void A_shuffled_thousand_comes_out_as_code_point_order_sorts_them()
    {
        var random = new Random(11);
        var ids = Enumerable.Range(0, 1000).Select(n => n % 7 == 0 ? $"{(char)(0xFF00 + (n % 50))}{n}" : n % 11 == 0 ? $"😀{n}" : $"K-{n}").ToList();
        List<WorkItem> items = [.. ids.OrderBy(_ => random.Next()).Select(id => Some.Item("K-1") with { ExternalId = id })];

        StoreKeyOrder.Sort(items);

        var expected = ids.OrderBy(id => id, Comparer<string>.Create((a, b) => CodePoints(a).AsSpan().SequenceCompareTo(CodePoints(b)))).ToList();
        Assert.Equal(expected, items.Select(i => i.ExternalId));
    }

    [Fact]
    public void Two_halves_each_in_order_merge_into_the_order_of_both_with_their_companions()
    {
        List<WorkItem> lower = [.. Ids("ado", "2", "7"), .. Ids("jira", "1", "4", "😀")];
        List<WorkItem> upper = [.. Ids("ado", "1", "～"), .. Ids("jira", "10", "3")];
        var lowerTags = lower.Select(i => $"L{i.ExternalId}").ToList();
        var upperTags = upper.Select(i => $"U{i.ExternalId}").ToList();

        StoreKeyOrder.MergeSorted(lower, lowerTags, upper, upperTags);

        Assert.Equal(["ado 1", "ado 2", "ado 7", "ado ～", "jira 1", "jira 10", "jira 3", "jira 4", "jira 😀"], lower.Select(i => $"{i.Source} {i.ExternalId}"));
        Assert.Equal(["U1", "L2", "L7", "U～", "L1", "U10", "U3", "L4", "L😀"], lowerTags);
    }

    private static int[] CodePoints(string text) => [.. text.EnumerateRunes().Select(r => r.Value)];

    private static IEnumerable<WorkItem> Ids(string source, params string[] ids) =>
        ids.Select(id => Some.Item("K-1", source: source) with { ExternalId = id });
}
