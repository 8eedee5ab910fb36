using OkrLinker.Core.Figures;

namespace OkrLinker.Core.Tests.Figures;

/// <summary>The unlinked items' sort keys give the order the report has always had: points first, most first, then key, ordinal.</summary>
public sealed class UnlinkedOrderTests
{
    private static readonly string[] Keys =
    [
        "", "A", "AB", "AB\0", "AB\0C", "ABC", "ABCDEFGHIJKL", "ABCDEFGHIJKLM", "ABCDEFGHIJKLN", "ABCDEFGHIJK", "abc", "ABCDEFGHIJKL\0",
        "PAY-1", "PAY-10", "PAY-2", "pay-1", "Ünlinked", "😀", "\uffff", "\ud800", "GEN-999876", "GEN-99987", "GEN-1000000",
    ];

    private static readonly double?[] Points = [null, 0, -0.0, 1, 2.5, 13, -3, double.NaN, double.PositiveInfinity, 1e-9];

    [Fact]
    public void Sorting_the_keys_gives_the_stable_order_by_points_then_key()
    {
        var random = new Random(11);
        var items = Enumerable.Range(0, 5_000).Select(_ => (Points: Points[random.Next(Points.Length)], Key: Keys[random.Next(Keys.Length)])).ToList();

        var expected = items.Select((item, at) => (item, at))
            .OrderBy(x => x.item.Points is null)
            .ThenByDescending(x => x.item.Points)
            .ThenBy(x => x.item.Key, StringComparer.Ordinal)
            .Select(x => x.at);
        var keys = items.Select((item, at) => new UnlinkedOrder(item.Points, item.Key, at)).ToArray();
        Array.Sort(keys);

        Assert.Equal(expected, keys.Select(k => k.At));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(5_000)]
    public void Sort_gives_the_order_Array_Sort_gives(int count)
    {
        var random = new Random(count);
        var keys = Enumerable.Range(0, count)
            .Select(at => new UnlinkedOrder(Points[random.Next(Points.Length)], Keys[random.Next(Keys.Length)], at))
            .ToArray();
        var expected = keys.ToArray();
        Array.Sort(expected);

        UnlinkedOrder.Sort(keys);

        Assert.Equal(expected.Select(k => k.At), keys.Select(k => k.At));
    }

    [Fact]
    public void Sort_orders_keys_given_in_order_and_in_reverse()
    {
        var inOrder = Enumerable.Range(0, 3_000).Select(n => new UnlinkedOrder(3_000 - n, "K", n)).ToArray();
        var reversed = inOrder.Reverse().ToArray();

        UnlinkedOrder.Sort(inOrder);
        UnlinkedOrder.Sort(reversed);

        Assert.Equal(Enumerable.Range(0, 3_000), inOrder.Select(k => k.At));
        Assert.Equal(Enumerable.Range(0, 3_000), reversed.Select(k => k.At));
    }

    [Fact]
    public void Heap_sort_the_fallback_gives_the_same_order()
    {
        var random = new Random(5);
        var keys = Enumerable.Range(0, 1_000)
            .Select(at => new UnlinkedOrder(Points[random.Next(Points.Length)], Keys[random.Next(Keys.Length)], at))
            .ToArray();
        var expected = keys.ToArray();
        Array.Sort(expected);

        UnlinkedOrder.HeapSort(keys);

        Assert.Equal(expected.Select(k => k.At), keys.Select(k => k.At));
    }
}
