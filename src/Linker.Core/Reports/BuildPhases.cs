using System.Diagnostics;

namespace OkrLinker.Core.Reports;

/// <summary>
/// Wall time and bytes allocated (all threads) of each phase of a report build, for the benchmark
/// (docs/benchmarks.md); a build without one records nothing.
/// </summary>
internal sealed class BuildPhases
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<(string Phase, TimeSpan Wall, long Allocated)> phases = [];
    private TimeSpan last;
    private long allocated = GC.GetTotalAllocatedBytes(precise: false);

    public IReadOnlyList<(string Phase, TimeSpan Wall, long Allocated)> Phases => phases;

    /// <summary>Ends the phase that ran since the last mark (or since this was made).</summary>
    public void Mark(string phase)
    {
        var now = clock.Elapsed;
        var bytes = GC.GetTotalAllocatedBytes(precise: false);
        phases.Add((phase, now - last, bytes - allocated));
        last = now;
        allocated = bytes;
    }
}
