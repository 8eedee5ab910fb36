using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Metrics;
using OkrLinker.Core.Metrics.Tracker;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Store;
using OkrLinker.Core.Tests.Support;

namespace OkrLinker.Core.Tests.Metrics;

/// <summary>
/// The tracker provider over a real store, by hand: the range 2026-10-01 00:00 → 10-05 12:00 gives six moments
/// (five midnights and the end). Each expected value below is worked out item by item in the comments.
/// </summary>
public sealed class TrackerMetricProviderTests : IAsyncLifetime
{
    private static readonly DateTimeOffset From = At(10, 1);
    private static readonly DateTimeOffset To = At(10, 5, 12);

    private TempStore store = null!;

    public async Task InitializeAsync()
    {
        store = await TempStore.CreateAsync();
        await using var db = store.CreateDbContext();
        foreach (var item in Items())
        {
            var row = new WorkItemRow();
            item.CopyTo(row, "PAY");
            db.WorkItems.Add(row);
        }

        await db.SaveChangesAsync();
    }

    public Task DisposeAsync()
    {
        store.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Samples_fall_on_each_midnight_and_the_end_of_the_range()
    {
        var samples = await ReadAsync(TrackerMeasure.Count);

        Assert.Equal([At(10, 1), At(10, 2), At(10, 3), At(10, 4), At(10, 5), At(10, 5, 12)], samples.Select(s => s.At));
        Assert.All(samples, s => Assert.Equal("O1-KR1", s.KrId));
    }

    [Fact]
    public async Task Count_of_open_p1_bugs_follows_each_items_created_and_closed_times()
    {
        // B1 open all along. B3 in progress until it closes 10-01 12:00. B6 open until removed 10-03 12:00.
        // B2 exists from 10-02 10:00 and is in progress until done 10-04 10:00. B5 is ToDo; B4 lacks p1; S1 is a story.
        // 10-01: B1 B3 B6 = 3; 10-02: B1 B6 = 2; 10-03: B1 B2 B6 = 3; 10-04: B1 B2 = 2; 10-05 and the end: B1 = 1.
        var samples = await ReadAsync(TrackerMeasure.Count, Rule("type", "Bug"), Label("p1"), Rule("category", "InProgress"));

        Assert.Equal([3.0, 2, 3, 2, 1, 1], samples.Select(s => s.Value));
    }

    [Fact]
    public async Task Points_of_p1_bugs_count_every_category_but_removed()
    {
        // 10-01 and 10-02: B1 3 + B3 2 + B6 8 + B7 0 (no points) = 13. 10-03: + B2 5 + B5 1 (created 10-03 00:00) = 19.
        // 10-04 on: B6 was removed 10-03 12:00, 19 - 8 = 11.
        var samples = await ReadAsync(TrackerMeasure.Points, Rule("type", "Bug"), Label("p1"));

        Assert.Equal([13.0, 13, 19, 11, 11, 11], samples.Select(s => s.Value));
    }

    [Fact]
    public async Task Median_cycle_days_of_bugs_done_in_the_last_28_days()
    {
        // Done bugs: B8 10 days (closed 09-20), B3 3.5 days (closed 10-01 12:00), B2 2 days (closed 10-04 10:00);
        // B7 closed 09-01, outside every window. 10-01: [10] = 10; 10-02 to 10-04: [3.5, 10] = 6.75; 10-05 on: [2, 3.5, 10] = 3.5.
        var samples = await ReadAsync(TrackerMeasure.MedianCycleDays, Rule("type", "Bug"));

        Assert.Equal([10.0, 6.75, 6.75, 6.75, 3.5, 3.5], samples.Select(s => s.Value));
    }

    [Fact]
    public async Task Median_cycle_days_drops_items_closed_before_its_window()
    {
        // At 10-19 00:00 the window opens after 09-21 00:00: B8 (closed 09-20) is out; [2, 3.5] = 2.75.
        var samples = await ReadAsync(TrackerMeasure.MedianCycleDays, At(10, 19), At(10, 19), Rule("type", "Bug"));

        Assert.Equal((At(10, 19), 2.75), (samples.Single().At, samples.Single().Value));
    }

    [Fact]
    public async Task Median_cycle_days_without_done_items_has_no_sample()
    {
        var samples = await ReadAsync(TrackerMeasure.MedianCycleDays, Rule("type", "Story"));

        Assert.Empty(samples);
    }

    [Fact]
    public async Task Count_with_no_match_is_zero_not_missing()
    {
        var samples = await ReadAsync(TrackerMeasure.Count, Label("no-such-label"));

        Assert.Equal([0.0, 0, 0, 0, 0, 0], samples.Select(s => s.Value));
    }

    [Fact]
    public async Task Where_rules_read_source_and_every_field_as_linking_rules_do()
    {
        // Stories and bugs of source jira in project PAY at the end: B1 B2 B3 B4 B5 B7 B8 S1 = 8 (B6 removed).
        var samples = await ReadAsync(TrackerMeasure.Count, To, To, new RuleOptions { Source = "jira", Field = "project", EqualsValue = "pay" });

        Assert.Equal(8, samples.Single().Value);
    }

    [Fact]
    public void An_open_item_that_closed_later_was_in_progress_before_it_closed()
    {
        var done = Some.Done("PAY-9", resolved: At(10, 4)) with { Created = At(10, 1) };

        Assert.Equal(
            [null, StateCategory.InProgress, StateCategory.InProgress, StateCategory.Done],
            new[] { At(9, 30), At(10, 1), At(10, 3, 23), At(10, 4) }.Select(t => TrackerMoment.CategoryAt(done, t)));
    }

    [Fact]
    public async Task An_unreadable_store_is_a_provider_error()
    {
        var empty = await TempStore.CreateAsync();
        File.Delete(empty.Path);
        await File.WriteAllTextAsync(empty.Path, "not a database");
        var provider = new TrackerMetricProvider(empty);

        var error = await Assert.ThrowsAsync<MetricProviderException>(() => provider.ReadAsync(Request(TrackerMeasure.Count, From, To), CancellationToken.None));

        Assert.Equal(("tracker", "O1-KR1"), (error.Provider, error.KrId));
        Assert.StartsWith("Metric provider 'tracker', KR O1-KR1: the store cannot be read (", error.Message, StringComparison.Ordinal);
        empty.Dispose();
    }

    private Task<IReadOnlyList<MetricSample>> ReadAsync(TrackerMeasure measure, params RuleOptions[] where) =>
        ReadAsync(measure, From, To, where);

    private Task<IReadOnlyList<MetricSample>> ReadAsync(TrackerMeasure measure, DateTimeOffset from, DateTimeOffset to, params RuleOptions[] where) =>
        new TrackerMetricProvider(store).ReadAsync(Request(measure, from, to, where), CancellationToken.None);

    private static MetricRequest Request(TrackerMeasure measure, DateTimeOffset from, DateTimeOffset to, params RuleOptions[] where) =>
        new("O1-KR1", new MetricSpec("tracker", "", "bugs") { Measure = measure, Where = where }, from, to);

    private static RuleOptions Rule(string field, string value) => new() { Field = field, EqualsValue = value };

    private static RuleOptions Label(string label) => new() { Label = label };

    private static DateTimeOffset At(int month, int day, int hour = 0) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    private static IEnumerable<WorkItem> Items()
    {
        WorkItem Bug(string key, DateTimeOffset created, double? points, params string[] labels) =>
            Some.InProgress(key, points: points, created: created) with { Type = "Bug", Labels = labels };

        yield return Bug("PAY-1", At(9, 20), 3, "p1");                                              // B1
        yield return Bug("PAY-2", At(10, 2, 10), 5, "p1") with { Category = StateCategory.Done, State = "Done", Resolved = At(10, 4, 10), Updated = At(10, 4, 10) }; // B2
        yield return Bug("PAY-3", At(9, 28), 2, "p1") with { Category = StateCategory.Done, State = "Done", Resolved = At(10, 1, 12), Updated = At(10, 1, 12) }; // B3
        yield return Bug("PAY-4", At(9, 1), 20);                                                    // B4
        yield return Bug("PAY-5", At(10, 3), 1, "p1") with { Category = StateCategory.ToDo, State = "To Do" }; // B5
        yield return Bug("PAY-6", At(9, 25), 8, "p1") with { Category = StateCategory.Removed, State = "Removed", Updated = At(10, 3, 12) }; // B6
        yield return Bug("PAY-7", At(8, 1), null, "p1") with { Category = StateCategory.Done, State = "Done", Resolved = At(9, 1), Updated = At(9, 1) }; // B7
        yield return Bug("PAY-8", At(9, 10), null) with { Category = StateCategory.Done, State = "Done", Resolved = At(9, 20), Updated = At(9, 20) }; // B8
        yield return Some.InProgress("PAY-10", points: 13, created: At(9, 1)) with { Labels = ["p1"] }; // S1, a story
    }
}
