using System.Linq.Expressions;

namespace OkrLinker.Core.Store;

/// <summary>The headline figures of a week as they stood when its report was made; the trend reads these.</summary>
public sealed class WeeklySnapshotRow
{
    public string Week { get; set; } = "";

    public DateTimeOffset From { get; set; }

    public DateTimeOffset To { get; set; }

    public int Items { get; set; }

    public int Linked { get; set; }

    public int Bau { get; set; }

    public int Unlinked { get; set; }

    public double UnlinkedShare { get; set; }

    public double PointsUnlinkedShare { get; set; }

    public DateTimeOffset TakenAt { get; set; }

    /// <summary>
    /// The whole report (DESIGN.md §9) as last built for this week, so the API can serve it from any node; rows written
    /// before <see cref="ReportJsonGzip"/> hold it here, newer ones leave it null.
    /// </summary>
    public string? ReportJson { get; set; }

    /// <summary>
    /// The same report JSON as UTF-8, gzip-compressed (fastest level): a million items' report is 134 MB of JSON and
    /// about a tenth of that compressed, so writing and reading the snapshot costs that much less.
    /// </summary>
    public byte[]? ReportJsonGzip { get; set; }

    /// <summary>When the scheduled weekly report for this week went out; null until then (a missed one runs at start).</summary>
    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>Rows that hold a report, in either column (for queries).</summary>
    public static Expression<Func<WeeklySnapshotRow, bool>> HasReport { get; } = s => s.ReportJsonGzip != null || s.ReportJson != null;
}
