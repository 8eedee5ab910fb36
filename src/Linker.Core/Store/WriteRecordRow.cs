namespace OkrLinker.Core.Store;

/// <summary>
/// One write-back a PM approved on the dashboard (issue 16): who, when, which tag on which item, every request sent
/// and what the tracker answered. Kept whether the write succeeded or not; never holds a token.
/// </summary>
public sealed class WriteRecordRow
{
    public long Id { get; set; }

    public string Source { get; set; } = "";

    public string ExternalId { get; set; } = "";

    public string Key { get; set; } = "";

    public string KrId { get; set; } = "";

    public string Tag { get; set; } = "";

    /// <summary><c>dashboard login</c>, <c>api-key</c> or <c>open dashboard</c>, with the name the form gave.</summary>
    public string ApprovedBy { get; set; } = "";

    public DateTimeOffset ApprovedAt { get; set; }

    public bool Succeeded { get; set; }

    public int? Status { get; set; }

    /// <summary>The requests, one per line (method, path, body).</summary>
    public string Sent { get; set; } = "";

    public string Answer { get; set; } = "";

    /// <summary>True when the item's scope sync was triggered after the write.</summary>
    public bool SyncTriggered { get; set; }
}
