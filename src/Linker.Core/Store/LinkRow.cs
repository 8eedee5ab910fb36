namespace OkrLinker.Core.Store;

/// <summary>An item serves a KR, and why (explicit / inherited / rule).</summary>
public sealed class LinkRow
{
    public string Source { get; set; } = "";

    public string ExternalId { get; set; } = "";

    public string KrId { get; set; } = "";

    public string Reason { get; set; } = "";

    public string? Via { get; set; }
}
