using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OkrLinker.Connectors.Http;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Sources;
using OkrLinker.Core.Sync;
using OkrLinker.Fakes.Logging;
using OkrLinker.Worker.Tests.Support;
using OkrLinker.Worker.Web;

namespace OkrLinker.Worker.Tests.Web;

/// <summary>/metrics in the Prometheus text format, its numbers those the sync, the HTTP layer and the store hold.</summary>
public sealed class MetricsTests
{
    // Three rows: the first sync inserts all three.
    private const string Backlog = $"""
        {CsvConfig.Header}
        PAY-1,Retry declined cards,Story,In Progress,payments,kr:O1-KR1,,5,2026-11-02T09:00:00Z,
        PAY-2,Refactor the card vault,Story,In Progress,payments,,,3,2026-11-03T09:00:00Z,
        PAY-3,Fix 3DS timeout,Bug,Done,payments,,,1,2026-11-04T09:00:00Z,2026-11-18T10:00:00Z
        """;

    [Fact]
    public async Task Metrics_parse_as_prometheus_text_and_carry_the_counted_values()
    {
        // Request 1 → 503 (retried), 2 → 200; 3 → 429 asking 1 s, 4 → 200; 5 → 401. Five requests in all:
        // 1 retry, 1 rate-limit wait of 1 s, 1 auth failure; responses 2xx 2, 4xx 2, 5xx 1.
        await using var tracker = await ScriptedServer.StartAsync((503, null), (200, null), (429, "1"), (200, null), (401, null));
        var config = new TempConfig().WithOkrs(TempConfig.GoodOkrs).WithFile("samples/csv/backlog.csv", Backlog);
        var settings = new WebSettings()
            .WithCsvSource("csv", "samples/csv")
            .WithCsvSource("gone", "samples/not-there")
            .WithSource("tracker", "jira", tracker.BaseAddress.ToString());
        await using var web = await WebHarness.StartAsync(config, settings);

        await DriveTrackerAsync(web, tracker);
        await web.SyncAsync("csv");  // succeeds at 10:00:00 with 3 items
        await web.SyncAsync("gone"); // fails
        await web.StoreAsync(
            StoredReports.Row(StoredReports.Week46()),
            StoredReports.Row(StoredReports.Week47()),
            StoredReports.RowWithoutJson("2026-W48"));

        using var response = await web.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        var scrape = PrometheusScrape.Parse(text);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());

        var tracked = ("source", "tracker");
        Assert.Equal(5, tracker.Requests);
        Assert.Equal(tracker.Requests, scrape.Value(MetricNames.SourceRequests, tracked));
        Assert.Equal(1, scrape.Value(MetricNames.SourceRetries, tracked));
        Assert.Equal(1, scrape.Value(MetricNames.SourceRateLimitWaits, tracked));
        Assert.Equal(1, scrape.Value(MetricNames.SourceRateLimitWaitSeconds, tracked));
        Assert.Equal(1, scrape.Value(MetricNames.SourceAuthFailures, tracked));
        Assert.Equal(2, scrape.Value(MetricNames.SourceResponses, tracked, ("status_class", "2xx")));
        Assert.Equal(2, scrape.Value(MetricNames.SourceResponses, tracked, ("status_class", "4xx")));
        Assert.Equal(1, scrape.Value(MetricNames.SourceResponses, tracked, ("status_class", "5xx")));
        Assert.Equal(0, scrape.Value(MetricNames.SourceResponses, tracked, ("status_class", "3xx")));
        Assert.Equal(0, scrape.Value(MetricNames.SourceSyncRuns, tracked));

        var csv = ("source", "csv");
        var gone = ("source", "gone");
        Assert.Equal(3, scrape.Value(MetricNames.SourceItemsSynced, csv));
        Assert.Equal(1, scrape.Value(MetricNames.SourceSyncRuns, csv));
        Assert.Equal(0, scrape.Value(MetricNames.SourceSyncFailures, csv));
        Assert.Equal(0, scrape.Value(MetricNames.SourceItemsSynced, gone));
        Assert.Equal(1, scrape.Value(MetricNames.SourceSyncRuns, gone));
        Assert.Equal(1, scrape.Value(MetricNames.SourceSyncFailures, gone));
        Assert.Equal(0, scrape.Value(MetricNames.SourceRequests, csv));
        var syncs = web.Services.GetRequiredService<SyncMetrics>();
        Assert.Equal(syncs.For("csv").LastDuration.TotalSeconds, scrape.Value(MetricNames.SourceSyncDurationSeconds, csv));

        // 2026-11-20T10:00:00Z = 1795168800 s after the epoch; "gone" never succeeded, so it has no sample.
        Assert.Equal(1795168800, scrape.Value(MetricNames.SourceLastSuccessTimestampSeconds, csv));
        Assert.Single(scrape.Samples(MetricNames.SourceLastSuccessTimestampSeconds));

