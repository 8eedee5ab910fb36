using System.Diagnostics;

namespace OkrLinker.Worker.Tests.Telemetry;

/// <summary>Prometheus's own linter on an exposition: <c>promtool check metrics</c>, text on stdin.</summary>
public static class Promtool
{
    /// <summary>What promtool printed (empty when it found nothing) and its exit code; fails when promtool is not installed.</summary>
    public static async Task<(int ExitCode, string Output)> CheckMetricsAsync(string exposition)
    {
        var promtool = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => Path.Combine(f, "promtool")).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("promtool is not installed; this test needs it (Debian package prometheus; ./test.sh installs it)");
        var info = new ProcessStartInfo(promtool, ["check", "metrics"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(exposition);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return (process.ExitCode, (await output + await error).Trim());
    }
}
