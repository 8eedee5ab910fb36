using OkrLinker.Core.Configuration;
using OkrLinker.Core.Store;
using OkrLinker.Worker.Web;

namespace OkrLinker.Worker.Tests.Web;

/// <summary>The freshness rule on its own: 3 intervals of the source's own cron, from its last success or the start.</summary>
public sealed class SourceFreshnessTests
{
    private static readonly DateTimeOffset Friday0900 = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0 */15 * * * ?", 900)]
    [InlineData("0 0 * * * ?", 3600)]
    [InlineData("0 0/5 * * * ?", 300)]
    // Friday 09:00: weekdays at 08:00 next fire Monday 08:00, then Tuesday 08:00 → the gap ahead is one day.
    [InlineData("0 0 8 ? * MON-FRI", 86400)]
    public void The_interval_is_the_gap_between_the_next_two_fire_times(string cron, int seconds)
    {
        Assert.True(ScheduleInterval.TryMeasure(cron, Friday0900, out var interval));
        Assert.Equal(TimeSpan.FromSeconds(seconds), interval);
    }

    [Fact]
    public void A_schedule_that_has_fired_for_the_last_time_has_no_interval()
    {
        Assert.True(ScheduleInterval.TryMeasure("0 0 8 1 1 ? 2020", Friday0900, out var interval));
        Assert.Null(interval);
    }

    [Theory]
    [InlineData("every hour")]
    [InlineData("*/15 * * * *")] // five fields: Unix cron, not Quartz
    [InlineData("")]
    public void Text_that_is_not_a_quartz_cron_expression_is_refused(string cron) =>
        Assert.False(ScheduleInterval.TryMeasure(cron, Friday0900, out _));

    [Fact]
    public void A_success_3_intervals_old_is_still_fresh_and_one_second_more_is_stale()
    {
        var source = new SourceOptions { Name = "jira", Kind = "jira" }; // default: every 15 min → 2700 s allowed
        var row = new SourceRow { Name = "jira", Kind = "jira", LastSuccessAt = Friday0900, LastRunAt = Friday0900 };

        var edge = SourceFreshness.Judge(source, row, Friday0900.AddSeconds(2700), Friday0900.AddDays(-1));
        var late = SourceFreshness.Judge(source, row, Friday0900.AddSeconds(2701), Friday0900.AddDays(-1));

        Assert.True(edge.Ready);
        Assert.Equal(2700, edge.AgeSeconds);
        Assert.False(late.Ready);
        Assert.Equal("source 'jira' last succeeded 2701 s ago, more than 3 schedule intervals (2700 s)", late.Reason);
    }

    [Fact]
    public void A_restart_does_not_excuse_a_stale_success_the_store_holds()
    {
        // The store says the last success was 2 hours ago; the process started a minute ago. The data is stale
        // whichever node looks at it.
        var source = new SourceOptions { Name = "jira", Kind = "jira" };
        var row = new SourceRow { Name = "jira", Kind = "jira", LastSuccessAt = Friday0900.AddHours(-2) };

        var judged = SourceFreshness.Judge(source, row, Friday0900, Friday0900.AddMinutes(-1));

        Assert.False(judged.Ready);
        Assert.Equal(7200, judged.AgeSeconds);
    }

    [Fact]
    public void A_source_with_no_row_yet_is_ready_within_its_grace()
    {
        var source = new SourceOptions { Name = "new", Kind = "files" };

        var judged = SourceFreshness.Judge(source, null, Friday0900.AddSeconds(100), Friday0900);

        Assert.True(judged.Ready);
        Assert.Null(judged.LastRunAt);
        Assert.Null(judged.AgeSeconds);
        Assert.Equal("source 'new' has not succeeded yet; it has until 2026-11-20T09:45:00Z", judged.Reason);
    }
}
