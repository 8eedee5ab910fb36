using OkrLinker.Core.Configuration;
using OkrLinker.Core.Items;
using OkrLinker.Core.Linking;
using OkrLinker.Core.Metrics;
using OkrLinker.Core.Okrs;
using OkrLinker.Core.Reports;

namespace OkrLinker.Core.Figures;

/// <summary>
/// The week's figures from linked items and metric samples (DESIGN.md §8): in-scope items by bucket,
/// overall and per team, the unlinked items, and each KR's line-of-sight, progress and flags.
/// </summary>
public static class FigureCalculator
{
    private const int NoWorkWeeks = 4;

    /// <summary>The figures with the default status thresholds and nothing but samples known of the metrics.</summary>
    public static WeeklyFigures Compute(
        LinkingResult linked,
        OkrSet okrs,
        IsoWeek week,
        TimeZoneInfo zone,
        IReadOnlyList<MetricSample> samples,
        DateTimeOffset now) =>
        Compute(linked, okrs, week, zone, MetricHistory.Of(samples), new StatusOptions(), now);

    /// <param name="linked">Every item with its links, Removed ones included (they are left out here).</param>
    /// <param name="week">The report's ISO week, bounded by Monday 00:00 in <paramref name="zone"/>.</param>
    /// <param name="metrics">Samples, captured baselines and failed pulls of any KRs; samples after <paramref name="now"/> are ignored.</param>
    /// <param name="thresholds"><c>Report.Status</c>.</param>
    /// <param name="now">When the report is made: later samples are not known yet.</param>
    public static WeeklyFigures Compute(
        LinkingResult linked,
        OkrSet okrs,
        IsoWeek week,
        TimeZoneInfo zone,
        MetricHistory metrics,
        StatusOptions thresholds,
        DateTimeOffset now) =>
        Compute(linked, okrs, week, zone, metrics, thresholds, now, [], out _);

    /// <summary>As the other overload, with the unlinked share each of <paramref name="trendWeeks"/> would be reconstructed
    /// with (<see cref="TrendReconstruction"/>), worked out in the same pass over the items.</summary>
    internal static WeeklyFigures Compute(
        LinkingResult linked,
        OkrSet okrs,
        IsoWeek week,
        TimeZoneInfo zone,
        MetricHistory metrics,
        StatusOptions thresholds,
        DateTimeOffset now,
        IReadOnlyList<IsoWeek> trendWeeks,
        out double?[] trendShares)
    {
        ArgumentNullException.ThrowIfNull(linked);
        ArgumentNullException.ThrowIfNull(okrs);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(thresholds);

        var (from, to) = week.Bounds(zone);
        var krFigures = KeyResultFiguresFor(okrs, week, zone, thresholds, now);
        var trend = trendWeeks.Count > 0 ? new TrendReconstruction.Tally(trendWeeks, zone) : null;
        var pass = new FigurePass(okrs, krFigures, from, to, trend);
        pass.AddAll(linked.Items);

        trendShares = trend?.Shares() ?? [];

        var sums = pass.Totals.ToTotals();
        return new WeeklyFigures(
            week,
            from,
            to,
            sums,
            pass.Teams(),
            Objectives(okrs, pass, krFigures, metrics, now),
            pass.UnlinkedItems());
    }

    /// <summary>
    /// In scope for [<paramref name="from"/>, <paramref name="to"/>): in progress and created before
    /// <paramref name="to"/>, or done with its resolved time inside. ToDo and Removed items never are.
    /// </summary>
    public static bool IsInScope(WorkItem item, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Category switch
        {
            StateCategory.InProgress => item.Created < to,
            StateCategory.Done => item.Resolved is { } resolved && resolved >= from && resolved < to,
            _ => false,
        };
    }

    private static KeyResultFigures KeyResultFiguresFor(OkrSet okrs, IsoWeek week, TimeZoneInfo zone, StatusOptions thresholds, DateTimeOffset now)
    {
        var recentWeeks = new (DateTimeOffset From, DateTimeOffset To)[NoWorkWeeks];
        for (var back = 0; back < NoWorkWeeks; back++)
        {
            recentWeeks[back] = week.AddWeeks(-back).Bounds(zone);
        }

        return new KeyResultFigures(
            recentWeeks,
            LocalDay.Start(okrs.Period.Start, zone),
            LocalDay.Start(okrs.Period.End.AddDays(1), zone),
            week.Bounds(zone).To,
            now,
            thresholds);
    }

    private static List<ObjectiveReport> Objectives(OkrSet okrs, FigurePass pass, KeyResultFigures figures, MetricHistory metrics, DateTimeOffset now)
    {
        // OrderBy is stable: samples taken at the same instant keep their given order, the last one wins.
        var samplesByKr = metrics.Samples.Where(s => s.At <= now).OrderBy(s => s.At).ToLookup(s => s.KrId, StringComparer.OrdinalIgnoreCase);
        return
        [
            .. okrs.Objectives.Select(o => new ObjectiveReport(
                o.Id,
                o.Title,
                [
                    .. o.KeyResults.Select(kr => figures.Build(
                        kr,
                        pass.TallyOf(kr),
                        [.. samplesByKr[kr.Id]],
                        metrics.Baselines.GetValueOrDefault(kr.Id),
                        metrics.PullErrors.GetValueOrDefault(kr.Id))),
                ])),
        ];
    }
}
