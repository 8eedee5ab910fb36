using System.Globalization;

namespace OkrLinker.Bench;

/// <summary>
/// One measured step: wall time (process start to exit), CPU time (user + system, all threads: on a
/// shared machine the steadier figure), peak memory (working set plus the huge pages it held), GC count.
/// </summary>
internal sealed record StepResult(string Name, int Items, TimeSpan Wall, long PeakBytes, long Collections, TimeSpan Cpu = default)
{
    public double ItemsPerSecond => Items / Wall.TotalSeconds;

    public string Row() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Name} | {Items:N0} | {Wall.TotalSeconds:F2} s | {Cpu.TotalSeconds:F2} s | {ItemsPerSecond:N0} items/s | {PeakBytes / (1024.0 * 1024.0):N0} MB | {Collections} |");

    public const string Header = "| step | items | wall | CPU | items/s | peak memory | GCs |\n|---|---|---|---|---|---|---|";
}
