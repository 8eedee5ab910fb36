using OkrLinker.Connectors.Jira;

namespace OkrLinker.Connectors.Tests.Jira;

public sealed class JiraJqlTests
{
    [Fact]
    public void An_incremental_search_narrows_by_UTC_epoch_milliseconds_and_orders_by_what_never_changes()
    {
        var since = new DateTimeOffset(2026, 11, 30, 23, 55, 0, 123, TimeSpan.Zero).ToUnixTimeMilliseconds();

        var jql = JiraJql.Search(JiraJql.ForScope("PAY", null), since, null);

        Assert.Equal("(project = \"PAY\") AND updated >= 1796082900123 ORDER BY created ASC, key ASC", jql);
    }

    [Fact]
    public void A_resumed_run_also_starts_at_the_last_created_instant_read()
    {
        Assert.Equal(
            "((labels = okr) AND project = \"GRO\") AND updated >= 10 AND created >= 20 ORDER BY created ASC, key ASC",
            JiraJql.Search(JiraJql.ForScope("GRO", "labels = okr"), 10, 20));
    }

    [Fact]
    public void A_configured_order_is_dropped_because_the_source_decides_the_order()
    {
        Assert.Equal("(project in (PAY, GRO)) ORDER BY created ASC, key ASC", JiraJql.Search(JiraJql.ForScope(null, "project in (PAY, GRO) order by Rank"), null, null));
    }
}
