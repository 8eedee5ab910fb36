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
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(linked);
        ArgumentNullException.ThrowIfNull(okrs);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(thresholds);

        var (from, to) = week.Bounds(zone);
        var inScope = linked.Items.Where(l => IsInScope(l.Item, from, to)).ToList();

        var totals = new BucketTally();
        var byTeam = new Dictionary<string, BucketTally>(StringComparer.OrdinalIgnoreCase);
        var teamNames = new List<string>();
        foreach (var item in inScope)
        {
            totals.Add(item);
            if (!byTeam.TryGetValue(item.Item.Team, out var team))
            {
                byTeam.Add(item.Item.Team, team = new BucketTally());
                teamNames.Add(item.Item.Team);
            }

            team.Add(item);
        }

        var sums = totals.ToTotals();
        return new WeeklyFigures(
            week,
            from,
            to,
            sums,
            [.. teamNames.Order(StringComparer.OrdinalIgnoreCase).Select(t => byTeam[t].ToTeam(t))],
            Objectives(linked, okrs, week, zone, metrics, thresholds, now),
            UnlinkedItems(inScope, sums.Unlinked));
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

    // The unlinked items, most points first (no points last), then by key. Each keeps why it is unlinked in compact form:
    // wording 220,000 explanations here was most of the figures' time and garbage at a million items.
    private static List<UnlinkedItem> UnlinkedItems(List<LinkedItem> inScope, int count)
    {
        // Made in the items' own order, which is the order they sit in memory; then only the compact keys are sorted
        // (sorting the items themselves chased two pointers per comparison across the heap: over a second at a million).
        var made = new List<UnlinkedItem>(count);
        var keys = new UnlinkedOrder[count];
        foreach (var l in inScope)
        {
            if (l.Bucket != Bucket.Unlinked)
            {
                continue;
            }

            var item = l.Item;
            keys[made.Count] = new UnlinkedOrder(item.StoryPoints, item.Key, made.Count);
            made.Add(l.UnlinkedWhy is { } why
                ? new UnlinkedItem(item.Source, item.Key, item.Title, item.Url, item.Team, item.Type, item.State, item.StoryPoints) { Why = why }
                : new UnlinkedItem(item.Source, item.Key, item.Title, item.Url, item.Team, item.Type, item.State, item.StoryPoints, l.Explanation));
        }

        Array.Sort(keys);
        var items = new List<UnlinkedItem>(count);
        foreach (var key in keys)
        {
            items.Add(made[key.At]);
        }

        return items;
    }

    // Whether a link before the k-th names the same KR (an item lists a KR once however many ways it names it).
    private static bool NamedBefore(IReadOnlyList<ItemLink> links, int k, string kr)
    {
        for (var j = 0; j < k; j++)
        {
            if (string.Equals(links[j].KrId, kr, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static List<ObjectiveReport> Objectives(
        LinkingResult linked, OkrSet okrs, IsoWeek week, TimeZoneInfo zone, MetricHistory metrics, StatusOptions thresholds, DateTimeOffset now)
    {
        // A plain loop: a million items, most with no link, and LINQ's iterators for each were a third of the figures' garbage.
        var itemsByKr = new Dictionary<string, List<WorkItem>>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in linked.Items)
        {
            var links = item.Links;
            if (links.Count == 0 || item.Item.Category == StateCategory.Removed)
            {
                continue;
            }

            for (var k = 0; k < links.Count; k++)
            {
                var kr = links[k].KrId;
                if (NamedBefore(links, k, kr))
                {
                    continue;
                }

                if (!itemsByKr.TryGetValue(kr, out var list))
                {
                    itemsByKr.Add(kr, list = []);
                }

                list.Add(item.Item);
            }
        }

        // OrderBy is stable: samples taken at the same instant keep their given order, the last one wins.
        var samplesByKr = metrics.Samples.Where(s => s.At <= now).OrderBy(s => s.At).ToLookup(s => s.KrId, StringComparer.OrdinalIgnoreCase);
        var recentWeeks = Enumerable.Range(0, NoWorkWeeks).Select(back => week.AddWeeks(-back).Bounds(zone)).ToList();
        var figures = new KeyResultFigures(
            recentWeeks,
            LocalDay.Start(okrs.Period.Start, zone),
            LocalDay.Start(okrs.Period.End.AddDays(1), zone),
            week.Bounds(zone).To,
            now,
            thresholds);

        return
        [
            .. okrs.Objectives.Select(o => new ObjectiveReport(
                o.Id,
                o.Title,
                [
                    .. o.KeyResults.Select(kr => figures.Build(
                        kr,
                        itemsByKr.TryGetValue(kr.Id, out var items) ? items : [],
                        [.. samplesByKr[kr.Id]],
                        metrics.Baselines.GetValueOrDefault(kr.Id),
                        metrics.PullErrors.GetValueOrDefault(kr.Id))),
                ])),
        ];
    }
}
