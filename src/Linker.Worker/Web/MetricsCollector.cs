using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OkrLinker.Connectors.Http;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Store;
using OkrLinker.Core.Sync;
using OkrLinker.Worker.Web.Dashboard;

namespace OkrLinker.Worker.Web;

/// <summary>
/// The figures /metrics shows beside the sync and HTTP meters, as observable gauges of the <see cref="MeterName"/>
/// meter: each source's last success from the store (so it survives restarts and agrees across nodes), and the
/// headline figures of the newest stored report. The gauges read a snapshot that <see cref="RefreshAsync"/> takes
/// before each scrape (their callbacks cannot await the store). A store that cannot be read leaves its figures
/// out instead of failing the scrape.
/// </summary>
internal sealed partial class MetricsCollector
{
    public const string MeterName = "OkrLinker.Report";

    private readonly IOptions<LinkerOptions> options;
    private readonly SourceRequestMetrics requests;
    private readonly SyncMetrics syncs;
    private readonly IDbContextFactory<LinkerDbContext> dbFactory;
    private readonly DashboardStore dashboard;
    private readonly TimeProvider time;
    private readonly ILogger<MetricsCollector> logger;
    private volatile Snapshot snapshot = Snapshot.Empty;

    public MetricsCollector(
        IOptions<LinkerOptions> options,
        SourceRequestMetrics requests,
        SyncMetrics syncs,
        IDbContextFactory<LinkerDbContext> dbFactory,
        DashboardStore dashboard,
        TimeProvider time,
        IMeterFactory meters,
        ILogger<MetricsCollector> logger)
    {
        this.options = options;
        this.requests = requests;
        this.syncs = syncs;
        this.dbFactory = dbFactory;
        this.dashboard = dashboard;
        this.time = time;
        this.logger = logger;

        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge(MetricNames.SourceLastSuccessTimestampSeconds, () => snapshot.LastSuccess, description: "Unix time of the source's last successful sync, as the store holds it.");
        meter.CreateObservableGauge(MetricNames.UnlinkedShare, () => snapshot.TeamShares, description: "Share (0-1) of the team's in-scope items of the newest reported week that serve no OKR.");
        meter.CreateObservableGauge(MetricNames.UnlinkedShareOverall, () => snapshot.Share, description: "Share (0-1) of all in-scope items of the newest reported week that serve no OKR.");
        meter.CreateObservableGauge(MetricNames.UnlinkedItems, () => snapshot.TeamUnlinked, description: "In-scope items of the newest reported week that serve no OKR, per team.");
        meter.CreateObservableGauge(MetricNames.KrProgress, () => snapshot.KrProgress, description: "Progress (current - baseline) / (target - baseline) of each key result that has one, in the newest report.");
        meter.CreateObservableGauge(MetricNames.KrValue, () => snapshot.KrValue, description: "Current value of each key result's metric (the latest sample at or before the week's end), in the newest report.");
        meter.CreateObservableGauge(MetricNames.ReportWeekInfo, () => snapshot.Week, description: "The ISO week of the newest stored report; always 1.");
    }

    /// <summary>
    /// Declares every configured source to the sync and HTTP meters (at zero before its first call, so rate() has
    /// a start) and reads the store's figures into the snapshot the gauges report.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        foreach (var source in options.Value.Sources)
        {
            _ = requests.For(source.Name);
            _ = syncs.For(source.Name);
        }

        var lastSuccess = await LastSuccessAsync(cancellationToken);
        var report = await ReportAsync(cancellationToken);
        snapshot = report is null ? Snapshot.Empty with { LastSuccess = lastSuccess } : Snapshot.Of(report, lastSuccess);
    }

    private async Task<List<Measurement<double>>> LastSuccessAsync(CancellationToken cancellationToken)
    {
        // A hung store must not hang the scrape: its figures are left out once the probe's timeout passes.
        using var timeout = new CancellationTokenSource(ReadinessProbe.StoreTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(linked.Token);
            var rows = await db.Sources.AsNoTracking()
                .Where(s => s.LastSuccessAt != null)
                .Select(s => new { s.Name, s.LastSuccessAt })
                .ToListAsync(linked.Token);
            return [.. rows.OrderBy(r => r.Name, StringComparer.Ordinal)
                .Select(r => Measure(r.LastSuccessAt!.Value.ToUnixTimeMilliseconds() / 1000.0, ("source", r.Name)))];
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogStoreUnreadable(ex.GetType().Name, ex.Message);
            return [];
        }
    }

    private async Task<WeeklyReport?> ReportAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(ReadinessProbe.StoreTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            // The dashboard's copy, read once per stored report: at a million items parsing the whole 141 MB JSON on every
            // scrape took seconds of CPU and ~340 MB.
            return await dashboard.ReportAsync(null, linked.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogReportUnreadable(ex.GetType().Name, ex.Message);
            return null;
        }
    }

    private static Measurement<double> Measure(double value, params (string Name, string Value)[] labels) =>
        new(value, labels.Select(l => new KeyValuePair<string, object?>(l.Name, l.Value)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metrics: the sources' last successes could not be read from the store ({Error}: {Message})")]
    private partial void LogStoreUnreadable(string error, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Metrics: the newest stored report could not be read ({Error}: {Message})")]
    private partial void LogReportUnreadable(string error, string message);

    private sealed record Snapshot(
        IReadOnlyList<Measurement<double>> LastSuccess,
        IReadOnlyList<Measurement<double>> TeamShares,
        IReadOnlyList<Measurement<double>> Share,
        IReadOnlyList<Measurement<double>> TeamUnlinked,
        IReadOnlyList<Measurement<double>> KrProgress,
        IReadOnlyList<Measurement<double>> KrValue,
        IReadOnlyList<Measurement<double>> Week)
    {
        public static readonly Snapshot Empty = new([], [], [], [], [], [], []);

        public static Snapshot Of(WeeklyReport report, IReadOnlyList<Measurement<double>> lastSuccess)
        {
            var keyResults = report.Objectives.SelectMany(o => o.KeyResults.Select(kr => (Objective: o.Id, Kr: kr))).ToList();
            return new Snapshot(
                lastSuccess,
                [.. report.Teams.Select(t => Measure(t.UnlinkedShare, ("team", t.Team)))],
                [Measure(report.Totals.UnlinkedShare)],
                [.. report.Teams.Select(t => Measure(t.Unlinked, ("team", t.Team)))],
                [.. keyResults.Where(k => k.Kr.Progress is not null).Select(k => Measure(k.Kr.Progress!.Value, ("kr", k.Kr.Id), ("objective", k.Objective)))],
                [.. keyResults.Where(k => k.Kr.Current is not null).Select(k => Measure(k.Kr.Current!.Value, ("kr", k.Kr.Id), ("objective", k.Objective)))],
                [Measure(1, ("week", report.Week))]);
        }
    }
}
