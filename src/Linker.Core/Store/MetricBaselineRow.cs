namespace OkrLinker.Core.Store;

/// <summary>
/// A KR metric's value at the period start (DESIGN.md §8), captured once with its provenance and never
/// changed by a later pull: deleting the row is the only way to capture it again.
/// </summary>
public sealed class MetricBaselineRow
{
    public string KrId { get; set; } = "";

    public string Provider { get; set; } = "";

    public string Query { get; set; } = "";

    /// <summary>The time of the sample the value came from.</summary>
    public DateTimeOffset At { get; set; }

    public double Value { get; set; }

    public DateTimeOffset CapturedAt { get; set; }
}
