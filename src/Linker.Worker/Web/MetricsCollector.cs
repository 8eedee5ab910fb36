using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OkrLinker.Connectors.Http;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Store;
using OkrLinker.Core.Sync;

namespace OkrLinker.Worker.Web;

/// <summary>
/// Gathers what /metrics exposes: this process's HTTP and sync counters per source, each source's last success
/// from the store (so it survives restarts and agrees across nodes), and the headline figures of the newest
/// stored report. A store that cannot be read leaves its metrics out instead of failing the scrape.
/// </summary>
internal sealed partial class MetricsCollector(
    IOptions<LinkerOptions> options,
    SourceRequestMetrics requests,
    SyncMetrics syncs,
    IDbContextFactory<LinkerDbContext> dbFactory,
    ReportArchive archive,
    TimeProvider time,
    ILogger<MetricsCollector> logger)
{
    public async Task<IReadOnlyList<PrometheusFamily>> CollectAsync(CancellationToken cancellationToken)
    {
        var families = new List<PrometheusFamily>();
        families.AddRange(SourceFamilies());
        families.Add(await LastSuccessFamilyAsync(cancellationToken));
        families.AddRange(await ReportFamiliesAsync(cancellationToken));
        return families;
    }

    private IEnumerable<PrometheusFamily> SourceFamilies()
    {
        var requestsTotal = new PrometheusFamily(MetricNames.SourceRequests, PrometheusType.Counter, "HTTP attempts sent to the source, retries and attempts after rate-limit waits included.");
        var responses = new PrometheusFamily(MetricNames.SourceResponses, PrometheusType.Counter, "Complete HTTP responses from the source by status class.");
        var retries = new PrometheusFamily(MetricNames.SourceRetries, PrometheusType.Counter, "HTTP attempts repeated after a 5xx, a dropped connection, a truncated body or a timeout.");
        var waits = new PrometheusFamily(MetricNames.SourceRateLimitWaits, PrometheusType.Counter, "Pauses for the source's rate limits.");
        var waited = new PrometheusFamily(MetricNames.SourceRateLimitWaitSeconds, PrometheusType.Counter, "Seconds spent pausing for the source's rate limits.");
        var auth = new PrometheusFamily(MetricNames.SourceAuthFailures, PrometheusType.Counter, "Responses that rejected the source's credentials (401, non-rate-limit 403).");
        var items = new PrometheusFamily(MetricNames.SourceItemsSynced, PrometheusType.Counter, "Work items written (new, changed or removed) by the source's syncs.");
        var runs = new PrometheusFamily(MetricNames.SourceSyncRuns, PrometheusType.Counter, "Scope syncs run for the source.");
        var failures = new PrometheusFamily(MetricNames.SourceSyncFailures, PrometheusType.Counter, "Scope syncs of the source that failed.");
        var duration = new PrometheusFamily(MetricNames.SourceSyncDurationSeconds, PrometheusType.Gauge, "Duration of the source's last scope sync in seconds.");

        foreach (var source in SourceNames())
        {
            var label = ("source", source);
            var http = requests.For(source);
            requestsTotal.Add(http.Requests, label);
            foreach (var (statusClass, count) in http.ResponsesByStatusClass.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                responses.Add(count, label, ("status_class", statusClass));
            }

            retries.Add(http.Retries, label);
            waits.Add(http.RateLimitWaits, label);
            waited.Add(http.RateLimitWaited.TotalSeconds, label);
            auth.Add(http.AuthFailures, label);

            var sync = syncs.For(source);
            items.Add(sync.ItemsSynced, label);
            runs.Add(sync.Runs, label);
            failures.Add(sync.Failures, label);
            duration.Add(sync.LastDuration.TotalSeconds, label);
        }

        return [requestsTotal, responses, retries, waits, waited, auth, items, runs, failures, duration];
    }

    // Every configured source appears (at zero before its first call, so rate() has a start), plus any other
    // name the counters hold; the configured spelling wins.
    private List<string> SourceNames()
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in options.Value.Sources.Select(s => s.Name)
                     .Concat(requests.All.Select(c => c.Source))
                     .Concat(syncs.All.Select(s => s.Source)))
        {
            names.TryAdd(name, name);
        }

        return [.. names.Values.Order(StringComparer.Ordinal)];
    }

    private async Task<PrometheusFamily> LastSuccessFamilyAsync(CancellationToken cancellationToken)
    {
        var family = new PrometheusFamily(
            MetricNames.SourceLastSuccessTimestampSeconds, PrometheusType.Gauge, "Unix time of the source's last successful sync, as the store holds it.");
        // A hung store must not hang the scrape: its metrics are left out once the probe's timeout passes.
        using var timeout = new CancellationTokenSource(ReadinessProbe.StoreTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(linked.Token);
            var rows = await db.Sources.AsNoTracking()
                .Where(s => s.LastSuccessAt != null)
                .Select(s => new { s.Name, s.LastSuccessAt })
                .ToListAsync(linked.Token);
            foreach (var row in rows.OrderBy(r => r.Name, StringComparer.Ordinal))
            {
                family.Add(row.LastSuccessAt!.Value.ToUnixTimeMilliseconds() / 1000.0, ("source", row.Name));
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogStoreUnreadable(ex.GetType().Name, ex.Message);
        }

        return family;
    }

    private async Task<IEnumerable<PrometheusFamily>> ReportFamiliesAsync(CancellationToken cancellationToken)
    {
        var share = new PrometheusFamily(MetricNames.UnlinkedShare, PrometheusType.Gauge, "Share (0-1) of the team's in-scope items of the newest reported week that serve no OKR.");
        var shareTotal = new PrometheusFamily(MetricNames.UnlinkedShareTotal, PrometheusType.Gauge, "Share (0-1) of all in-scope items of the newest reported week that serve no OKR.");
        var unlinked = new PrometheusFamily(MetricNames.UnlinkedItems, PrometheusType.Gauge, "In-scope items of the newest reported week that serve no OKR, per team.");
        var progress = new PrometheusFamily(MetricNames.KrProgress, PrometheusType.Gauge, "Progress (current - baseline) / (target - baseline) of each key result that has one, in the newest report.");
        var value = new PrometheusFamily(MetricNames.KrValue, PrometheusType.Gauge, "Current value of each key result's metric (the latest sample at or before the week's end), in the newest report.");
        var week = new PrometheusFamily(MetricNames.ReportWeekInfo, PrometheusType.Gauge, "The ISO week of the newest stored report; always 1.");
        IEnumerable<PrometheusFamily> families = [share, shareTotal, unlinked, progress, value, week];

        WeeklyReport report;
        using var timeout = new CancellationTokenSource(ReadinessProbe.StoreTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            if (await archive.ReadJsonAsync(null, linked.Token) is not { } json)
            {
                return families;
            }

            report = ReportJson.Read(json);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogReportUnreadable(ex.GetType().Name, ex.Message);
            return families;
        }

        foreach (var team in report.Teams)
        {
            share.Add(team.UnlinkedShare, ("team", team.Team));
            unlinked.Add(team.Unlinked, ("team", team.Team));
        }

        shareTotal.Add(report.Totals.UnlinkedShare);
        foreach (var objective in report.Objectives)
        {
            foreach (var kr in objective.KeyResults.Where(k => k.Progress is not null))
            {
                progress.Add(kr.Progress!.Value, ("kr", kr.Id), ("objective", objective.Id));
            }

            foreach (var kr in objective.KeyResults.Where(k => k.Current is not null))
            {
                value.Add(kr.Current!.Value, ("kr", kr.Id), ("objective", objective.Id));
            }
        }

        week.Add(1, ("week", report.Week));
        return families;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metrics: the sources' last successes could not be read from the store ({Error}: {Message})")]
    private partial void LogStoreUnreadable(string error, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metrics: the newest stored report could not be read ({Error}: {Message})")]
    private partial void LogReportUnreadable(string error, string message);
}
