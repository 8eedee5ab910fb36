using System.Diagnostics;

namespace OkrLinker.Core.Reports;

/// <summary>
/// Wall time, CPU time (the process's, all threads), GC pause time, bytes allocated (all threads) and the working set at the end of each phase of a report build, for the benchmark
/// (docs/benchmarks.md); a build without one records nothing.
/// </summary>
internal sealed class BuildPhases
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<(string Phase, TimeSpan Wall, TimeSpan Cpu, TimeSpan Paused, long Allocated, long WorkingSet)> phases = [];
    private TimeSpan last;
    private TimeSpan cpu = ProcessCpu();
    private TimeSpan paused = GC.GetTotalPauseDuration();
    private long allocated = GC.GetTotalAllocatedBytes(precise: false);

    public IReadOnlyList<(string Phase, TimeSpan Wall, TimeSpan Cpu, TimeSpan Paused, long Allocated, long WorkingSet)> Phases => phases;

    /// <summary>Ends the phase that ran since the last mark (or since this was made).</summary>
    public void Mark(string phase)
    {
        var now = clock.Elapsed;
        var bytes = GC.GetTotalAllocatedBytes(precise: false);
        var pause = GC.GetTotalPauseDuration();
        var used = ProcessCpu();
        phases.Add((phase, now - last, used - cpu, pause - paused, bytes - allocated, Environment.WorkingSet));
        cpu = used;
        last = now;
        paused = pause;
        allocated = bytes;
    }

    private static TimeSpan ProcessCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
