using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OkrLinker.Core.Configuration;
using OkrLinker.Core.Figures;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Metrics;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Store;
using OkrLinker.Core.Suggestions;

namespace OkrLinker.Core.Reports;

/// <summary>
/// Makes the week's report from the store: links every item, works out the figures, records the
/// week's snapshot, and reads the trend from the snapshots of the weeks before.
/// </summary>
public sealed class ReportBuilder(
    IDbContextFactory<LinkerDbContext> dbFactory,
    LinkRunner linkRunner,
    IOptions<LinkerOptions> options,
    TimeProvider time) : IDisposable
{
    private const int TrendWeeks = 8;

    // One build at a time: the scheduled refresh and the weekly report both relink and snapshot.
    private readonly SemaphoreSlim building = new(1, 1);

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(options.Value.Report.TimeZone);

    /// <summary><paramref name="requested"/>, else <c>Report.Week</c>, else the current ISO week in <c>Report.TimeZone</c>.</summary>
    public IsoWeek ResolveWeek(IsoWeek? requested) =>
        requested
        ?? (options.Value.Report.Week is { } pinned ? IsoWeek.Parse(pinned) : IsoWeek.Containing(time.GetUtcNow(), Zone));

    public void Dispose() => building.Dispose();

    public Task<WeeklyReport> BuildAsync(OkrSet okrs, IsoWeek week, CancellationToken cancellationToken) =>
        BuildAsync(okrs, week, files: null, phases: null, cancellationToken);

    /// <param name="files">
    /// Written while the report is serialized and its snapshot stored (<see cref="ReportWriter.Plan"/>); complete them
    /// after the build (<see cref="ReportFiles.CompleteAsync"/>).
    /// </param>
    public Task<WeeklyReport> BuildAsync(OkrSet okrs, IsoWeek week, ReportFiles? files, CancellationToken cancellationToken) =>
        BuildAsync(okrs, week, files, phases: null, cancellationToken);

    /// <param name="phases">Records each phase's time and allocations (the benchmark); null records nothing.</param>
    internal Task<WeeklyReport> BuildAsync(OkrSet okrs, IsoWeek week, BuildPhases? phases, CancellationToken cancellationToken) =>
        BuildAsync(okrs, week, files: null, phases, cancellationToken);

    internal async Task<WeeklyReport> BuildAsync(OkrSet okrs, IsoWeek week, ReportFiles? files, BuildPhases? phases, CancellationToken cancellationToken)
    {
        await building.WaitAsync(cancellationToken);
        try
        {
            return await BuildOnceAsync(okrs, week, files, phases, cancellationToken);
        }
        finally
        {
            building.Release();
        }
    }

    private async Task<WeeklyReport> BuildOnceAsync(OkrSet okrs, IsoWeek week, ReportFiles? files, BuildPhases? phases, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var zone = Zone;
        // The links are written on their own connection while the figures are worked out; the build waits for them
        // before its snapshot, and also when it fails, so the next build never writes beside them.
        var writing = new StrongBox<Task?>();
        try
        {
            return await BuildWhileWritingAsync(okrs, week, now, zone, writing, files, phases, cancellationToken);
        }
        finally
        {
            if (writing.Value is { } written)
            {
                await written.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task<WeeklyReport> BuildWhileWritingAsync(
        OkrSet okrs, IsoWeek week, DateTimeOffset now, TimeZoneInfo zone, StrongBox<Task?> writing, ReportFiles? files, BuildPhases? phases,
        CancellationToken cancellationToken)
    {
        LinkingResult? linking;
        Task written;
        (linking, written) = await linkRunner.LinkAndStartWritingAsync(okrs, phases, cancellationToken);
        writing.Value = written;

        // The suggestion index needs only the linked items: it is built on the other core while the figures and the
        // trend are worked out on this one (each about a second at a million items).
        var suggestions = options.Value.Report.Suggestions;
        var linkingOptions = options.Value.Linking;
        Task<KrSuggester>? indexing = ReportSuggestions.Wanted(suggestions)
            ? StartIndexing(linking, okrs, linkingOptions, week.Bounds(zone).To, cancellationToken)
            : null;
        var metrics = await ReadMetricsAsync(cancellationToken);
        // The shares of the trend's weeks before are worked out in the figures' pass, in case they have no snapshot.
        var trendWeeks = Enumerable.Range(0, TrendWeeks - 1).Select(k => week.AddWeeks(k - TrendWeeks + 1)).ToList();
        var figures = FigureCalculator.Compute(linking, okrs, week, zone, metrics, options.Value.Report.Status, now, trendWeeks, out var reconstructed);
        phases?.Mark("figures");
        var trend = await ReadTrendAsync(figures, trendWeeks, reconstructed, cancellationToken);
        phases?.Mark("trend");
        var findings = OkrLint.Check(okrs).Concat(linking.Findings).ToList();
        var unlinked = indexing is null || figures.UnlinkedItems.Count == 0
            ? figures.UnlinkedItems
            : ReportSuggestions.AddToReport(figures.UnlinkedItems, await indexing, suggestions);
        phases?.Mark("suggestions");

        // Every item and link is behind the figures now: let them go before the report is serialized (this
        // method's locals live on across its awaits, so without this a million items would stay to the end).
        linking = null;
        indexing = null;
        var report = new WeeklyReport(
            WeeklyReport.CurrentSchemaVersion,
            week.ToString(),
            figures.From,
            figures.To,
            now,
            okrs.Period.Name,
            figures.Totals,
            figures.Teams,
            figures.Objectives,
            unlinked,
            findings,
            trend);
        // The files render beside the rest of the build; the JSON one is written by the snapshot's serialization.
        files?.Start(report, cancellationToken);
        phases?.Mark("build report");
        await written;
        phases?.Mark("write links (waited for)");
        await SaveSnapshotAsync(figures, report, now, phases, cancellationToken);
        phases?.Mark("snapshot write");
        return report;
    }

    // Not a lambda in the build itself: the items it reads are then held by the task alone, not by the build's locals.
    private static Task<KrSuggester> StartIndexing(
        LinkingResult linking, OkrSet okrs, LinkingOptions linkingOptions, DateTimeOffset weekEnd, CancellationToken cancellationToken) =>
        Task.Run(() => new KrSuggester(linking, okrs, linkingOptions, weekEnd), cancellationToken);

    private async Task<MetricHistory> ReadMetricsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (rows, baselines, failed) = ReportRowsSql.Applies(db)
            ? await ReportRowsSql.ReadMetricsAsync(db, cancellationToken)
            : (await db.MetricSamples.AsNoTracking().ToListAsync(cancellationToken),
                await db.MetricBaselines.AsNoTracking().ToListAsync(cancellationToken),
                await db.MetricPulls.AsNoTracking().Where(p => p.LastError != null).ToListAsync(cancellationToken));
        return new MetricHistory(
            [.. rows.Select(r => new MetricSample(r.KrId, r.At, r.Value)).OrderBy(s => s.At)],
            baselines.ToDictionary(b => b.KrId, b => new BaselineSource(b.Provider, b.Query, b.At, b.Value, b.CapturedAt), StringComparer.OrdinalIgnoreCase),
            failed.ToDictionary(p => p.KrId, p => p.LastError!, StringComparer.OrdinalIgnoreCase));
    }

    private async Task SaveSnapshotAsync(WeeklyFigures figures, WeeklyReport report, DateTimeOffset now, BuildPhases? phases, CancellationToken cancellationToken)
    {
        // The CLI's report and a worker (or two nodes) may build the same week at once: when both insert its first
        // snapshot, the loser's insert fails on the key and it writes again over the winner's row, the later build last.
        try
        {
            await SaveSnapshotOnceAsync(figures, report, now, phases, cancellationToken);
        }
        catch (DbUpdateException)
        {
            await SaveSnapshotOnceAsync(figures, report, now, phases: null, cancellationToken);
        }
    }

    private async Task SaveSnapshotOnceAsync(WeeklyFigures figures, WeeklyReport report, DateTimeOffset now, BuildPhases? phases, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = figures.Week.ToString();

        // Without the stored report: it is the size of the report, and only its delivery time matters here.
        var sql = ReportRowsSql.Applies(db);
        var (isStored, delivered) = sql
            ? await ReportRowsSql.ReadDeliveredAsync(db, key, cancellationToken)
            : await db.WeeklySnapshots.AsNoTracking()
                .Where(s => s.Week == key)
                .Select(s => new { s.DeliveredAt })
                .SingleOrDefaultAsync(cancellationToken) is { } stored ? (true, stored.DeliveredAt is not null) : (false, false);

        // A delivered past week is history: rebuilding it later reads today's categories, which
        // would quietly rewrite the trend. The current week is refreshed until it is over.
        if (delivered && figures.Week < IsoWeek.Containing(now, Zone))
        {
            return;
        }

        var row = new WeeklySnapshotRow { Week = key };
        row.From = figures.From;
        row.To = figures.To;
        row.Items = figures.Totals.Items;
        row.Linked = figures.Totals.Linked;
        row.Bau = figures.Totals.Bau;
        row.Unlinked = figures.Totals.Unlinked;
        row.UnlinkedShare = figures.Totals.UnlinkedShare;
        row.PointsUnlinkedShare = figures.Totals.Points.UnlinkedShare;
        row.TakenAt = now;
        // Stored gzip-compressed (serialized and compressed at once, SerializedReport, which also writes the JSON file
        // when one is being written); the old text column is emptied.
        row.ReportJsonGzip = ReportJson.Serialize(report).Gzip;
        row.ReportJson = null;
        phases?.Mark("serialize report JSON");
        if (sql)
        {
            // One upsert, leaving the delivery time as it is: a build beside this one cannot make it fail on the key.
            await ReportRowsSql.UpsertSnapshotAsync(db, row, cancellationToken);
            return;
        }

        if (!isStored)
        {
            db.WeeklySnapshots.Add(row);
        }
        else
        {
            // Every column but the delivery time, which the weekly job sets and this never changes.
            db.Entry(row).State = EntityState.Modified;
            db.Entry(row).Property(r => r.DeliveredAt).IsModified = false;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    // The weeks before come from their snapshots (else reconstructed); this week from its own figures.
    private async Task<IReadOnlyList<TrendPoint>> ReadTrendAsync(
        WeeklyFigures current, List<IsoWeek> weeks, double?[] reconstructed, CancellationToken cancellationToken)
    {
        var week = current.Week;
        var keys = weeks.Select(w => w.ToString()).ToList();

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Only the share: a week's row also holds its whole report (134 MB of JSON at a million items).
        var snapshots = ReportRowsSql.Applies(db)
            ? await ReportRowsSql.ReadSharesAsync(db, keys, cancellationToken)
            : await db.WeeklySnapshots.AsNoTracking()
                .Where(s => keys.Contains(s.Week))
                .Select(s => new { s.Week, s.UnlinkedShare })
                .ToDictionaryAsync(s => s.Week, s => s.UnlinkedShare, cancellationToken);

        var trend = new List<TrendPoint>();
        for (var k = 0; k < weeks.Count; k++)
        {
            var w = weeks[k];
            if (snapshots.TryGetValue(w.ToString(), out var storedShare))
            {
                trend.Add(new TrendPoint(w.ToString(), storedShare, Reconstructed: false));
            }
            else if (reconstructed[k] is { } share)
            {
                trend.Add(new TrendPoint(w.ToString(), share, Reconstructed: true));
            }
        }

        trend.Add(new TrendPoint(week.ToString(), current.Totals.UnlinkedShare, Reconstructed: false));
        return trend;
    }
}
