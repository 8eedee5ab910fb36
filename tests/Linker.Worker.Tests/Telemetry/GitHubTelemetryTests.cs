using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OkrLinker.Connectors.Http;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Sync;
using OkrLinker.Fakes;
using OkrLinker.Worker.Tests.GitHub;
using OkrLinker.Worker.Tests.Web;
using OkrLinker.Worker.Web;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OkrLinker.Worker.Tests.Telemetry;

/// <summary>
/// A sync of the fake GitHub seen through OpenTelemetry: /metrics in Prometheus text with the figures the fake's
/// journal, the sync and the stored report hold, clean under promtool, and the sync's spans at an OTLP receiver.
/// </summary>
public sealed class GitHubTelemetryTests
{
    [Fact]
    public async Task After_a_sync_of_the_fake_GitHub_metrics_show_its_figures_and_an_otlp_receiver_gets_its_spans()
    {
        using var otelErrors = new OtelErrorLog();
        await using var receiver = await OtlpReceiver.StartAsync();
        // 2 repos × 60 generated issues and pull requests; the first request answers 503 once, so 1 retry.
        var data = FakeGitHubData.Generate(21, "acme", ["web", "api"], 60);
        await using var gh = await GitHubHarness.StartAsync(data, ["web", "api"]);
        gh.Fake.Faults.Add("*", FakeFault.ServiceUnavailable());
        await using var host = await TelemetryHost.StartAsync(gh.Config.ConfigPath, new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });

        // The sync runs under a recorded trace of the test's own: spans of syncs other tests run at the same time
        // reach every listener in the process, and the trace id tells this test's apart.
        IReadOnlyList<SourceSyncResult> synced;
        string traceId;
        using (var test = new Activity("test").SetIdFormat(ActivityIdFormat.W3C))
        {
            test.ActivityTraceFlags = ActivityTraceFlags.Recorded;
            test.Start();
            traceId = test.TraceId.ToHexString();
            synced = await host.Services.GetRequiredService<SyncRunner>().SyncAsync("gh", full: false, progress: null, CancellationToken.None);
        }

        var okrs = host.Services.GetRequiredService<OkrSetSource>().Load();
        await host.Services.GetRequiredService<Core.Metrics.MetricPuller>().PullAsync(okrs, null, CancellationToken.None);
        var builder = host.Services.GetRequiredService<ReportBuilder>();
        var report = await builder.BuildAsync(okrs, builder.ResolveWeek(null), CancellationToken.None);

        using var response = await host.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        var scrape = PrometheusScrape.Parse(text);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain; version=0.0.4", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var source = ("source", "gh");
        // Three scopes: the two repos' issues and the project's field values.
        var scopes = Assert.Single(synced).Scopes;
        Assert.Equal(3, scopes.Count);
        Assert.All(scopes, s => Assert.True(s.Succeeded));
        Assert.Equal(120, data.Snapshot().Count);
        Assert.Equal(gh.Fake.Requests.Count, scrape.Value(MetricNames.SourceRequests, source));
        Assert.Equal(1, scrape.Value(MetricNames.SourceRetries, source));
        Assert.Equal(1, scrape.Value(MetricNames.SourceResponses, source, ("status_class", "5xx")));
        Assert.Equal(gh.Fake.Requests.Count - 1, scrape.Value(MetricNames.SourceResponses, source, ("status_class", "2xx")));
        Assert.Equal(0, scrape.Value(MetricNames.SourceRateLimitWaits, source));
        Assert.Equal(0, scrape.Value(MetricNames.SourceAuthFailures, source));
        Assert.Equal(scopes.Sum(s => s.Inserted + s.Updated + s.Removed), scrape.Value(MetricNames.SourceItemsSynced, source));
        Assert.Equal(3, scrape.Value(MetricNames.SourceSyncRuns, source));
        Assert.Equal(0, scrape.Value(MetricNames.SourceSyncFailures, source));
        Assert.Equal(scopes.Sum(s => s.Pages), scrape.Value(MetricNames.SourcePagesSynced, source));
        Assert.Equal(scopes[^1].Duration.TotalSeconds, scrape.Value(MetricNames.SourceSyncDurationSeconds, source));
        foreach (var scope in scopes)
        {
            var labels = new[] { source, ("scope", scope.ScopeId), ("outcome", "succeeded") };
            Assert.Equal(scope.Duration.TotalSeconds, scrape.Value(MetricNames.ScopeSyncDurationSeconds + "_sum", labels));
            Assert.Equal(1, scrape.Value(MetricNames.ScopeSyncDurationSeconds + "_count", labels));
        }

        Assert.Equal("histogram", scrape.Types[MetricNames.ScopeSyncDurationSeconds]);

        Assert.NotEmpty(report.Teams);
        Assert.Equal(report.Teams.Count, scrape.Samples(MetricNames.UnlinkedShare).Count);
        foreach (var team in report.Teams)
        {
            Assert.Equal(team.UnlinkedShare, scrape.Value(MetricNames.UnlinkedShare, ("team", team.Team)));
            Assert.Equal(team.Unlinked, scrape.Value(MetricNames.UnlinkedItems, ("team", team.Team)));
        }

