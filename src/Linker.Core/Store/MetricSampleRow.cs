namespace OkrLinker.Core.Store;

public sealed class MetricSampleRow
{
    public long Id { get; set; }

    public string KrId { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public double Value { get; set; }

    public string Provider { get; set; } = "";
}
