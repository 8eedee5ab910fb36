using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OkrLinker.Core.Items;
using OkrLinker.Core.Reports;
using OkrLinker.Core.Store;

namespace OkrLinker.Worker.Web.Dashboard;

/// <summary>
/// What the pages read: the stored report JSON of a week (the very figures the API serves) and the links the same
/// report build stored, joined with their items. Nothing here computes a figure.
/// </summary>
internal sealed class DashboardStore(IDbContextFactory<LinkerDbContext> dbFactory) : IDisposable
{
    private const int PickerWeeks = 26;

    // A week's report JSON runs to 141 MB at a million items; reading it on every page view would cost more than the
    // page. It is read again only when the snapshot was taken again (the refresh rebuilt it), into what the pages show
    // (DashboardReportReader: ~40 MB at a million items, where the whole parsed report took ~340 MB).
    private const int ParsedWeeks = 8;
    private readonly ConcurrentDictionary<string, (DateTimeOffset TakenAt, WeeklyReport Report)> parsed = new(StringComparer.Ordinal);

    // One read at a time: views that arrive together after a refresh wait for the one read instead of each making its own.
    private readonly SemaphoreSlim reading = new(1, 1);

    /// <summary>The report of <paramref name="week"/> (canonical), else of the newest week; null when none was built.</summary>
    public async Task<WeeklyReport?> ReportAsync(string? week, CancellationToken cancellationToken)
    {
        if (await SnapshotAsync(week, cancellationToken) is not { } key)
        {
            return null;
        }

        if (Cached(key) is { } cached)
        {
            return cached;
        }

        await reading.WaitAsync(cancellationToken);
        try
        {
            if (Cached(key) is { } readMeanwhile)
            {
                return readMeanwhile;
            }

            if (await ReadAsync(key.Week, cancellationToken) is not { } report)
            {
                return null;
            }

            if (parsed.Count >= ParsedWeeks)
            {
                parsed.Clear();
            }

            parsed[key.Week] = (key.TakenAt, report);
            return report;
        }
        finally
        {
            reading.Release();
        }
    }

    /// <summary>
    /// Drops the parsed report of <paramref name="week"/> (canonical): a build of that week is about to replace it, and
    /// at a million items it is a few hundred megabytes the build would otherwise have to be held beside.
    /// </summary>
    public void Forget(string week) => parsed.TryRemove(week, out _);

    private WeeklyReport? Cached((string Week, DateTimeOffset TakenAt) key) =>
        parsed.TryGetValue(key.Week, out var cached) && cached.TakenAt == key.TakenAt ? cached.Report : null;

    private async Task<(string Week, DateTimeOffset TakenAt)?> SnapshotAsync(string? week, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.WeeklySnapshots.AsNoTracking().Where(WeeklySnapshotRow.HasReport);
        var found = await (week is null ? rows.OrderByDescending(s => s.Week) : rows.Where(s => s.Week == week))
            .Select(s => new { s.Week, s.TakenAt })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.Week, found.TakenAt);
    }

    // The stored JSON of the week (gzip, or the text of a row written before that column) read through once, streaming.
    private async Task<WeeklyReport?> ReadAsync(string week, CancellationToken cancellationToken)
    {
        byte[]? gzip;
        string? text;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var found = await db.WeeklySnapshots.AsNoTracking()
                .Where(s => s.Week == week)
                .Select(s => new { s.ReportJson, s.ReportJsonGzip })
                .FirstOrDefaultAsync(cancellationToken);
            (gzip, text) = (found?.ReportJsonGzip, found?.ReportJson);
        }

        if (gzip is not null)
        {
            await using var json = new GZipStream(new MemoryStream(gzip, writable: false), CompressionMode.Decompress);
            return DashboardReportReader.Read(json, cancellationToken);
        }

        if (text is not null)
        {
            await using var json = new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false);
            return DashboardReportReader.Read(json, cancellationToken);
        }

        return null;
    }

    public void Dispose() => reading.Dispose();

    /// <summary>The weeks with a stored report, newest first.</summary>
    public async Task<IReadOnlyList<string>> WeeksAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.WeeklySnapshots.AsNoTracking()
            .Where(WeeklySnapshotRow.HasReport)
            .OrderByDescending(s => s.Week)
            .Select(s => s.Week)
            .Take(PickerWeeks)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The stored links to <paramref name="krIds"/> whose item is not Removed (as the report counts a KR's line-of-sight),
    /// ordered by source and key.
    /// </summary>
    public async Task<IReadOnlyList<LinkedWork>> LinkedAsync(IReadOnlyCollection<string> krIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var removed = nameof(StateCategory.Removed);
        var ids = krIds.ToList();
        var rows = await (
            from l in db.Links.AsNoTracking()
            join w in db.WorkItems.AsNoTracking() on new { l.Source, l.ExternalId } equals new { w.Source, w.ExternalId }
            where ids.Contains(l.KrId) && w.Category != removed
            select new LinkedWork(
                l.KrId, l.Reason, l.Via, w.Source, w.ExternalId, w.Key, w.Title, w.Url, w.Type, w.State, w.Category, w.Team,
                w.ParentId, w.ParentKey, w.StoryPoints))
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Source, StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal)];
    }

    /// <summary>The team of each stored item key among <paramref name="keys"/> (the first one where a key repeats across sources).</summary>
    public async Task<IReadOnlyDictionary<string, string>> TeamsOfAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return new Dictionary<string, string>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var wanted = keys.Distinct(StringComparer.Ordinal).ToList();
        var rows = await db.WorkItems.AsNoTracking()
            .Where(w => wanted.Contains(w.Key))
            .Select(w => new { w.Key, w.Team, w.Source })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Source, StringComparer.Ordinal)
            .GroupBy(r => r.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Team, StringComparer.Ordinal);
    }
}
