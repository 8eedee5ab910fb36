namespace OkrLinker.Core.Store;

/// <summary>The last pull of one KR's metric: when it ran and, when it failed, the provider's reason.</summary>
public sealed class MetricPullRow
{
    public string KrId { get; set; } = "";

    public DateTimeOffset LastPullAt { get; set; }

    public DateTimeOffset? LastSuccessAt { get; set; }

    /// <summary>Null when the last pull succeeded.</summary>
    public string? LastError { get; set; }
}
