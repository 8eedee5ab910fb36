using System.Globalization;

namespace OkrLinker.Bench;

/// <summary>
/// The runtime settings that put a step's GC heap on the kernel's huge pages (README, "Large pages"): the heap is then
/// committed in 2 MB pages reserved up front, so it is not faulted in and zeroed a 4 KB page at a time. On this machine
/// kind a first-touch page fault is expensive, and that was about a quarter of the 1M report's CPU (docs/benchmarks.md).
/// </summary>
/// <param name="HeapBytes">The GC's hard limit, and the address range it reserves, in bytes.</param>
internal sealed record LargePages(long HeapBytes)
{
    private const long HugePageBytes = 2 * 1024 * 1024;

    /// <summary>How many 2 MB huge pages the step's heap reserves.</summary>
    public long Pages => (HeapBytes + HugePageBytes - 1) / HugePageBytes;

    /// <summary>What a step's process gets (the runtime reads these as hexadecimal numbers).</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DOTNET_GCLargePages"] = "1",
        ["DOTNET_GCHeapHardLimit"] = HeapBytes.ToString("x", CultureInfo.InvariantCulture),
        ["DOTNET_GCRegionRange"] = HeapBytes.ToString("x", CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Fails before any step runs when the kernel has too few free huge pages: the runtime would otherwise stop the step
    /// at start with "GC heap initialization failed".
    /// </summary>
    /// <param name="meminfo">The text of <c>/proc/meminfo</c>.</param>
    public void EnsureAvailable(string meminfo)
    {
        var free = meminfo.Split('\n')
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0] == "HugePages_Free")
            .Select(parts => long.Parse(parts[1].Trim(), CultureInfo.InvariantCulture))
            .FirstOrDefault();
        if (free < Pages)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"--large-pages {HeapBytes / (1024 * 1024)} needs {Pages} free huge pages of 2 MB, the kernel has {free}: as root, `sysctl vm.nr_hugepages={Pages}` (or more)"));
        }
    }

    /// <summary>The huge pages this process holds, in bytes (<c>HugetlbPages</c> of <c>/proc/self/status</c>; 0 elsewhere).</summary>
    public static long HeldBySelf()
    {
        const string Status = "/proc/self/status";
        if (!File.Exists(Status))
        {
            return 0;
        }

        foreach (var line in File.ReadLines(Status))
        {
            if (line.StartsWith("HugetlbPages:", StringComparison.Ordinal))
            {
                var kilobytes = line["HugetlbPages:".Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return 0;
    }
}
