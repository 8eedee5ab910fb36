namespace OkrLinker.Core.Store;

/// <summary>
/// One <c>Report.Deliver</c> entry's delivery of one week's scheduled report, written right after the entry
/// succeeded, so a node that dies mid-delivery leaves the entries already sent on record and the node that
/// recovers the job sends only the rest.
/// </summary>
public sealed class DeliveryRecordRow
{
    public string Week { get; set; } = "";

    /// <summary>The entry's index in <c>Report.Deliver</c>.</summary>
    public int Entry { get; set; }

    public string Kind { get; set; } = "";

    public DateTimeOffset DeliveredAt { get; set; }

    /// <summary>The node (Quartz instance id) that sent it.</summary>
    public string? Node { get; set; }
}
