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

    /// <summary>The whole report (DESIGN.md §9) as last built for this week, so the API can serve it from any node.</summary>
    public string? ReportJson { get; set; }

    /// <summary>When the scheduled weekly report for this week went out; null until then (a missed one runs at start).</summary>
    public DateTimeOffset? DeliveredAt { get; set; }
}
