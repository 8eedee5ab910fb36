using System.Diagnostics;

namespace OkrLinker.Worker.Tests.Support;

/// <summary>The worker as a real process (<c>okrlinker &lt;verb&gt; --config …</c>), for kills and signals.</summary>
public static class WorkerProcess
{
    /// <summary>Starts the verb with one extra environment variable (a source's token); output is drained and dropped.</summary>
    public static Process Start(string verb, string configPath, string variable, string value)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "okrlinker.dll"));
        start.ArgumentList.Add(verb);
        start.ArgumentList.Add("--config");
        start.ArgumentList.Add(configPath);
        start.Environment[variable] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// Kills <paramref name="child"/> (and its tree) once <paramref name="reached"/> holds; fails the test when the child
    /// ends first or a minute passes. Named <paramref name="what"/> in the failure.
    /// </summary>
    public static async Task KillWhenAsync(Process child, Func<bool> reached, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!reached() && !child.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        Assert.False(child.HasExited, $"the process finished before {what}");
        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync();
    }
}
