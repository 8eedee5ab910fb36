using System.Diagnostics;
using System.Globalization;
using OkrLinker.Worker.Cli;

namespace OkrLinker.Bench;

/// <summary>
/// Runs one okrlinker verb in a process of its own, so its wall time includes start-up and its peak
/// working set is its own and not the sum of the steps before it.
/// </summary>
internal static class StepRunner
{
    public const string StepVerb = "step";
    private const string Marker = "bench-step:";

    /// <summary>Starts this assembly again as <c>step VERB…</c> and waits for it.</summary>
    public static async Task<StepResult> RunAsync(string name, int items, IReadOnlyList<string> verbArgs, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(StepRunner).Assembly.Location);
        start.ArgumentList.Add(StepVerb);
        foreach (var arg in verbArgs)
        {
            start.ArgumentList.Add(arg);
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
        return new StepResult(name, items, wall, fields["peak"], fields["gcs"], TimeSpan.FromMilliseconds(fields["cpu"]));
    }

    /// <summary>The child side: runs the verb in-process, then prints its peak working set.</summary>
    public static async Task<int> RunStepAsync(string[] verbArgs, CancellationToken cancellationToken)
    {
        var code = await LinkerCommandLine.InvokeAsync(verbArgs, Console.Out, Console.Error, cancellationToken);
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var gcs = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2);
        await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{Marker} peak={self.PeakWorkingSet64} gcs={gcs} cpu={(long)self.TotalProcessorTime.TotalMilliseconds}"));
        return code;
    }
}
