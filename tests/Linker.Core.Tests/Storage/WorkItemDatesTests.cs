using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Storage;

/// <summary>
/// Created, Updated and Resolved are held as UTC ticks with their offsets apart (16 bytes less an item); what the
/// properties give, equality and <c>with</c> must be as when each was a DateTimeOffset.
/// </summary>
public sealed class WorkItemDatesTests
{
    private static readonly DateTimeOffset Created = new(2026, 10, 5, 9, 0, 0, TimeSpan.FromHours(2));
    private static readonly DateTimeOffset Updated = new(2026, 10, 6, 23, 30, 0, TimeSpan.FromMinutes(-570));
    private static readonly DateTimeOffset Resolved = new(2026, 10, 7, 0, 15, 0, TimeSpan.FromMinutes(345));

    [Fact]
    public void Each_date_is_given_back_with_its_own_offset()
    {
        var item = Some.Item("PAY-1") with { Created = Created, Updated = Updated, Resolved = Resolved };

        Assert.Equal((Created, TimeSpan.FromHours(2)), (item.Created, item.Created.Offset));
        Assert.Equal((Updated, TimeSpan.FromMinutes(-570)), (item.Updated, item.Updated.Offset));
        Assert.Equal((Resolved, TimeSpan.FromMinutes(345)), (item.Resolved!.Value, item.Resolved.Value.Offset));
        Assert.Equal(new DateTime(2026, 10, 7, 9, 0, 0), item.Updated.UtcDateTime);
        Assert.Equal(new DateTime(2026, 10, 6, 18, 30, 0), item.Resolved.Value.UtcDateTime);
        Assert.Equal(new DateTime(2026, 10, 5, 9, 0, 0), item.Created.DateTime);
    }

    [Fact]
    public void Resolved_absent_is_null_and_with_leaves_the_original_as_it_was()
    {
        var original = Some.Item("PAY-1") with { Resolved = Resolved };

        var reopened = original with { Resolved = null, Updated = Updated };

        Assert.Null(reopened.Resolved);
        Assert.Equal(Resolved, original.Resolved);
        Assert.Equal(Some.Created, original.Updated);
        Assert.Equal(TimeSpan.Zero, original.Updated.Offset);
        Assert.Equal(Updated, reopened.Updated);
        Assert.Equal(DateTimeOffset.MinValue, (original with { Created = DateTimeOffset.MinValue }).Created);
        Assert.Equal(DateTimeOffset.MaxValue, (original with { Created = DateTimeOffset.MaxValue }).Created);
    }

    [Fact]
    public void Items_compare_their_dates_as_instants_as_DateTimeOffset_does()
    {
        var item = Some.Item("PAY-1") with { Resolved = Resolved };

        // The same instants at other offsets: equal, as the DateTimeOffsets themselves are.
        var elsewhere = item with { Created = item.Created.ToOffset(TimeSpan.FromHours(-5)), Resolved = Resolved.ToUniversalTime() };
        Assert.Equal(item, elsewhere);
        Assert.Equal(item.GetHashCode(), elsewhere.GetHashCode());
        Assert.Equal(TimeSpan.FromHours(-5), elsewhere.Created.Offset);

        Assert.NotEqual(item, item with { Created = item.Created.AddTicks(1) });
        Assert.NotEqual(item, item with { Updated = item.Updated.AddMinutes(1) });
        Assert.NotEqual(item, item with { Resolved = null });
        Assert.Equal(item with { Resolved = null }, item with { Resolved = null });
    }
}
