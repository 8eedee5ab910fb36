using System.Collections.Concurrent;
using System.Diagnostics;

namespace OkrLinker.Worker.Tests.Cluster;

/// <summary>One <c>okrlinker run</c> process of a cluster, its log lines kept (they name the node and what it runs).</summary>
public sealed class ClusterNode : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();

    private ClusterNode(Process process) => this.process = process;

    public IReadOnlyList<string> Lines => [.. lines];

    public bool HasExited => process.HasExited;

    /// <summary>True once the test killed it (its exit is then expected).</summary>
    public bool Killed { get; private set; }

    public int ExitCode => process.ExitCode;

    public static ClusterNode Start(string configPath, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "okrlinker.dll"));
        start.ArgumentList.Add("run");
        start.ArgumentList.Add("--config");
        start.ArgumentList.Add(configPath);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var node = new ClusterNode(Process.Start(start)!);
        node.process.OutputDataReceived += (_, e) => node.Keep(e.Data);
        node.process.ErrorDataReceived += (_, e) => node.Keep(e.Data);
        node.process.BeginOutputReadLine();
        node.process.BeginErrorReadLine();
        return node;
    }

    /// <summary>True once a log line holds <paramref name="text"/>.</summary>
    public bool Logged(string text) => lines.Any(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>SIGKILL: the node dies at once, mid-whatever, as on a power cut.</summary>
    public async Task KillAsync()
    {
        Killed = true;
        process.Kill(entireProcessTree: false);
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, and waits for the clean stop.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", $"-TERM {process.Id}"))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }
}
