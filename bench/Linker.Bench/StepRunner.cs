using System.Diagnostics;
using System.Globalization;
using OkrLinker.Worker.Cli;

namespace OkrLinker.Bench;

/// <summary>
/// Runs one okrlinker verb in a process of its own, so its wall time includes start-up and its peak
/// working set is its own and not the sum of the steps before it.
/// </summary>
/// <remarks>
/// The process is the published worker when the bench's Release build made one (<c>okrlinker-r2r/</c> beside this
/// assembly, ReadyToRun as <c>dotnet publish -r</c> and the Dockerfile make it; see Linker.Bench.csproj), so a step
/// runs what a deployed okrlinker runs; this assembly is loaded into it as a startup hook (<see cref="StartupHook"/>)
/// only to print the figures at exit. Without that folder (a Debug build, the tests) the step is this assembly again
/// (<c>step VERB…</c>), whose referenced assemblies are JIT-compiled.
/// </remarks>
internal static class StepRunner
{
    public const string StepVerb = "step";
    private const string Marker = "bench-step:";

    /// <summary>The published worker the steps run, or null when this build has none.</summary>
    public static string? PublishedWorker
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "okrlinker-r2r", "okrlinker.dll");
            return File.Exists(path) && Environment.GetEnvironmentVariable("LINKER_BENCH_JIT_STEPS") != "1" ? path : null;
        }
    }

    /// <summary>One line for a scenario's output: what the steps run.</summary>
    public static string Describe() => PublishedWorker is { } worker
        ? $"steps run the published worker, ReadyToRun: {worker}"
        : $"steps run this build's assemblies, JIT-compiled (no ReadyToRun publish beside {typeof(StepRunner).Assembly.Location}, or LINKER_BENCH_JIT_STEPS=1)";

    /// <summary>Starts the step process and waits for it.</summary>
    /// <param name="environment">Set in the step's process only (e.g. <see cref="LargePages.Environment"/>).</param>
    public static async Task<StepResult> RunAsync(
        string name, int items, IReadOnlyList<string> verbArgs, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        if (PublishedWorker is { } worker)
        {
            start.ArgumentList.Add(worker);
            start.Environment["DOTNET_STARTUP_HOOKS"] = typeof(StepRunner).Assembly.Location;
        }
        else
        {
            start.ArgumentList.Add(typeof(StepRunner).Assembly.Location);
            start.ArgumentList.Add(StepVerb);
        }

        foreach (var arg in verbArgs)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the step process");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var wall = clock.Elapsed;
        var output = await stdout;
        var errors = await stderr;

        var marker = output.Split('\n').LastOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal));
        if (process.ExitCode != 0 || marker is null)
        {
            throw new InvalidOperationException($"step {name} ({string.Join(' ', verbArgs)}) exited {process.ExitCode}:\n{output}\n{errors}");
        }

        var fields = marker[Marker.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split('='))
            .ToDictionary(f => f[0], f => long.Parse(f[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        return new StepResult(name, items, wall, fields["peak"] + fields["huge"], fields["gcs"], TimeSpan.FromMilliseconds(fields["cpu"]));
    }

    /// <summary>The child side without a published worker: runs the verb in-process, then prints its figures.</summary>
    public static async Task<int> RunStepAsync(string[] verbArgs, CancellationToken cancellationToken)
    {
        var code = await LinkerCommandLine.InvokeAsync(verbArgs, Console.Out, Console.Error, cancellationToken);
        PrintFigures();
        return code;
    }

    /// <summary>
    /// The process's peak working set, the huge pages it holds (not in the working set; a heap on huge pages keeps them
    /// to the end, so at exit they are their peak), GC count and CPU time, as the line the parent reads.
    /// </summary>
    public static void PrintFigures()
    {
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var gcs = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Marker} peak={self.PeakWorkingSet64} huge={LargePages.HeldBySelf()} gcs={gcs} cpu={(long)self.TotalProcessorTime.TotalMilliseconds}"));
        Console.Out.Flush();
    }
}
