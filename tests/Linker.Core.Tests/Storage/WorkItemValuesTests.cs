using OkrLinker.Core.Items;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Storage;

/// <summary>
/// Project, area, iteration, components, labels and GoneAt are held apart from the item's other values (one object,
/// none while all are absent); what the properties give, equality and <c>with</c> must be as for any other value.
/// </summary>
public sealed class WorkItemValuesTests
{
    private static readonly DateTimeOffset Gone = new(2026, 11, 2, 8, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void An_item_without_them_gives_null_and_the_empty_lists()
    {
        var item = Some.Item("PAY-1") with { Project = null };

        Assert.Null(item.Project);
        Assert.Null(item.Area);
        Assert.Null(item.Iteration);
        Assert.Empty(item.Components);
        Assert.Empty(item.Labels);
        Assert.Null(item.GoneAt);
        Assert.Same(item.Labels, item.Components);
    }

    [Fact]
    public void Each_value_set_is_given_back_and_with_leaves_the_original_as_it_was()
    {
        IReadOnlyList<string> labels = ["kr:O1-KR1", "frontend"];
        var original = Some.Item("PAY-1") with { Area = "Shop\\Checkout", Labels = labels };

        var changed = original with { Iteration = "Sprint 7", Components = ["Checkout"], GoneAt = Gone, Area = null };

        Assert.Equal(("PAY", "Shop\\Checkout", (string?)null, 0, labels, (DateTimeOffset?)null), (original.Project, original.Area, original.Iteration, original.Components.Count, original.Labels, original.GoneAt));
        Assert.Equal(("PAY", (string?)null, "Sprint 7", "Checkout", labels, (DateTimeOffset?)Gone), (changed.Project, changed.Area, changed.Iteration, changed.Components.Single(), changed.Labels, changed.GoneAt));
        Assert.Equal(TimeSpan.FromHours(1), changed.GoneAt!.Value.Offset);
    }

    [Fact]
    public void Items_are_equal_exactly_when_these_values_are_too()
    {
        var item = Some.Item("PAY-1") with { Labels = ["frontend"] };

        Assert.Equal(item, item with { });
        Assert.Equal(item.GetHashCode(), (item with { }).GetHashCode());
        Assert.NotEqual(item, item with { Labels = ["frontend"] }); // another list, as before: lists compare by reference
        Assert.NotEqual(item, item with { Project = "GRO" });
        Assert.NotEqual(item, item with { GoneAt = Gone });

        // Setting a value and taking it away again is the item without it.
        var without = item with { Project = null, Labels = [] };
        Assert.Equal(without, without with { GoneAt = Gone } with { GoneAt = null });
        Assert.Equal(without, without with { Area = "Shop" } with { Area = null });
        Assert.Equal(without.GetHashCode(), (without with { Area = "Shop" } with { Area = null }).GetHashCode());
    }
}
