namespace OkrLinker.Core.Store;

/// <summary>One stored value of a KR's metric, unique on (KrId, At), with where it came from.</summary>
public sealed class MetricSampleRow
{
    public long Id { get; set; }

    public string KrId { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public double Value { get; set; }

    public string Provider { get; set; } = "";

    /// <summary>The KR's metric query (or tracker measure) the value answered.</summary>
    public string Query { get; set; } = "";

    /// <summary>When the pull that stored it ran.</summary>
    public DateTimeOffset PulledAt { get; set; }
}