        Assert.Equal(report.Totals.UnlinkedShare, scrape.Value(MetricNames.UnlinkedShareOverall));
        var keyResults = report.Objectives.SelectMany(o => o.KeyResults.Select(kr => (Objective: o.Id, Kr: kr))).ToList();
        Assert.Contains(keyResults, k => k.Kr.Progress is not null);
        Assert.Equal(keyResults.Count(k => k.Kr.Progress is not null), scrape.Samples(MetricNames.KrProgress).Count);
        foreach (var (objective, kr) in keyResults.Where(k => k.Kr.Progress is not null))
        {
            Assert.Equal(kr.Progress!.Value, scrape.Value(MetricNames.KrProgress, ("kr", kr.Id), ("objective", objective)));
            Assert.Equal(kr.Current!.Value, scrape.Value(MetricNames.KrValue, ("kr", kr.Id), ("objective", objective)));
        }

        Assert.Equal(1, scrape.Value(MetricNames.ReportWeekInfo, ("week", "2026-W47")));
        Assert.Equal((0, ""), await Promtool.CheckMetricsAsync(text));

        // Spans leave in batches; a flush sends what the sync made.
        Assert.True(host.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        Assert.True(receiver.ContentTypes.SequenceEqual(["application/x-protobuf"]), $"received {string.Join(", ", receiver.Signals)}; OpenTelemetry said: {otelErrors}");
        var spans = receiver.Spans.Where(s => s.TraceId == traceId).ToList();
        var scopeSpans = spans.Where(s => s.Name == "sync scope").ToList();
        Assert.Equal(scopes.Select(s => s.ScopeId).Order(), scopeSpans.Select(s => s.Attributes["okrlinker.scope"]).Order());
        var parentIds = new HashSet<string>();
        foreach (var scope in scopes)
        {
            var scopeSpan = Assert.Single(scopeSpans, s => s.Attributes["okrlinker.scope"] == scope.ScopeId);
            Assert.Equal(SyncMetrics.MeterName, scopeSpan.Scope);
            Assert.Equal("gh", scopeSpan.Attributes["okrlinker.source"]);
            Assert.Equal(Invariant(scope.Pages), scopeSpan.Attributes["okrlinker.pages"]);
            Assert.Equal(Invariant(scope.Read), scopeSpan.Attributes["okrlinker.items.read"]);
            Assert.Equal(Invariant(scope.Inserted), scopeSpan.Attributes["okrlinker.items.inserted"]);

            // One span per page committed; the engine reads a page ahead, so reads run beside the previous commit.
            var pages = spans.Where(s => s.Name == "sync page" && s.ParentSpanId == scopeSpan.SpanId).ToList();
            Assert.Equal(scope.Pages, pages.Count);
            Assert.Equal(Enumerable.Range(1, scope.Pages).Select(Invariant), pages.Select(p => p.Attributes["okrlinker.page"]).Order(StringComparer.Ordinal));
            Assert.All(pages, p => Assert.Equal(scope.ScopeId, p.Attributes["okrlinker.scope"]));
            Assert.Equal(scope.Read, pages.Sum(p => int.Parse(p.Attributes["okrlinker.items"], CultureInfo.InvariantCulture)));
            parentIds.Add(scopeSpan.SpanId);
            parentIds.UnionWith(pages.Select(p => p.SpanId));
        }

        // The HTTP client instrumentation's spans sit under their scope's sync: one per attempt, the retried 503 included.
        var requests = spans.Where(s => s.Scope == "System.Net.Http").ToList();
        Assert.Equal(gh.Fake.Requests.Count, requests.Count);
        Assert.Equal(requests.Count, requests.Count(r => parentIds.Contains(r.ParentSpanId)));

        // Metrics leave on the reader's interval; a flush sends them now. Counters are cumulative, so the last point
        // of each holds the same totals /metrics showed; OTLP carries the instrument's name, without Prometheus' _total.
        // (The flush answers false here though the OTLP reader exports: the Prometheus reader beside it collects only on a scrape.)
        host.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000);
        var points = receiver.MetricPoints.Where(p => p.Attributes.GetValueOrDefault("source") == "gh").ToList();
        Assert.Equal(gh.Fake.Requests.Count, points.Last(p => p.Name == "okrlinker_source_requests").Value);
        Assert.Equal(1, points.Last(p => p.Name == "okrlinker_source_retries").Value);
        Assert.Equal(scopes.Sum(s => s.Pages), points.Last(p => p.Name == "okrlinker_source_pages_synced").Value);
        Assert.Equal(SourceRequestMetrics.MeterName, points.Last(p => p.Name == "okrlinker_source_requests").Scope);

        // Logs go out in batches too; the retry of the 503 is there with its structured values, the token is not.
        Assert.True(host.Services.GetRequiredService<LoggerProvider>().ForceFlush(10_000));
        var logs = receiver.Logs;
        var retry = Assert.Single(logs, l => l.Category.EndsWith(".ResilienceHandler", StringComparison.Ordinal) && l.Attributes.GetValueOrDefault("Source") == "gh");
        Assert.Equal("Warning", retry.Severity);
        Assert.Equal("1", retry.Attributes["Retry"]);
        Assert.Equal("503 ServiceUnavailable", retry.Attributes["Failure"]);
        Assert.DoesNotContain(logs, l => l.Body.Contains(gh.Fake.Token, StringComparison.Ordinal)
            || l.Attributes.Values.Any(v => v.Contains(gh.Fake.Token, StringComparison.Ordinal)));
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
