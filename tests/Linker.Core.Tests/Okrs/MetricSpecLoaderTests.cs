using OkrLinker.Core.Configuration;
using OkrLinker.Core.Okrs;

namespace OkrLinker.Core.Tests.Okrs;

/// <summary>okrs.yaml's <c>metric</c>: path, measure and where, and the provider it names, with line and column on every error.</summary>
public sealed class MetricSpecLoaderTests
{
    private static readonly MetricProviderOptions[] Providers =
    [
        new() { Name = "prom", Kind = "prometheus" },
        new() { Name = "stats", Kind = "http-json" },
    ];

    [Fact]
    public void Tracker_metric_reads_measure_and_where_rules()
    {
        var metric = Load("metric: { provider: tracker, measure: count, unit: bugs, where: [ { Field: type, Equals: Bug }, { Label: p1 }, { Field: category, Equals: in progress } ] }");

        Assert.True(metric.IsTracker);
        Assert.Equal(("tracker", "", "bugs", TrackerMeasure.Count), (metric.Provider, metric.Query, metric.Unit, metric.Measure));
        Assert.Equal(3, metric.Where.Count);
        Assert.Equal(("type", "Bug"), (metric.Where[0].Field, metric.Where[0].EqualsValue));
        Assert.Equal("p1", metric.Where[1].Label);
        Assert.Equal(("category", "in progress"), (metric.Where[2].Field, metric.Where[2].EqualsValue));
    }

    [Fact]
    public void Http_json_metric_reads_its_path()
    {
        var metric = Load("metric: { provider: stats, query: /api/activation, path: \"$.data.value\", unit: \"%\" }");

        Assert.Equal(("stats", "/api/activation", "$.data.value"), (metric.Provider, metric.Query, metric.Path));
        Assert.Null(metric.Measure);
    }

    [Fact]
    public void Median_cycle_days_is_a_measure() =>
        Assert.Equal(TrackerMeasure.MedianCycleDays, Load("metric: { provider: tracker, measure: median-cycle-days }").Measure);

    // Line 8 is "        metric: { provider: …": the flow mapping opens at column 17, its first value at column 29.
    [Fact]
    public void Unknown_provider_names_the_configured_ones() =>
        AssertFails("metric: { provider: promx, query: up }", 8, 29, "objectives[0].keyResults[0].metric.provider",
            "'promx' is not a metric provider; name one of Metrics:Providers or tracker (prom, stats, tracker)");

    [Fact]
    public void Tracker_takes_no_query() =>
        AssertFails("metric: { provider: tracker, measure: count, query: bugs }", 8, 61, "objectives[0].keyResults[0].metric.query",
            "provider tracker takes no query; say what to count with measure and where");

    [Fact]
    public void Tracker_needs_a_measure() =>
        AssertFails("metric: { provider: tracker }", 8, 17, "objectives[0].keyResults[0].metric.measure", "metric has no measure");

    [Fact]
    public void Unknown_measure_points_at_it() =>
        AssertFails("metric: { provider: tracker, measure: sum }", 8, 47, "objectives[0].keyResults[0].metric.measure",
            "measure must be count, points or median-cycle-days, got 'sum'");

    [Fact]
    public void Where_is_only_for_the_tracker() =>
        AssertFails("metric: { provider: prom, query: up, where: [ { Label: p1 } ] }", 8, 53, "objectives[0].keyResults[0].metric.where",
            "where is for provider tracker, not 'prom'");

    [Fact]
    public void Http_json_needs_a_path() =>
        AssertFails("metric: { provider: stats, query: /api/x }", 8, 29, "objectives[0].keyResults[0].metric.path",
            "'stats' is an http-json provider: add path, the JSONPath of the number (e.g. $.data.value)");

    [Fact]
    public void Path_is_only_for_http_json() =>
        AssertFails("metric: { provider: prom, query: up, path: $.x }", 8, 52, "objectives[0].keyResults[0].metric.path",
            "path is for http-json providers; 'prom' is prometheus");

    [Fact]
    public void Where_rule_with_an_unknown_field_points_at_the_field() =>
        AssertFails("metric: { provider: tracker, measure: count, where: [ { Field: colour, Equals: red } ] }", 8, 72,
            "objectives[0].keyResults[0].metric.where[0].Field",
            "unknown field 'colour' (type, state, team, project, area, component, repo, category)");

    [Fact]
    public void Where_rule_with_an_unknown_category_points_at_the_value() =>
        AssertFails("metric: { provider: tracker, measure: count, where: [ { Field: category, Equals: Open } ] }", 8, 90,
            "objectives[0].keyResults[0].metric.where[0].Equals", "'Open' is not a state category (ToDo, InProgress, Done, Removed)");

    [Fact]
    public void Where_rule_naming_a_kr_is_an_unknown_key() =>
        AssertFails("metric: { provider: tracker, measure: count, where: [ { Label: p1, Kr: O1-KR1 } ] }", 8, 76,
            "objectives[0].keyResults[0].metric.where[0].Kr", "unknown key 'Kr' in where rule; expected Source, Label, Field, Equals or StartsWith");

    [Fact]
    public void Without_a_config_any_provider_name_loads() =>
        Assert.Equal("anything", OkrLoader.Parse(OneKr("metric: { provider: anything, query: up }"), "okrs.yaml").KeyResults.Single().Metric!.Provider);

    private static MetricSpec Load(string metricLine) =>
        OkrLoader.Parse(OneKr(metricLine), "okrs.yaml", Providers).KeyResults.Single().Metric!;

    /// <summary>One KR O1-KR1 with target 50; <paramref name="metricLine"/> is line 8, at column 9.</summary>
    private static string OneKr(string metricLine) =>
        $"""
        period: {"{"} name: 2026-Q4, start: 2026-10-01, end: 2026-12-31 {"}"}
        objectives:
          - id: O1
            title: New users quickly find value
            keyResults:
              - id: O1-KR1
                title: Raise activation from 35% to 50%
                {metricLine}
                target: 50
        """;

    private static void AssertFails(string metricLine, int line, int column, string key, string reason)
    {
        var error = Assert.Throws<OkrLoadException>(() => OkrLoader.Parse(OneKr(metricLine), "okrs.yaml", Providers));
        Assert.Equal((line, column, key, reason), (error.Line, error.Column, error.Key, error.Reason));
    }
}