        // The newest week with a stored report is W47 (W48's snapshot has none).
        var stored = ReportJson.Read(StoredReports.Row(StoredReports.Week47()).ReportJson!);
        Assert.Equal(2, scrape.Samples(MetricNames.UnlinkedShare).Count);
        foreach (var team in stored.Teams)
        {
            Assert.Equal(team.UnlinkedShare, scrape.Value(MetricNames.UnlinkedShare, ("team", team.Team)));
            Assert.Equal(team.Unlinked, scrape.Value(MetricNames.UnlinkedItems, ("team", team.Team)));
        }

        Assert.Equal(0.3333, scrape.Value(MetricNames.UnlinkedShare, ("team", "payments")));
        Assert.Equal(0.5, scrape.Value(MetricNames.UnlinkedShare, ("team", StoredReports.AwkwardTeam)));
        Assert.Equal(0.4286, scrape.Value(MetricNames.UnlinkedShareOverall));
        Assert.Equal(0.4, scrape.Value(MetricNames.KrProgress, ("kr", "O1-KR1"), ("objective", "O1")));
        Assert.Single(scrape.Samples(MetricNames.KrProgress)); // O1-KR2 has no progress
        Assert.Equal(41, scrape.Value(MetricNames.KrValue, ("kr", "O1-KR1"), ("objective", "O1")));
        Assert.Single(scrape.Samples(MetricNames.KrValue)); // nor a current value
        Assert.Equal("gauge", scrape.Types[MetricNames.KrValue]);
        Assert.Equal(1, scrape.Value(MetricNames.ReportWeekInfo, ("week", "2026-W47")));
        Assert.Single(scrape.Samples(MetricNames.ReportWeekInfo));

        Assert.Contains("okrlinker_unlinked_share{team=\"we\\\"b\\\\ops\"} 0.5\n", text, StringComparison.Ordinal);
        Assert.Equal("counter", scrape.Types[MetricNames.SourceRequests]);
        Assert.Equal("gauge", scrape.Types[MetricNames.SourceSyncDurationSeconds]);
        Assert.Equal("gauge", scrape.Types[MetricNames.UnlinkedShareOverall]);
        Assert.Equal((0, ""), await Telemetry.Promtool.CheckMetricsAsync(text));
        // OkrLinker's 19 families (the HTTP client and server instrumentation add their own beside them).
        Assert.Equal(19, scrape.Types.Keys.Count(k => k.StartsWith("okrlinker_", StringComparison.Ordinal)));
        Assert.Equal(scrape.Types.Keys.Order(), scrape.Helps.Keys.Order());
    }

    [Fact]
    public async Task Without_a_report_or_any_sync_the_families_are_declared_and_the_counters_start_at_zero()
    {
        var config = new TempConfig().WithOkrs(TempConfig.GoodOkrs);
        await using var web = await WebHarness.StartAsync(config, new WebSettings().WithCsvSource("csv", "samples/csv"));

        using var response = await web.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var scrape = PrometheusScrape.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(0, scrape.Value(MetricNames.SourceRequests, ("source", "csv")));
        Assert.Equal(0, scrape.Value(MetricNames.SourceSyncRuns, ("source", "csv")));
        Assert.Empty(scrape.Samples(MetricNames.SourceLastSuccessTimestampSeconds));
        Assert.Empty(scrape.Samples(MetricNames.UnlinkedShare));
        Assert.Empty(scrape.Samples(MetricNames.ReportWeekInfo));
    }

    [Fact]
    public async Task A_store_that_cannot_be_read_leaves_its_metrics_out_but_the_scrape_still_answers()
    {
        var config = new TempConfig().WithOkrs(TempConfig.GoodOkrs);
        var settings = new WebSettings().WithCsvSource("csv", "samples/csv").WithConnectionString("Data Source=../data/absent.db;Mode=ReadOnly");
        await using var web = await WebHarness.StartAsync(config, settings, migrate: false);

        using var response = await web.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var scrape = PrometheusScrape.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, scrape.Value(MetricNames.SourceRequests, ("source", "csv")));
        Assert.Empty(scrape.Samples(MetricNames.SourceLastSuccessTimestampSeconds));
        Assert.Empty(scrape.Samples(MetricNames.UnlinkedShareOverall));
        Assert.Contains(web.Logs.Lines(), l => l.Contains("could not be read from the store", StringComparison.Ordinal));
    }

    private static async Task DriveTrackerAsync(WebHarness web, ScriptedServer tracker)
    {
        var factory = web.Services.GetRequiredService<SourceHttpClientFactory>();
        using var client = factory.Create(new SourceHttpSettings("tracker", SourceVendor.Jira, tracker.BaseAddress, "TRACKER_TOKEN"));

        using (var first = await client.GetAsync(new Uri("rest/api/2/search?page=1", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using (var second = await client.GetAsync(new Uri("rest/api/2/search?page=2", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        await Assert.ThrowsAsync<SourceException>(() => client.GetAsync(new Uri("rest/api/2/search?page=3", UriKind.Relative)));
    }
}
