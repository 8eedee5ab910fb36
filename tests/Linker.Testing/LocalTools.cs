using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OkrLinker.Testing;

/// <summary>What the real-server fixtures share: finding a machine's binary, a free loopback port, running a tool to its end.</summary>
public static class LocalTools
{
    /// <summary>The full path of <paramref name="name"/> on PATH or in one of <paramref name="alsoIn"/>; fails (never skips) when absent.</summary>
    public static string Find(string name, string installHint, params string[] alsoIn)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(alsoIn);
        return folders.Select(f => Path.Combine(f, name)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"{name} is not installed; these tests need it ({installHint}; ./test.sh installs it)");
    }

    /// <summary>A port nothing listens on right now (the OS picks it; the tiny race with other processes is accepted).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs a tool to its end; a non-zero exit fails with what it printed.</summary>
    public static async Task RunAsync(string file, params string[] arguments) => await RunAsAsync(null, file, arguments);

    /// <summary>As <see cref="RunAsync"/>, as another user through <c>runuser</c> when <paramref name="user"/> is set.</summary>
    public static async Task RunAsAsync(string? user, string file, params string[] arguments)
    {
        using var process = Process.Start(Start(user, file, arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}{await output}");
        }
    }

    public static ProcessStartInfo Start(string? user, string file, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(user is null ? file : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (user is not null)
        {
            foreach (var prefix in new[] { "-u", user, "--", file })
            {
                info.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }
}
